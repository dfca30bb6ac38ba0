package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRangeToDouble;
import hitchhiker.omp.RangeBodies.LongRangeToDouble;

import java.util.function.DoubleBinaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;

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

    /** This reduction as the runtime runs it, on raw long bits. */
    Reduction bits() {
        return new Reduction(bits(identity), (x, y) -> bits(op.applyAsDouble(value(x), value(y))));
    }

    // A loop body as the runtime folds it: a chunk's partial as raw long bits (null for a null
    // body, which the loop then rejects as it always has).

    Reduction.Chunk chunk(IntRangeToDouble body) {
        return body == null ? null : (a, b) -> bits(body.apply((int) a, (int) b));
    }

    Reduction.Chunk chunk(IntToDoubleFunction body) {
        return body == null ? null : (a, b) -> {
            double acc = identity;
            for (int i = (int) a, end = (int) b; i < end; i++) acc = combine(acc, body.applyAsDouble(i));
            return bits(acc);
        };
    }

    Reduction.Chunk chunk(LongRangeToDouble body) {
        return body == null ? null : (a, b) -> bits(body.apply(a, b));
    }

    Reduction.Chunk chunk(LongToDoubleFunction body) {
        return body == null ? null : (a, b) -> {
            double acc = identity;
            for (long i = a; i < b; i++) acc = combine(acc, body.applyAsDouble(i));
            return bits(acc);
        };
    }

    static long bits(double a) {
        return Double.doubleToRawLongBits(a);
    }

    static double value(long bits) {
        return Double.longBitsToDouble(bits);
    }
}
