package hitchhiker.omp;

import java.util.function.IntBinaryOperator;

/**
 * A reduction over int values, as OpenMP's {@code reduction(op: var)}: an associative operator
 * and its identity. Each thread folds its own iterations into a private partial starting from
 * the identity; the partials are then combined in thread order. Integer arithmetic wraps the same way in any grouping, so {@code SUM} and {@code PRODUCT} equal the serial loop exactly, overflow included.
 *
 * <p>As in OpenMP, the operator must be associative, and commutative too unless the loop uses
 * the plain {@code static} schedule (whose blocks are in iteration order).
 *
 * @param identity the operator's identity ({@code op(identity, x) == x})
 * @param op       the associative operator
 */
public record IntReducer(int identity, IntBinaryOperator op) {

    /** {@code +}. */
    public static final IntReducer SUM = new IntReducer(0, (a, b) -> a + b);
    /** {@code *}. */
    public static final IntReducer PRODUCT = new IntReducer(1, (a, b) -> a * b);
    /** {@code min}. */
    public static final IntReducer MIN = new IntReducer(Integer.MAX_VALUE, Math::min);
    /** {@code max}. */
    public static final IntReducer MAX = new IntReducer(Integer.MIN_VALUE, Math::max);

    public IntReducer {
        if (op == null) throw new IllegalArgumentException("reduction operator is null");
    }

    /** A reduction with any associative operator and its identity. */
    public static IntReducer of(int identity, IntBinaryOperator op) {
        return new IntReducer(identity, op);
    }

    /** Applies the operator. */
    public int combine(int a, int b) {
        return op.applyAsInt(a, b);
    }

    long identityBits() {
        return bits(identity);
    }

    /** The operator on partials stored as raw long bits, as the team's partial slots hold them. */
    Reduction bitsOperator() {
        return (x, y) -> bits(op.applyAsInt(value(x), value(y)));
    }

    static long bits(int a) {
        return a;
    }

    static int value(long bits) {
        return (int) bits;
    }
}
