package hitchhiker.omp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static hitchhiker.omp.LoopCoverageTest.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** sections, ordered, single copyprivate, threadprivate-like state and atomic helpers, for every team size. */
class SectionsOrderedCopyTest {

    @Property(tries = 40)
    void everySectionRunsOnce(@ForAll @IntRange(min = 1, max = 5) int threads, @ForAll @IntRange(min = 0, max = 12) int count,
                              @ForAll @IntRange(min = 1, max = 20) int rounds) {
        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, count));
        Runnable[] sections = new Runnable[count];
        for (int i = 0; i < count; i++) {
            int k = i;
            sections[i] = () -> runs.incrementAndGet(k);
        }
        assertTimeoutPreemptively(LIMIT, () -> {
            Omp.parallel(threads).run(t -> {
                for (int r = 0; r < rounds; r++) t.sections(sections);
            });
            Omp.parallel(threads).sections(sections);
        });
        for (int i = 0; i < count; i++) assertThat(runs.get(i)).isEqualTo(rounds + 1);
    }

    @Property(tries = 60)
    void orderedBlocksRunInIterationOrder(@ForAll @IntRange(min = 1, max = 4) int threads,
                                          @ForAll @IntRange(min = -20, max = 20) int lo,
                                          @ForAll @IntRange(min = 0, max = 300) int count,
                                          @ForAll("schedules") Schedule schedule) {
        List<Integer> order = new ArrayList<>();   // touched only inside ordered blocks
        AtomicIntegerArray parallelRuns = new AtomicIntegerArray(Math.max(1, count));
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.loopOrdered(lo, lo + count, schedule,
                i -> parallelRuns.incrementAndGet(i - lo), order::add)));
        List<Integer> expected = new ArrayList<>();
        for (int i = lo; i < lo + count; i++) expected.add(i);
        assertThat(order).isEqualTo(expected);
        for (int i = 0; i < count; i++) assertThat(parallelRuns.get(i)).isEqualTo(1);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Schedule> schedules() {
        return net.jqwik.api.Arbitraries.of(Schedule.STATIC, Schedule.staticChunks(1), Schedule.dynamic(1),
                Schedule.dynamic(7), Schedule.GUIDED);
    }

    @Property(tries = 40)
    void singleCopyGivesEveryThreadTheOneValue(@ForAll @IntRange(min = 1, max = 5) int threads,
                                               @ForAll @IntRange(min = 1, max = 40) int rounds) {
        AtomicInteger made = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            for (int r = 0; r < rounds; r++) {
                int round = r;
                String v = t.singleCopy(() -> "round " + round + " by " + made.incrementAndGet());
                if (!v.startsWith("round " + r + " by ")) wrong.add(v);
                t.singleNowait(() -> { });   // constructs after it reuse the slot ring
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(made.get()).isEqualTo(rounds);
    }

    @Property(tries = 20)
    void threadPrivateValuesPersistPerThreadNumber(@ForAll @IntRange(min = 1, max = 5) int threads) {
        ThreadPrivate<int[]> counter = ThreadPrivate.withInitial(() -> new int[1]);
        for (int region = 0; region < 3; region++) {
            Omp.parallel(threads).run(t -> counter.get(t)[0] += t.threadNum() + 1);
        }
        List<int[]> values = counter.values();
        assertThat(values).hasSize(threads);
        for (int i = 0; i < threads; i++) assertThat(values.get(i)[0]).isEqualTo(3 * (i + 1));
    }

    @Property(tries = 20)
    void atomicUpdatesOfPlainArraysLoseNothing(@ForAll @IntRange(min = 1, max = 4) int threads) {
        double[] bins = new double[3];
        long[] longs = new long[3];
        int[] ints = new int[1];
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).loop(0, 30_000, Schedule.dynamic(64), i -> {
            Atomics.add(bins, i % 3, 0.5);
            Atomics.add(longs, 0, 1);
            Atomics.max(longs, 1, i);
            Atomics.min(longs, 2, -i);
            Atomics.add(ints, 0, 2);
        }));
        assertThat(bins).containsExactly(5000.0, 5000.0, 5000.0);
        assertThat(longs).containsExactly(30_000L, 29_999L, -29_999L);
        assertThat(ints[0]).isEqualTo(60_000);
        double[] d = {Double.NaN, 1};
        assertThat(Atomics.max(d, 0, 3.0)).isEqualTo(3.0);
        assertThat(Atomics.min(d, 1, -2.0)).isEqualTo(-2.0);
        assertThat(Atomics.max(d, 1, Double.NaN)).isEqualTo(-2.0);
    }
}
