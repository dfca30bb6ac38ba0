package hitchhiker.bench.jit;

import hitchhiker.examples.part2.BandwidthProbe;
import hitchhiker.examples.part2.GoFastKernels;
import hitchhiker.examples.part2.GoFastSimd;
import hitchhiker.examples.part2.StreamPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * {@code part2.gofast}'s kernels beside the bandwidth probe moving the same bytes through the same
 * arrays: the target is the best parallel variant within 1.25× of {@link #probe}. {@link #freshOutput}
 * is the same add into a newly allocated result each call, as NumPy's {@code a + trace} does, to
 * show what page faults and zeroing cost next to reusing a buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
public class GoFastBench {

    @Param("10000")
    int n;

    @Param("2")
    int threads;

    long[] a;
    double[] out;
    double trace;
    StreamPool pool;
    StreamPool allCores;

    @Setup
    public void setUp() {
        a = new long[n * n];
        for (int i = 0; i < a.length; i++) a[i] = i;
        out = new double[a.length];
        trace = GoFastKernels.traceOfTanh(a, n);
        pool = new StreamPool(threads);
        allCores = new StreamPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown
    public void tearDown() {
        pool.close();
        allCores.close();
    }

    @Benchmark
    public double[] serial() {
        GoFastKernels.addTrace(a, GoFastKernels.traceOfTanh(a, n), out, 0, a.length);
        return out;
    }

    @Benchmark
    public double[] simd() {
        GoFastSimd.addTrace(a, GoFastKernels.traceOfTanh(a, n), out, 0, a.length);
        return out;
    }

    @Benchmark
    public double[] parallel() {
        GoFastKernels.addTrace(a, GoFastKernels.traceOfTanh(a, n), out, pool);
        return out;
    }

    @Benchmark
    public double[] parallelSimd() {
        GoFastSimd.addTrace(a, GoFastKernels.traceOfTanh(a, n), out, pool);
        return out;
    }

    /** The physical limit: read 8 bytes and write 8 bytes per element on every core. */
    @Benchmark
    public double[] probe() {
        BandwidthProbe.copy(a, out, allCores);
        return out;
    }

    /** parallelSimd into a fresh result array each call. */
    @Benchmark
    public double[] freshOutput() {
        double[] fresh = new double[a.length];
        GoFastSimd.addTrace(a, GoFastKernels.traceOfTanh(a, n), fresh, pool);
        return fresh;
    }
}
