package hitchhiker.mpi.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element types buffer messages and reductions understand (MPI_BYTE, MPI_INT, MPI_LONG,
 * MPI_FLOAT, MPI_DOUBLE). Buffers are always in the platform's native byte order, as in MPI.
 */
public enum ElementType {
    BYTE(ValueLayout.JAVA_BYTE),
    INT(ValueLayout.JAVA_INT_UNALIGNED),
    LONG(ValueLayout.JAVA_LONG_UNALIGNED),
    FLOAT(ValueLayout.JAVA_FLOAT_UNALIGNED),
    DOUBLE(ValueLayout.JAVA_DOUBLE_UNALIGNED);

    private final ValueLayout layout;

    ElementType(ValueLayout layout) {
        this.layout = layout;
    }

    /** The size of one element in bytes. */
    public int bytes() {
        return (int) layout.byteSize();
    }

    /** The layout used to read and write one element (unaligned: heap byte arrays are allowed). */
    public ValueLayout layout() {
        return layout;
    }

    /** How many whole elements a segment holds. */
    public long count(MemorySegment segment) {
        return segment.byteSize() / bytes();
    }
}
