package hitchhiker.mpi.spi;

import java.lang.foreign.MemorySegment;

/**
 * A reduction operation on buffers, as a backend sees it: either one of MPI's predefined
 * operations (which a native backend maps to MPI_SUM, MPI_PROD, ...) or a user-defined one that
 * only Java can apply.
 */
public interface ReduceOp {

    /** MPI's predefined operations; MAXLOC and MINLOC combine (value, index) pairs only ({@link ElementType#pair()}). */
    enum Builtin { SUM, PROD, MIN, MAX, LAND, LOR, MAXLOC, MINLOC }

    /** The predefined operation this is, or {@code null} for a user-defined one. */
    Builtin builtin();

    /** Whether {@code a op b == b op a}; a non-commutative op is applied in rank order. */
    boolean commutative();

    /**
     * Combines element-wise, {@code acc[i] = acc[i] op in[i]} for {@code count} elements of
     * {@code type}: {@code acc} holds the lower ranks' partial result, {@code in} the next rank's.
     */
    void combine(MemorySegment acc, MemorySegment in, ElementType type, long count);
}
