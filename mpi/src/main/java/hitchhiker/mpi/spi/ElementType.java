package hitchhiker.mpi.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element types buffer messages and reductions understand (MPI_BYTE, MPI_C_BOOL, MPI_SHORT,
 * MPI_INT, MPI_LONG, MPI_FLOAT, MPI_DOUBLE, and MPI_C_FLOAT_COMPLEX / MPI_C_DOUBLE_COMPLEX as
 * pairs of real and imaginary parts). Buffers are always in the platform's native byte order, as in MPI.
 */
public enum ElementType {
    BYTE(ValueLayout.JAVA_BYTE, 1),
    /** A truth value in one byte, 0 or 1 (C's {@code bool}, MPI_C_BOOL): for LAND and LOR. */
    BOOLEAN(ValueLayout.JAVA_BYTE, 1),
    SHORT(ValueLayout.JAVA_SHORT_UNALIGNED, 1),
    INT(ValueLayout.JAVA_INT_UNALIGNED, 1),
    LONG(ValueLayout.JAVA_LONG_UNALIGNED, 1),
    FLOAT(ValueLayout.JAVA_FLOAT_UNALIGNED, 1),
    DOUBLE(ValueLayout.JAVA_DOUBLE_UNALIGNED, 1),
    /** A complex number as two floats, real part first (C's {@code float _Complex}). */
    COMPLEX_FLOAT(ValueLayout.JAVA_FLOAT_UNALIGNED, 2),
    /** A complex number as two doubles, real part first (C's {@code double _Complex}). */
    COMPLEX_DOUBLE(ValueLayout.JAVA_DOUBLE_UNALIGNED, 2);

    private final ValueLayout layout;
    private final int parts;

    ElementType(ValueLayout layout, int parts) {
        this.layout = layout;
        this.parts = parts;
    }

    /** The size of one element in bytes. */
    public int bytes() {
        return (int) layout.byteSize() * parts;
    }

    /** The layout of one element (of one part of a complex element); unaligned, so heap byte arrays are allowed. */
    public ValueLayout layout() {
        return layout;
    }

    /** Whether an element is a complex number (two parts of {@link #layout()}). */
    public boolean complex() {
        return parts == 2;
    }

    /** How many whole elements a segment holds. */
    public long count(MemorySegment segment) {
        return segment.byteSize() / bytes();
    }
}
