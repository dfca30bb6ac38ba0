package hitchhiker.examples.part2;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class StreamPoolTest {

    /** For the properties (jqwik runs them with its own lifecycle, apart from JUnit's). */
    private static StreamPool pool;

    @BeforeContainer
    static void startPool() {
        pool = new StreamPool(3);
    }

    @AfterContainer
    static void stopPool() {
        pool.close();
    }

    @Property(tries = 200)
    void everyIndexIsVisitedExactlyOnce(@ForAll @IntRange(min = 0, max = 5_000) int length,
                                        @ForAll @IntRange(min = 1, max = 700) int minBlock) {
        AtomicIntegerArray visits = new AtomicIntegerArray(length);
        pool.forEachBlock(length, minBlock, (from, to) -> {
            for (int i = from; i < to; i++) visits.incrementAndGet(i);
        });
        for (int i = 0; i < length; i++) assertThat(visits.get(i)).as("index %d", i).isEqualTo(1);
    }

    /** ReduceProd's array reduction, a reduction whose partial results are arrays. */
    @Property(tries = 100)
    void parallelArrayReductionEqualsTheSerialLoop(@ForAll @IntRange(min = 0, max = 5_000) int n) {
        long[] serial = ReduceProd.serial(n);
        assertThat(ReduceProd.parallel(n, pool)).containsExactly(serial);
        assertThat(serial).containsOnly(n + 1 < 64 ? 1L << (n + 1) : 0L);
    }

    @Property(tries = 200)
    void reductionEqualsTheSerialSum(@ForAll @IntRange(min = 0, max = 5_000) int length,
                                     @ForAll @IntRange(min = 1, max = 700) int minBlock) {
        long sum = pool.reduceBlocks(length, minBlock, (from, to) -> {
            long s = 0;
            for (int i = from; i < to; i++) s += i;
            return s;
        }, Long::sum);
        assertThat(sum).isEqualTo((long) length * (length - 1) / 2);
    }

    @Test
    void blocksAreAtLeastTheMinimumAndAtMostEightPerThread() {
        try (StreamPool three = new StreamPool(3)) {
            assertThat(three.blockCount(0, 10)).isEqualTo(1);
            assertThat(three.blockCount(99, 10)).isEqualTo(9);
            assertThat(three.blockCount(1_000_000, 10)).isEqualTo(24);
        }
    }

    @Test
    void streamsRunOnThePoolsOwnThreadsNotTheCommonPool() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (StreamPool two = new StreamPool(2)) {
            two.forEachBlock(1_000, 1, (from, to) -> {
                threads.add(Thread.currentThread());
                busy();
            });
        }
        assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(2).allSatisfy(t -> {
            assertThat(t).isInstanceOf(ForkJoinWorkerThread.class);
            assertThat(((ForkJoinWorkerThread) t).getPool()).isNotSameAs(ForkJoinPool.commonPool());
        });
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void aFailingBlockFailsTheLoop() {
        try (StreamPool two = new StreamPool(2)) {
            assertThatThrownBy(() -> two.forEachBlock(100, 1, (from, to) -> {
                if (from <= 50 && 50 < to) throw new IllegalStateException("block at 50 failed");
            })).hasMessageContaining("block at 50 failed");
        }
    }

    private static void busy() {
        long end = System.nanoTime() + 100_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
