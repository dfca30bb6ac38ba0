package hitchhiker.omp;

import java.util.function.DoubleBinaryOperator;

/**
 * A reduction over double values, as OpenMP's {@code reduction(op: var)}: an associative operator
 * and its identity. Each thread folds its own iterations into a private partial starting from
 * the identity; the partials are then combined in thread order. Sums and products of doubles depend on the grouping, so a parallel {@code SUM} may differ from the serial one in the last bits (it is the same from run to run for the same team size and a static schedule).
 *
 * <p>As in OpenMP, the operator must be associative, and commutative too unless the loop uses
 * the plain {@code static} schedule (whose blocks are in iteration order).
 *
 * @param identity the operator's identity ({@code op(identity, x) == x})
 * @param op       the associative operator
 */
public record DoubleReducer(double identity, DoubleBinaryOperator op) {

    /** {@code +}. */
    public static final DoubleReducer SUM = new DoubleReducer(0, (a, b) -> a + b);
    /** {@code *}. */
    public static final DoubleReducer PRODUCT = new DoubleReducer(1, (a, b) -> a * b);
    /** {@code min}. */
    public static final DoubleReducer MIN = new DoubleReducer(Double.POSITIVE_INFINITY, Math::min);
    /** {@code max}. */
    public static final DoubleReducer MAX = new DoubleReducer(Double.NEGATIVE_INFINITY, Math::max);

    public DoubleReducer {
        if (op == null) throw new IllegalArgumentException("reduction operator is null");
    }

    /** A reduction with any associative operator and its identity. */
    public static DoubleReducer of(double identity, DoubleBinaryOperator op) {
        return new DoubleReducer(identity, op);
    }

    /** Applies the operator. */
    public double combine(double a, double b) {
        return op.applyAsDouble(a, b);
    }

    long identityBits() {
        return bits(identity);
    }

    /** The operator on partials stored as raw long bits, as the team's partial slots hold them. */
    Reduction bitsOperator() {
        return (x, y) -> bits(op.applyAsDouble(value(x), value(y)));
    }

    static long bits(double a) {
        return Double.doubleToRawLongBits(a);
    }

    static double value(long bits) {
        return Double.longBitsToDouble(bits);
    }
}
