package hitchhiker.omp;

import java.util.function.LongBinaryOperator;

/**
 * A reduction as the runtime runs it: partials stored as raw long bits (an int widened, a long,
 * or a double's bits), the identity's bits and the operator on bits, so one reduction path in
 * the runtime serves the three value types. {@link IntReducer}, {@link LongReducer} and
 * {@link DoubleReducer} make theirs and turn their loop bodies into {@link Chunk}s; the bit
 * conversions stay in them.
 */
record Reduction(long identity, LongBinaryOperator op) {

    long combine(long a, long b) {
        return op.applyAsLong(a, b);
    }

    /** A chunk's partial as raw long bits. */
    @FunctionalInterface
    interface Chunk {
        long apply(long lo, long hi);
    }
}
