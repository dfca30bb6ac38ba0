package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessQueueTest {

    @Test
    void itemsComeOutInTheOrderTheyWentIn() throws Exception {
        try (ProcessQueue<Object> q = new ProcessQueue<>()) {
            q.put(1);
            q.put("two");
            q.put(null);
            q.put(List.of(3));
            assertThat(q.size()).isEqualTo(4);
            assertThat(q.get()).isEqualTo(1);
            assertThat(q.get()).isEqualTo("two");
            assertThat(q.get()).isNull();
            assertThat(q.get()).isEqualTo(List.of(3));
        }
    }

    @Test
    void getAndPutTimeOutWhenEmptyOrFull() throws Exception {
        try (ProcessQueue<Integer> q = new ProcessQueue<>(1)) {
            assertThatThrownBy(() -> q.get(Duration.ofMillis(20))).isInstanceOf(TimeoutException.class);
            q.put(1);
            assertThatThrownBy(() -> q.put(2, Duration.ofMillis(20))).isInstanceOf(TimeoutException.class);
        }
        assertThatThrownBy(() -> new ProcessQueue<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingWakesAConsumerWaitingForAnItem() throws Exception {
        ProcessQueue<Integer> q = new ProcessQueue<>();
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return q.get();
            } catch (Exception | Error e) {
                return e;
            }
        });
        Thread.sleep(50);
        q.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void producersAndConsumersInSeveralJvmsShareOneQueue() throws Exception {
        try (ProcessPool pool = new ProcessPool(2);
             ProcessQueue<Integer> work = new ProcessQueue<>(16);
             ProcessQueue<Object> results = new ProcessQueue<>()) {
            // Two workers consume until their "all done" marker; the parent and a worker produce.
            List<CompletableFuture<Integer>> consumers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                consumers.add(pool.submit(x -> {
                    int n = 0;
                    for (Integer item; (item = work.get()) >= 0; n++) results.put(item * 2);
                    results.put("finished");
                    return n;
                }, c));
            }
            // The pool has two workers, both consuming: produce from a separate child JVM and from here.
            JvmProcess producer = new JvmProcess(() -> {
                for (int i = 1000; i < 1300; i++) work.put(i);
            }).start();
            for (int i = 0; i < 300; i++) work.put(i);
            producer.join();
            assertThat(producer.exitCode()).hasValue(0);
            work.put(-1);
            work.put(-1);

            Set<Object> doubled = new HashSet<>();
            for (int finished = 0; finished < 2; ) {
                Object r = results.get(Duration.ofSeconds(20));
                if ("finished".equals(r)) finished++;
                else assertThat(doubled.add(r)).isTrue();
            }
            Set<Object> expected = new HashSet<>();
            for (int i = 0; i < 300; i++) expected.add(2 * i);
            for (int i = 1000; i < 1300; i++) expected.add(2 * i);
            assertThat(doubled).isEqualTo(expected);
            assertThat(consumers.get(0).get() + consumers.get(1).get()).isEqualTo(600);
        }
    }

    @Test
    void aRemoteGetTimesOutAndAClosedQueueSaysSo() throws Exception {
        try (ProcessPool pool = new ProcessPool(1)) {
            ProcessQueue<Integer> q = new ProcessQueue<>();
            String answer = pool.submit(x -> {
                try {
                    return "got " + q.get(Duration.ofMillis(50));
                } catch (TimeoutException e) {
                    return "timed out";
                }
            }, 0).get();
            assertThat(answer).isEqualTo("timed out");
            q.close();
            assertThat(pool.submit(x -> {
                try {
                    return "got " + q.get(Duration.ofMillis(50));
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }, 0).get()).contains("closed");
            assertThatThrownBy(() -> q.put(1)).isInstanceOf(IllegalStateException.class).hasMessage("the queue is closed");
            // Python's qsize() and empty() of a closed queue raise too.
            assertThatThrownBy(q::size).isInstanceOf(IllegalStateException.class).hasMessage("the queue is closed");
            assertThatThrownBy(q::isEmpty).isInstanceOf(IllegalStateException.class).hasMessage("the queue is closed");
        }
    }
}
