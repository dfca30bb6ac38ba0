package hitchhiker.omp;

import java.util.function.LongBinaryOperator;

/**
 * A reduction over long values, as OpenMP's {@code reduction(op: var)}: an associative operator
 * and its identity. Each thread folds its own iterations into a private partial starting from
 * the identity; the partials are then combined in thread order. Integer arithmetic wraps the same way in any grouping, so {@code SUM} and {@code PRODUCT} equal the serial loop exactly, overflow included.
 *
 * <p>As in OpenMP, the operator must be associative, and commutative too unless the loop uses
 * the plain {@code static} schedule (whose blocks are in iteration order).
 *
 * @param identity the operator's identity ({@code op(identity, x) == x})
 * @param op       the associative operator
 */
public record LongReducer(long identity, LongBinaryOperator op) {

    /** {@code +}. */
    public static final LongReducer SUM = new LongReducer(0, (a, b) -> a + b);
    /** {@code *}. */
    public static final LongReducer PRODUCT = new LongReducer(1, (a, b) -> a * b);
    /** {@code min}. */
    public static final LongReducer MIN = new LongReducer(Long.MAX_VALUE, Math::min);
    /** {@code max}. */
    public static final LongReducer MAX = new LongReducer(Long.MIN_VALUE, Math::max);

    public LongReducer {
        if (op == null) throw new IllegalArgumentException("reduction operator is null");
    }

    /** A reduction with any associative operator and its identity. */
    public static LongReducer of(long identity, LongBinaryOperator op) {
        return new LongReducer(identity, op);
    }

    /** Applies the operator. */
    public long combine(long a, long b) {
        return op.applyAsLong(a, b);
    }

    long identityBits() {
        return bits(identity);
    }

    /** The operator on partials stored as raw long bits, as the team's partial slots hold them. */
    Reduction bitsOperator() {
        return (x, y) -> bits(op.applyAsLong(value(x), value(y)));
    }

    static long bits(long a) {
        return a;
    }

    static long value(long bits) {
        return bits;
    }
}
