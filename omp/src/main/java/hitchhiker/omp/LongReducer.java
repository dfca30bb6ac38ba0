package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRangeToLong;
import hitchhiker.omp.RangeBodies.LongRangeToLong;

import java.util.function.IntToLongFunction;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

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

    /** This reduction as the runtime runs it, on raw long bits. */
    Reduction bits() {
        return new Reduction(bits(identity), (x, y) -> bits(op.applyAsLong(value(x), value(y))));
    }

    // A loop body as the runtime folds it: a chunk's partial as raw long bits (null for a null
    // body, which the loop then rejects as it always has).

    Reduction.Chunk chunk(IntRangeToLong body) {
        return body == null ? null : (a, b) -> bits(body.apply((int) a, (int) b));
    }

    Reduction.Chunk chunk(IntToLongFunction body) {
        return body == null ? null : (a, b) -> {
            long acc = identity;
            for (int i = (int) a, end = (int) b; i < end; i++) acc = combine(acc, body.applyAsLong(i));
            return bits(acc);
        };
    }

    Reduction.Chunk chunk(LongRangeToLong body) {
        return body == null ? null : (a, b) -> bits(body.apply(a, b));
    }

    Reduction.Chunk chunk(LongUnaryOperator body) {
        return body == null ? null : (a, b) -> {
            long acc = identity;
            for (long i = a; i < b; i++) acc = combine(acc, body.applyAsLong(i));
            return bits(acc);
        };
    }

    static long bits(long a) {
        return a;
    }

    static long value(long bits) {
        return bits;
    }
}
