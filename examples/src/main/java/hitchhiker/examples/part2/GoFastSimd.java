package hitchhiker.examples.part2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The broadcast add of {@code go_fast} written with the Vector API: load a vector of int64, convert
 * the lanes to double, add the trace, store. Lane for lane this is the scalar loop of
 * {@link GoFastKernels#addTrace}, so results are identical.
 *
 * <p>Only loaded when {@link VectorSupport#present()}; its signature uses plain arrays so that
 * callers never name a Vector API type.
 */
public final class GoFastSimd {

    // int64 and double lanes are both 64 bits, so both species have the same number of lanes.
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

    private GoFastSimd() {
    }

    /** {@code out[i] = a[i] + trace} for i in {@code [from, to)}. */
    public static void addTrace(long[] a, double trace, double[] out, int from, int to) {
        int lanes = LONGS.length();
        int i = from;
        for (int upper = from + LONGS.loopBound(to - from); i < upper; i += lanes) {
            DoubleVector x = (DoubleVector) LongVector.fromArray(LONGS, a, i).convertShape(VectorOperators.L2D, DOUBLES, 0);
            x.add(trace).intoArray(out, i);
        }
        GoFastKernels.addTrace(a, trace, out, i, to); // the tail, fewer than one vector
    }

    /** {@code out = a + trace} over the whole matrix, in blocks on the threads of {@code pool}. */
    public static void addTrace(long[] a, double trace, double[] out, StreamPool pool) {
        pool.forEachBlock(a.length, GoFastKernels.MIN_BLOCK, (from, to) -> addTrace(a, trace, out, from, to));
    }
}
