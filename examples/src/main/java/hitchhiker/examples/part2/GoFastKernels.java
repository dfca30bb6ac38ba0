package hitchhiker.examples.part2;

/**
 * The scalar kernels of {@code go_fast}: the trace of tanh over the diagonal, and the broadcast
 * add {@code out = a + trace} over a block of a row-major n×n int64 matrix held as a flat array.
 *
 * <p>Every variant of {@link GoFast} computes the trace with {@link #traceOfTanh} — n calls of tanh,
 * microseconds — and differs only in how it does the n² add, where the time goes. That keeps every
 * variant's result bit-for-bit equal to the serial one: a vector tanh may differ from
 * {@link Math#tanh} in the last place, and a parallel sum adds in another order.
 */
public final class GoFastKernels {

    /** Parallel loops hand out blocks of at least 256 Ki elements (2 MiB of input): far longer than a task's cost. */
    public static final int MIN_BLOCK = 1 << 18;

    private GoFastKernels() {
    }

    /** {@code sum(tanh(a[i, i]))} over the diagonal of the n×n matrix {@code a}, in index order. */
    public static double traceOfTanh(long[] a, int n) {
        double trace = 0.0;
        for (int i = 0; i < n; i++) {
            trace += Math.tanh(a[i * n + i]);
        }
        return trace;
    }

    /** {@code out[i] = a[i] + trace} for i in {@code [from, to)}: each int64 converted to double, then added. */
    public static void addTrace(long[] a, double trace, double[] out, int from, int to) {
        // C2 compiles this loop to SIMD code by itself (superword auto-vectorisation), as LLVM does
        // for Numba. The explicit Vector API version gains nothing here: measured on 2 cores at
        // n = 10000 it was about 15% slower (0.130 s against 0.112 s), as the loop is memory-bound.
        for (int i = from; i < to; i++) {
            out[i] = a[i] + trace;
        }
    }

    /** {@code out = a + trace} over the whole matrix, in blocks on the threads of {@code pool}. */
    public static void addTrace(long[] a, double trace, double[] out, StreamPool pool) {
        pool.forEachBlock(a.length, MIN_BLOCK, (from, to) -> addTrace(a, trace, out, from, to));
    }

    /** The first i in {@code [from, to)} where {@code out[i] != a[i] + trace}, or -1 when there is none. */
    public static int firstMismatch(long[] a, double trace, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(a[i] + trace)) return i;
        }
        return -1;
    }
}
