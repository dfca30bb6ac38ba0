package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rest of Python's {@code Pool} API: starmap, map_async, starmap_async, apply, apply_async, and a dropped pool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolApiTest extends TwoWorkerPoolTests {

    @Test
    void starmapAppliesTheFunctionToEachPairInOrder() {
        // Python: pool.starmap(f, [(1, 2), (3, 4)]) == [f(1, 2), f(3, 4)]
        List<Map.Entry<Integer, Integer>> pairs = IntStream.range(0, 50).mapToObj(i -> Map.entry(i, i + 1)).toList();
        assertThat(pool.starmap((Integer a, Integer b) -> a * b, pairs))
                .isEqualTo(IntStream.range(0, 50).map(i -> i * (i + 1)).boxed().toList());
        assertThat(pool.starmap(Math::pow, List.of(Map.entry(2.0, 10.0)), 1)).containsExactly(1024.0);
        assertThat(pool.starmap((String s, Integer n) -> s.repeat(n), List.<Map.Entry<String, Integer>>of())).isEmpty();
        assertThatThrownBy(() -> pool.starmap((Integer a, Integer b) -> a / b, List.of(Map.entry(1, 1), Map.entry(1, 0)), 1))
                .isInstanceOf(RemoteTaskException.class).hasMessageContaining("on input #1")
                .cause().isInstanceOf(ArithmeticException.class);
    }

    @Test
    void mapAsyncCompletesWithTheListAfterItsCallbackRan() throws Exception {
        AtomicReference<List<Integer>> called = new AtomicReference<>();
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<List<Integer>> f = pool.mapAsync(x -> x + 1, List.of(1, 2, 3), 1,
                called::set, e -> errors.incrementAndGet());
        assertThat(f.get(10, TimeUnit.SECONDS)).containsExactly(2, 3, 4);
        assertThat(called.get()).containsExactly(2, 3, 4);
        assertThat(errors.get()).isZero();
        assertThat(pool.mapAsync(x -> x, List.of()).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(pool.starmapAsync((Integer a, Integer b) -> a - b, List.of(Map.entry(5, 3))).get(10, TimeUnit.SECONDS))
                .containsExactly(2);
    }

    @Test
    void mapAsyncFailsWithTheFirstFailureAndCallsTheErrorCallbackOnce() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<List<Integer>> f = pool.mapAsync(x -> {
            if (x == 3) throw new IllegalArgumentException("three");
            return x;
        }, IntStream.range(0, 10).boxed().toList(), 2, r -> calls.addAndGet(100), e -> {
            calls.incrementAndGet();
            failure.set(e);
        });
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemoteTaskException.class).hasMessageContaining("on input #3");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(failure.get()).isInstanceOf(RemoteTaskException.class).cause().hasMessage("three");
    }

    @Test
    void applyWaitsAndApplyAsyncCallsBack() throws Exception {
        assertThat(pool.<Integer, Integer>apply(x -> x * 3, 14)).isEqualTo(42);
        assertThatThrownBy(() -> pool.apply(x -> {
            throw new IllegalStateException("no");
        }, 1)).isInstanceOf(RemoteTaskException.class).cause().hasMessage("no");

        AtomicReference<Object> got = new AtomicReference<>();
        assertThat(pool.applyAsync((String s) -> s + "!", "hi", got::set, got::set).get(10, TimeUnit.SECONDS)).isEqualTo("hi!");
        assertThat(got.get()).isEqualTo("hi!");
        CompletableFuture<Object> failing = pool.applyAsync(x -> {
            throw new ArithmeticException("boom");
        }, 1, got::set, got::set);
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RemoteTaskException.class);
        assertThat(got.get()).isInstanceOf(RemoteTaskException.class);
        assertThat(pool.applyAsync(x -> x, 7).get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void aPoolDroppedWithoutCloseStopsItsWorkersWithAWarning() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Long> pids;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            pids = startAndDrop();
            long t0 = System.nanoTime();
            while (pids.stream().anyMatch(Processes::isRunning) && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                System.gc();
                Thread.sleep(50);
            }
        } finally {
            System.setErr(err);
        }
        assertThat(pids).noneMatch(Processes::isRunning);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("a ProcessPool of 2 workers was dropped without close() or terminate()");
    }

    @Test
    void aFutureOfADroppedPoolFailsInsteadOfWaitingForEver() throws Exception {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<Integer> orphan = submitAndDrop();
            long t0 = System.nanoTime();
            while (!orphan.isDone() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                System.gc();
                Thread.sleep(50);
            }
            assertThatThrownBy(() -> orphan.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessage("the process pool was dropped without close()");
        } finally {
            System.setErr(err);
        }
    }

    private static CompletableFuture<Integer> submitAndDrop() {
        return new ProcessPool(1).submit(x -> {
            Thread.sleep(60_000);
            return x;
        }, 1);
    }

    private static List<Long> startAndDrop() {
        ProcessPool dropped = new ProcessPool(2);
        assertThat(dropped.map(x -> x + 1, List.of(1, 2))).containsExactly(2, 3);
        return dropped.pids();
    }

    @Test
    void aClosedPoolDoesNotWarn() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            closeAndDrop();
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(20);
            }
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("dropped without close()");
    }

    private static void closeAndDrop() {
        try (ProcessPool p = new ProcessPool(1)) {
            Duration echoed = p.apply(x -> x, Duration.ofSeconds(1));
            assertThat(echoed).isEqualTo(Duration.ofSeconds(1));
        }
    }
}
