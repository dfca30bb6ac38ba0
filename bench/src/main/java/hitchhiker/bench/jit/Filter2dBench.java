package hitchhiker.bench.jit;

import hitchhiker.examples.part2.Filter2dKernels;
import hitchhiker.examples.part2.Filter2dSimd;
import hitchhiker.examples.part2.StreamPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.SplittableRandom;

/** {@code part2.filter2d}: the valid-region 2-D filter, serial, SIMD, parallel rows and both (target: parallel >= 1.8× serial on 2 threads). */
public class Filter2dBench extends JitBenchSettings {

    @Param({"100", "1000"})
    int size;

    @Param("10")
    int filter;

    @Param("2")
    int threads;

    double[] image;
    double[] filt;
    StreamPool pool;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2018);
        image = random.doubles((long) size * size).toArray();
        filt = random.doubles((long) filter * filter).toArray();
        pool = new StreamPool(threads);
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public double[] serial() {
        return Filter2dKernels.filter2d(image, size, size, filt, filter, filter);
    }

    @Benchmark
    public double[] simd() {
        return Filter2dSimd.filter2d(image, size, size, filt, filter, filter);
    }

    @Benchmark
    public double[] parallel() {
        return Filter2dKernels.filter2d(image, size, size, filt, filter, filter, pool);
    }

    @Benchmark
    public double[] parallelSimd() {
        return Filter2dSimd.filter2d(image, size, size, filt, filter, filter, pool);
    }
}
