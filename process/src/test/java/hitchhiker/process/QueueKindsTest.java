package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Python's get_nowait / put_nowait, JoinableQueue and SimpleQueue, and a queue whose owner dies. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueKindsTest {

    @Test
    void nowaitCallsRaiseInsteadOfWaiting() throws Exception {
        try (ProcessQueue<String> q = new ProcessQueue<>(1)) {
            assertThatThrownBy(q::getNowait).isInstanceOf(NoSuchElementException.class).hasMessage("the queue is empty");
            q.putNowait("a");
            assertThatThrownBy(() -> q.putNowait("b")).isInstanceOf(IllegalStateException.class).hasMessage("the queue is full");
            assertThat(q.size()).isEqualTo(1);
            assertThat(q.getNowait()).isEqualTo("a");
            assertThat(q.isEmpty()).isTrue();
        }
    }

    @Test
    void joinableQueueJoinWaitsUntilEveryItemIsMarkedDone() throws Exception {
        try (ProcessPool pool = new ProcessPool(1); JoinableQueue<Integer> q = new JoinableQueue<>();
             SharedLong sum = new SharedLong(0)) {
            for (int i = 1; i <= 100; i++) q.put(i);
            var consumer = pool.submit(x -> {
                for (int i = 0; i < 100; i++) {
                    int item = q.get();
                    Thread.sleep(item == 100 ? 200 : 0); // the last one takes a while
                    sum.addAndGet(item);
                    q.taskDone();
                }
                return 0;
            }, 0);
            q.join();
            assertThat(sum.get()).isEqualTo(5050); // join returned only after the last taskDone
            consumer.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                    .hasMessage("taskDone() called more times than items were put");
        }
    }

    @Test
    void simpleQueueCarriesItemsBetweenJvms() throws Exception {
        try (SimpleQueue<String> q = new SimpleQueue<>()) {
            assertThat(q.isEmpty()).isTrue();
            JvmProcess p = new JvmProcess(() -> q.put("from " + ProcessHandle.current().pid())).start();
            assertThat(q.get()).isEqualTo("from " + p.pid());
            assertThat(p.join(Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void aClientWhoseOwnerExitedIsToldSo() throws Exception {
        try (ProcessQueue<ProcessQueue<Integer>> handOver = new ProcessQueue<>()) {
            JvmProcess owner = new JvmProcess(() -> {
                ProcessQueue<Integer> own = new ProcessQueue<>();
                handOver.put(own);
            }).start();
            ProcessQueue<Integer> orphan = handOver.get(Duration.ofSeconds(20));
            assertThat(owner.join(Duration.ofSeconds(20))).isTrue();
            assertThatThrownBy(() -> orphan.get(Duration.ofSeconds(10))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("went away");
        }
    }

    @Test
    void aLargeItemStreamsThroughTheRing() throws Exception {
        try (ProcessPool pool = new ProcessPool(1); ProcessQueue<long[]> q = new ProcessQueue<>()) {
            long[] big = new long[300_000]; // 2.4 MB, more than the ring holds
            for (int i = 0; i < big.length; i++) big[i] = i;
            var f = pool.submit(x -> {
                long[] got = q.get();
                long s = 0;
                for (long v : got) s += v;
                return s;
            }, 0);
            q.put(big);
            assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(300_000L * 299_999 / 2);
        }
    }
}
