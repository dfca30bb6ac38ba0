package hitchhiker.bench.jit;

import hitchhiker.examples.part2.PrangeSum;
import hitchhiker.examples.part2.StreamPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;


/** {@code part2.prange}: the serial sum of 100,000,000 doubles against the parallel reduction (target >= 1.5× on 2 threads). */
public class PrangeBench extends JitBenchSettings {

    @Param("100000000")
    int n;

    @Param("2")
    int threads;

    double[] a;
    StreamPool pool;

    @Setup
    public void setUp() {
        a = new double[n];
        for (int i = 0; i < n; i++) a[i] = i;
        pool = new StreamPool(threads);
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public double serial() {
        return PrangeSum.sum(a);
    }

    @Benchmark
    public double parallel() {
        return PrangeSum.sum(a, pool);
    }
}
