package hitchhiker.omp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static hitchhiker.omp.LoopCoverageTest.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Barriers, single, master, critical and thread numbering hold for every team size. */
class ConstructTest {

    @Property(tries = 40)
    void everyThreadNumberAppearsOnce(@ForAll @IntRange(min = 1, max = 8) int threads) {
        AtomicIntegerArray seen = new AtomicIntegerArray(threads);
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            seen.incrementAndGet(t.threadNum());
            sizes.add(t.numThreads());
            assertThat(Omp.threadNum()).isEqualTo(t.threadNum());
        }));
        for (int i = 0; i < threads; i++) assertThat(seen.get(i)).isEqualTo(1);
        assertThat(sizes).hasSize(threads).containsOnly(threads);
    }

    @Property(tries = 40)
    void noThreadPassesABarrierBeforeAllArrive(@ForAll @IntRange(min = 1, max = 5) int threads,
                                               @ForAll @IntRange(min = 1, max = 200) int rounds) {
        AtomicIntegerArray arrived = new AtomicIntegerArray(rounds);
        AtomicInteger violations = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            for (int r = 0; r < rounds; r++) {
                if ((r + t.threadNum()) % 7 == 0) Thread.yield();   // uneven arrival
                arrived.incrementAndGet(r);
                t.barrier();
                if (arrived.get(r) != threads) violations.incrementAndGet();
            }
        }));
        assertThat(violations.get()).isZero();
    }

    @Property(tries = 30)
    void singleRunsOnceMasterOnThreadZeroCriticalExcludes(@ForAll @IntRange(min = 1, max = 5) int threads,
                                                          @ForAll @IntRange(min = 1, max = 50) int rounds) {
        AtomicInteger singles = new AtomicInteger();
        AtomicInteger singlesNowait = new AtomicInteger();
        AtomicInteger masters = new AtomicInteger();
        int[] unguarded = new int[2];   // plain ints: only mutual exclusion keeps the counts right
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            for (int r = 0; r < rounds; r++) {
                t.single(singles::incrementAndGet);
                t.singleNowait(singlesNowait::incrementAndGet);
                t.master(() -> {
                    assertThat(t.threadNum()).isZero();
                    masters.incrementAndGet();
                });
                for (int k = 0; k < 20; k++) {
                    t.critical(() -> unguarded[0]++);
                    t.critical("other", () -> unguarded[1]++);
                }
            }
        }));
        assertThat(singles.get()).isEqualTo(rounds);
        assertThat(singlesNowait.get()).isEqualTo(rounds);
        assertThat(masters.get()).isEqualTo(rounds);
        assertThat(unguarded).containsExactly(threads * rounds * 20, threads * rounds * 20);
    }

    @Property(tries = 20)
    void nestedRegionsRunSeriallyOnTheirThread(@ForAll @IntRange(min = 2, max = 4) int threads) {
        AtomicIntegerArray inner = new AtomicIntegerArray(threads);
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> Omp.parallel(4).run(u -> {
            assertThat(u.numThreads()).isEqualTo(1);
            assertThat(u.threadNum()).isZero();
            u.barrier();
            inner.addAndGet(t.threadNum(), (int) Omp.parallel(3).reduce(0, 10, Schedule.DYNAMIC, LongReducer.SUM, i -> i));
        })));
        for (int i = 0; i < threads; i++) assertThat(inner.get(i)).isEqualTo(45);
    }

    @Property(tries = 10)
    void regionsOfChangingSizesOnOnePooledTeamNeverMix(@ForAll @IntRange(min = 2, max = 6) int big,
                                                       @ForAll @IntRange(min = 2, max = 3) int small) {
        // A worker that sat out a small region and wakes late must not run the next region twice.
        AtomicInteger wrong = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int r = 0; r < 300; r++) {
                int n = r % 2 == 0 ? big : small;
                AtomicInteger ran = new AtomicInteger();
                Omp.parallel(n).run(t -> {
                    ran.incrementAndGet();
                    t.barrier();
                    if (ran.get() != n) wrong.incrementAndGet();
                });
                if (ran.get() != n) wrong.incrementAndGet();
            }
        });
        assertThat(wrong.get()).isZero();
    }
}
