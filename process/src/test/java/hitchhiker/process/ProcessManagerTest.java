package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Manager's dict, list, namespace and queue, used from workers as Python's are. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessManagerTest {

    @Test
    void workersShareADictAListAndANamespaceServedByTheOwner() throws Exception {
        try (ProcessManager manager = new ProcessManager(); ProcessPool pool = new ProcessPool(2)) {
            SharedDict<String, Integer> counts = manager.dict();
            SharedList<Integer> seen = manager.list();
            SharedNamespace ns = manager.namespace();
            ns.set("label", "run 1");
            List<CompletableFuture<String>> fs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                fs.add(pool.submit(x -> {
                    for (int i = 0; i < 100; i++) counts.addTo("hits", 1);
                    seen.add(x);
                    counts.put("worker" + x, x * 10);
                    return ns.get("label");
                }, w));
            }
            for (var f : fs) assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("run 1");
            assertThat(counts.get("hits")).isEqualTo(200); // every increment counted: each call is atomic
            assertThat(counts.copy()).containsEntry("worker0", 0).containsEntry("worker1", 10);
            assertThat(seen.copy()).containsExactlyInAnyOrder(0, 1);
            assertThat(seen.size()).isEqualTo(2);
            assertThat(counts.remove("hits")).isEqualTo(200);
            assertThat(counts.containsKey("hits")).isFalse();
            assertThat(pool.submit(x -> seen.get(5), 0)).failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableThat().havingRootCause().isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ns.get("missing")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the namespace has no attribute 'missing'");
            assertThat(ns.attributes()).isEqualTo(Map.of("label", "run 1"));

            ProcessQueue<String> q = manager.queue();
            pool.submit(x -> {
                q.put("via the manager's queue");
                return 0;
            }, 0).get();
            assertThat(q.get()).isEqualTo("via the manager's queue");
        }
    }

    @Test
    void aClosedManagerSaysSo() throws Exception {
        ProcessManager manager = new ProcessManager();
        SharedDict<String, String> d = manager.dict();
        try (ProcessPool pool = new ProcessPool(1)) {
            assertThat(pool.submit(x -> d.put("a", "b"), 0).get()).isNull();
            manager.close();
            assertThatThrownBy(() -> d.get("a")).isInstanceOf(IllegalStateException.class).hasMessage("the manager is closed");
            assertThat(pool.submit(x -> {
                try {
                    return d.get("a");
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }, 0).get()).contains("closed");
        }
    }
}
