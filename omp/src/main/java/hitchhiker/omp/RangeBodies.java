package hitchhiker.omp;

/**
 * Loop bodies that take a whole chunk {@code [lo, hi)} of iterations, so the per-iteration cost is
 * a plain Java loop the JIT compiles and vectorises, rather than a call per index. The
 * {@code ...To...} shapes return the chunk's partial result for a reduction.
 */
public final class RangeBodies {

    private RangeBodies() {
    }

    /** Runs the iterations {@code lo <= i < hi} of an int loop. */
    @FunctionalInterface
    public interface IntRange { void run(int lo, int hi); }

    /** Runs the iterations {@code lo <= i < hi} of a long loop. */
    @FunctionalInterface
    public interface LongRange { void run(long lo, long hi); }

    /** The partial int result of iterations {@code [lo, hi)} of an int loop. */
    @FunctionalInterface
    public interface IntRangeToInt { int apply(int lo, int hi); }

    /** The partial long result of iterations {@code [lo, hi)} of an int loop. */
    @FunctionalInterface
    public interface IntRangeToLong { long apply(int lo, int hi); }

    /** The partial double result of iterations {@code [lo, hi)} of an int loop. */
    @FunctionalInterface
    public interface IntRangeToDouble { double apply(int lo, int hi); }

    /** The partial int result of iterations {@code [lo, hi)} of a long loop. */
    @FunctionalInterface
    public interface LongRangeToInt { int apply(long lo, long hi); }

    /** The partial long result of iterations {@code [lo, hi)} of a long loop. */
    @FunctionalInterface
    public interface LongRangeToLong { long apply(long lo, long hi); }

    /** The partial double result of iterations {@code [lo, hi)} of a long loop. */
    @FunctionalInterface
    public interface LongRangeToDouble { double apply(long lo, long hi); }
}
