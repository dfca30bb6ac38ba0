package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRangeToInt;
import hitchhiker.omp.RangeBodies.LongRangeToInt;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongToIntFunction;

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

    /** This reduction as the runtime runs it, on raw long bits. */
    Reduction bits() {
        return new Reduction(bits(identity), (x, y) -> bits(op.applyAsInt(value(x), value(y))));
    }

    // A loop body as the runtime folds it: a chunk's partial as raw long bits (null for a null
    // body, which the loop then rejects as it always has).

    Reduction.Chunk chunk(IntRangeToInt body) {
        return body == null ? null : (a, b) -> bits(body.apply((int) a, (int) b));
    }

    Reduction.Chunk chunk(IntUnaryOperator body) {
        return body == null ? null : (a, b) -> {
            int acc = identity;
            for (int i = (int) a, end = (int) b; i < end; i++) acc = combine(acc, body.applyAsInt(i));
            return bits(acc);
        };
    }

    Reduction.Chunk chunk(LongRangeToInt body) {
        return body == null ? null : (a, b) -> bits(body.apply(a, b));
    }

    Reduction.Chunk chunk(LongToIntFunction body) {
        return body == null ? null : (a, b) -> {
            int acc = identity;
            for (long i = a; i < b; i++) acc = combine(acc, body.applyAsInt(i));
            return bits(acc);
        };
    }

    static long bits(int a) {
        return a;
    }

    static int value(long bits) {
        return (int) bits;
    }
}
