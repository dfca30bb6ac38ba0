package hitchhiker.bench.gate;

import hitchhiker.bench.gate.TourGate.Ratio;
import hitchhiker.examples.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the machine gives a perfectly parallel workload right now: the speed-up of {@code threads}
 * copies of a pure-arithmetic loop (no memory traffic, no allocation, no communication) on as many
 * threads over the same copies one after another. On two idle cores it is 1.95–2.0x; on a virtual
 * machine whose two vCPUs share a physical core for a while, or beside another busy program, it
 * drops, and so must any example's speed-up: the floor is judged against it.
 */
final class Capacity {

    /** Iterations of one copy: about 15 ms on this project's machine, long beside a thread's start. */
    private static final int ITERATIONS = 15_000_000;
    private static final int WARM_UPS = 3;
    /**
     * Many short samples rather than a few long ones: a vCPU taken away for a moment spoils one
     * sample, and the median's interval at 15 samples leaves out the three most extreme each side
     * (at 7 it is the whole range, so one spoiled sample made the probe look ±50 % noisy).
     */
    private static final int SAMPLES = 15;

    /** Consumed so that the JIT cannot drop the loop. */
    private static volatile long sink;

    private Capacity() {
    }

    /** Measures the speed-up of {@code threads} threads, serial and parallel samples taking turns. */
    static Ratio measure(int threads) {
        List<Double> serial = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < WARM_UPS + SAMPLES; i++) {
                double s = time(() -> {
                    for (int t = 0; t < threads; t++) sink += spin(t);
                });
                double p = time(() -> {
                    List<Future<Long>> copies = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        long seed = t;
                        copies.add(pool.submit(() -> spin(seed)));
                    }
                    for (Future<Long> c : copies) sink += c.get();
                });
                if (i >= WARM_UPS) {
                    serial.add(s);
                    parallel.add(p);
                }
            }
        }
        return new Ratio(Stats.median(serial) / Stats.median(parallel),
                Math.hypot(Stats.relativeUncertainty(serial), Stats.relativeUncertainty(parallel)));
    }

    /** A xorshift generator run {@link #ITERATIONS} steps: each step depends on the last. */
    static long spin(long seed) {
        long x = seed + 0x9E3779B97F4A7C15L;
        for (int i = 0; i < ITERATIONS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException("the capacity probe failed", e);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
