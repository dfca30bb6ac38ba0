package hitchhiker.omp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Every schedule, chunk size, team size and range runs every iteration exactly once. */
class LoopCoverageTest {

    static final Duration LIMIT = Duration.ofSeconds(20);

    /** A range of at most a few thousand iterations, anywhere: empty, one element, negative, at the top of int/long. */
    record Range(long lo, long hi) {
        int count() {
            return hi > lo ? (int) (hi - lo) : 0;
        }
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<Integer> chunks = Arbitraries.oneOf(Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(10, 5000), Arbitraries.just(Integer.MAX_VALUE));
        return Arbitraries.oneOf(
                Arbitraries.of(Schedule.STATIC, Schedule.DYNAMIC, Schedule.GUIDED, Schedule.AUTO, Schedule.RUNTIME),
                chunks.map(Schedule::staticChunks), chunks.map(Schedule::dynamic), chunks.map(Schedule::guided));
    }

    @Provide
    Arbitrary<Range> intRanges() {
        Arbitrary<Integer> count = Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 3), Arbitraries.integers().between(0, 3000));
        Arbitrary<Long> lo = Arbitraries.oneOf(Arbitraries.longs().between(-2000, 2000),
                Arbitraries.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE - 3000, (long) Integer.MAX_VALUE - 1,
                        (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE + 1));
        return Combinators.combine(lo, count, Arbitraries.of(true, false, false, false)).as((l, c, reversed) -> {
            long hi = Math.min(l + c, Integer.MAX_VALUE);
            return reversed ? new Range(hi, l) : new Range(l, hi);   // reversed: hi <= lo, nothing runs
        });
    }

    @Provide
    Arbitrary<Range> longRanges() {
        Arbitrary<Integer> count = Arbitraries.oneOf(Arbitraries.of(0, 1, 2), Arbitraries.integers().between(0, 3000));
        Arbitrary<Long> lo = Arbitraries.oneOf(Arbitraries.longs().between(-5000, 5000),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE - 3000, Long.MAX_VALUE - 1, Long.MAX_VALUE,
                        (long) Integer.MAX_VALUE - 100, (long) Integer.MIN_VALUE - 100));
        return Combinators.combine(lo, count).as((l, c) ->
                new Range(l, l > Long.MAX_VALUE - c ? Long.MAX_VALUE : l + c));
    }

    @Property(tries = 1000)
    void intLoopInRegionRunsEachIterationOnce(@ForAll("intRanges") Range r, @ForAll("schedules") Schedule s,
                                              @ForAll("teams") int threads, @ForAll boolean chunked,
                                              @ForAll boolean nowait) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(r.count(), 1));
        int lo = (int) r.lo();
        int hi = (int) r.hi();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            if (chunked) {
                if (nowait) t.loopNowait(lo, hi, s, (a, b) -> mark(seen, lo, a, b));
                else t.loop(lo, hi, s, (a, b) -> mark(seen, lo, a, b));
            } else {
                if (nowait) t.loopNowait(lo, hi, s, i -> seen.incrementAndGet(i - lo));
                else t.loop(lo, hi, s, i -> seen.incrementAndGet(i - lo));
            }
        }));
        assertEachOnce(seen, r.count());
    }

    @Property(tries = 1000)
    void longParallelForRunsEachIterationOnce(@ForAll("longRanges") Range r, @ForAll("schedules") Schedule s,
                                              @ForAll("teams") int threads, @ForAll boolean chunked) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(r.count(), 1));
        long lo = r.lo();
        assertTimeoutPreemptively(LIMIT, () -> {
            if (chunked) {
                Omp.parallel(threads).loopLong(lo, r.hi(), s, (a, b) -> {
                    assertThat(a).isLessThan(b);
                    for (long i = a; i < b; i++) seen.incrementAndGet((int) (i - lo));
                });
            } else {
                Omp.parallel(threads).loopLong(lo, r.hi(), s, i -> seen.incrementAndGet((int) (i - lo)));
            }
        });
        assertEachOnce(seen, r.count());
    }

    @Property(tries = 40)
    void manyNowaitLoopsInARowEachRunOnce(@ForAll("schedules") Schedule s, @ForAll("teams") int threads) {
        int loops = 3 * Team.RING + 1;   // more constructs than slots: fast threads must wait for slow ones
        int n = 64;
        AtomicIntegerArray seen = new AtomicIntegerArray(loops * n);
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            if (t.threadNum() == threads - 1) Thread.yield();   // one thread lags behind
            for (int k = 0; k < loops; k++) {
                int base = k * n;
                t.loopNowait(0, n, s, i -> seen.incrementAndGet(base + i));
            }
        }));
        assertEachOnce(seen, loops * n);
    }

    @Provide
    Arbitrary<Integer> teams() {
        return Arbitraries.integers().between(1, 5);
    }

    private static void mark(AtomicIntegerArray seen, int lo, int a, int b) {
        assertThat(a).isLessThan(b);
        for (int i = a; i < b; i++) seen.incrementAndGet(i - lo);
    }

    private static void assertEachOnce(AtomicIntegerArray seen, int count) {
        for (int i = 0; i < count; i++) {
            if (seen.get(i) != 1) throw new AssertionError("iteration " + i + " ran " + seen.get(i) + " times");
        }
    }
}
