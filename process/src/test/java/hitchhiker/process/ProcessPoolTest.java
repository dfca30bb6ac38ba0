package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolTest extends TwoWorkerPoolTests {

    static int square(int x) {
        return x * x;
    }

    @Test
    void mapReturnsResultsInInputOrderEvenWhenTasksFinishOutOfOrder() {
        List<Integer> inputs = IntStream.range(0, 40).boxed().toList();
        List<Integer> out = pool.map(x -> {
            Thread.sleep((40 - x) % 7); // later inputs often finish first
            return x * 10;
        }, inputs, 1);
        assertThat(out).isEqualTo(inputs.stream().map(x -> x * 10).toList());
    }

    @Test
    void mapWithEveryChunksizeGivesTheSameResults() {
        List<Integer> inputs = IntStream.range(0, 101).boxed().toList();
        List<Integer> expected = inputs.stream().map(ProcessPoolTest::square).toList();
        for (int chunksize : new int[]{1, 2, 7, 50, 101, 1000}) {
            assertThat(pool.map(ProcessPoolTest::square, inputs, chunksize)).as("chunksize %d", chunksize).isEqualTo(expected);
        }
        assertThat(pool.map(ProcessPoolTest::square, inputs)).isEqualTo(expected);
        assertThat(pool.map(ProcessPoolTest::square, List.<Integer>of())).isEmpty();
    }

    @Test
    void automaticChunksizeFollowsPythonsFourChunksPerWorker() {
        assertThat(ProcessPool.autoChunksize(100_000, 2)).isEqualTo(12_500);
        assertThat(ProcessPool.autoChunksize(10, 2)).isEqualTo(2);
        assertThat(ProcessPool.autoChunksize(3, 4)).isEqualTo(1);
        assertThat(ProcessPool.autoChunksize(0, 4)).isEqualTo(1);
    }

    @Test
    void valuesOfEveryKindTravelBothWays() {
        List<Object> inputs = new ArrayList<>(List.of(1, 2L, 3.5, true, "héllo", new int[]{1, 2}, new long[]{3},
                new double[]{4.5}, new byte[]{5}, List.of("a", "b")));
        inputs.add(null);
        List<Object> out = pool.map(x -> x, inputs, 3);
        assertThat(out).usingRecursiveComparison().isEqualTo(inputs);
    }

    @Test
    void argumentsAndResultsLargerThanAPipeFlowBothWaysAtOnce() {
        // Many 800 KB messages each way: writes to a full pipe must never stall the reader of results.
        List<double[]> inputs = IntStream.range(0, 24).mapToObj(i -> new double[100_000]).toList();
        List<double[]> out = pool.map(a -> {
            double[] r = a.clone();
            r[0] = 1;
            return r;
        }, inputs, 1);
        assertThat(out).hasSize(24).allMatch(a -> a.length == 100_000 && a[0] == 1);
        List<Integer> sizes = pool.map((Integer n) -> new long[n], List.of(200_000, 1, 300_000), 1)
                .stream().map(a -> a.length).toList();
        assertThat(sizes).containsExactly(200_000, 1, 300_000);
    }

    @Test
    void submitReturnsAFutureOfTheResult() throws Exception {
        CompletableFuture<String> f = pool.submit((String s) -> s + " from " + ProcessHandle.current().pid(), "hi");
        String answer = f.get(10, TimeUnit.SECONDS);
        assertThat(answer).startsWith("hi from ");
        assertThat(Long.parseLong(answer.substring(8))).isIn(pool.pids()).isNotEqualTo(ProcessHandle.current().pid());
    }

    static int failOnThree(int x) {
        if (x == 3) throw new IllegalStateException("three is not allowed");
        return x;
    }

    @Test
    void aTaskExceptionComesBackWithTheRemoteStackTraceAndThePoolStaysUsable() {
        CompletableFuture<Integer> f = pool.submit(ProcessPoolTest::failOnThree, 3);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemoteTaskException.class)
                .hasMessageContaining("pid ").hasMessageContaining("three is not allowed")
                .cause().isInstanceOf(IllegalStateException.class)
                .satisfies(remote -> assertThat(remote.getStackTrace())
                        .anyMatch(e -> e.getMethodName().equals("failOnThree")));

        assertThatThrownBy(() -> pool.map(ProcessPoolTest::failOnThree, List.of(0, 1, 2, 3, 4), 2))
                .isInstanceOf(RemoteTaskException.class).hasMessageContaining("on input #3");

        assertThat(pool.map(ProcessPoolTest::square, List.of(1, 2, 3))).containsExactly(1, 4, 9);
    }

    static final class Unsendable extends RuntimeException {
        final Thread thread = Thread.currentThread(); // not serializable

        Unsendable() {
            super("cannot travel");
        }
    }

    @Test
    void anExceptionThatCannotBeSerializedStillArrivesAsACopy() {
        CompletableFuture<Object> f = pool.submit(x -> {
            throw new Unsendable();
        }, 1);
        assertThatThrownBy(f::get).cause().isInstanceOf(RemoteTaskException.class)
                .cause().isInstanceOf(RemoteThrowable.class).hasMessage("cannot travel")
                .satisfies(t -> assertThat(((RemoteThrowable) t).className()).endsWith("Unsendable"));
    }

    static final class NotSerializable {
        int value = 1;
    }

    @Test
    void aTaskThatCannotBeSerializedIsRejectedBeforeSendingNamingTheClass() {
        NotSerializable captured = new NotSerializable();
        assertThatThrownBy(() -> pool.submit(x -> captured.value, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotSerializable.class.getName()).hasMessageContaining("not Serializable");
        assertThatThrownBy(() -> pool.map(x -> x, List.of(new NotSerializable())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input #0");
        assertThatThrownBy(() -> pool.submit(x -> new NotSerializable(), 1).get())
                .cause().isInstanceOf(RemoteTaskException.class).hasMessageContaining("not Serializable");
    }

    @Test
    void badArgumentsGetOneLineMessages() {
        assertThatThrownBy(() -> new ProcessPool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a process pool needs at least 1 worker, not 0");
        assertThatThrownBy(() -> pool.map(null, List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the function is null");
        assertThatThrownBy(() -> pool.map(x -> x, List.of(1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunksize must be at least 1, not 0");
    }

    @Test
    void imapReadsInputOnlyAsResultsAreConsumed() {
        AtomicInteger pulled = new AtomicInteger();
        Iterable<Integer> endless = () -> new Iterator<>() {
            public boolean hasNext() {
                return true;
            }

            public Integer next() {
                return pulled.getAndIncrement();
            }
        };
        Iterator<Integer> results = pool.imap(ProcessPoolTest::square, endless, 2, 3);
        assertThat(pulled.get()).isZero();
        for (int i = 0; i < 50; i++) {
            assertThat(results.next()).isEqualTo(i * i);
            // never more than 3 chunks of 2 beyond the chunk being consumed
            assertThat(pulled.get()).isLessThanOrEqualTo(i + 1 + 2 + 3 * 2);
        }
    }

    @Test
    void imapUnorderedYieldsEveryResultOnce() {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<Integer> out = new ArrayList<>();
        pool.imapUnordered(ProcessPoolTest::square, inputs, 3).forEachRemaining(out::add);
        assertThat(out).containsExactlyInAnyOrderElementsOf(inputs.stream().map(ProcessPoolTest::square).toList());
    }

    /** An input iterator that yields 0, 1, ... and throws when asked for item {@code failAt}. */
    static Iterable<Integer> failingAfter(int failAt) {
        return () -> new Iterator<>() {
            int next;

            public boolean hasNext() {
                return true;
            }

            public Integer next() {
                if (next == failAt) throw new IllegalStateException("input " + failAt + " is broken");
                return next++;
            }
        };
    }

    @Test
    void imapOverAnInputThatThrowsYieldsTheResultsBeforeItThenRaises() {
        for (int chunksize : new int[]{1, 3}) {
            Iterator<Integer> results = pool.imap(ProcessPoolTest::square, failingAfter(5), chunksize);
            for (int i = 0; i < 5; i++) assertThat(results.next()).as("chunksize %d", chunksize).isEqualTo(i * i);
            assertThatThrownBy(results::next).isInstanceOf(IllegalStateException.class).hasMessage("input 5 is broken");
            assertThat(results.hasNext()).isFalse();
        }
        List<Integer> unordered = new ArrayList<>();
        Iterator<Integer> results = pool.imapUnordered(ProcessPoolTest::square, failingAfter(7), 2);
        for (int i = 0; i < 7; i++) unordered.add(results.next());
        assertThat(unordered).containsExactlyInAnyOrder(0, 1, 4, 9, 16, 25, 36);
        assertThatThrownBy(results::next).isInstanceOf(IllegalStateException.class).hasMessage("input 7 is broken");
        // Python's imap: an iterator failing at once raises at the first next().
        assertThatThrownBy(() -> pool.imap(ProcessPoolTest::square, failingAfter(0)).next())
                .hasMessage("input 0 is broken");
    }

    @Test
    void closeFinishesQueuedWorkThenRefusesMore() throws Exception {
        ProcessPool p = new ProcessPool(1);
        List<CompletableFuture<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) fs.add(p.submit(x -> {
            Thread.sleep(20);
            return x;
        }, i));
        p.close();
        for (int i = 0; i < 5; i++) assertThat(fs.get(i).getNow(-1)).isEqualTo(i);
        assertThatThrownBy(() -> p.submit(x -> x, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("process pool is closed");
        p.close(); // twice is fine
    }

    @Test
    void terminateStopsWorkersAndCancelsUnfinishedTasks() {
        ProcessPool p = new ProcessPool(1);
        List<Long> pids = p.pids();
        CompletableFuture<Integer> f = p.submit(x -> {
            Thread.sleep(60_000);
            return x;
        }, 1);
        p.terminate();
        assertThatThrownBy(f::join).hasCauseInstanceOf(CancellationException.class);
        assertThat(ProcessHandle.of(pids.getFirst()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theInitializerRunsInEveryWorkerBeforeItsTasks() {
        try (ProcessPool p = ProcessPool.builder().workers(2)
                .initializer(() -> System.setProperty("hhg.test.init", "done")).start()) {
            assertThat(p.map(x -> System.getProperty("hhg.test.init"), List.of(1, 2, 3, 4), 1))
                    .containsOnly("done");
        }
    }

    @Test
    void maxTasksPerChildReplacesWorkers() {
        try (ProcessPool p = ProcessPool.builder().workers(1).maxTasksPerChild(2).start()) {
            List<Long> pids = p.map(x -> ProcessHandle.current().pid(), List.of(1, 2, 3, 4, 5, 6), 1);
            assertThat(pids.stream().distinct().count()).isEqualTo(3);
            assertThat(pids.get(0)).isEqualTo(pids.get(1));
        }
    }
}
