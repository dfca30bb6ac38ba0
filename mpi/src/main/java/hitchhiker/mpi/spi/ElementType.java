package hitchhiker.mpi.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element types buffer messages and reductions understand (MPI_BYTE, MPI_C_BOOL, MPI_SHORT,
 * MPI_INT, MPI_LONG, MPI_FLOAT, MPI_DOUBLE, and MPI_C_FLOAT_COMPLEX / MPI_C_DOUBLE_COMPLEX as
 * pairs of real and imaginary parts), and the (value, index) pairs of MAXLOC and MINLOC (MPI_DOUBLE_INT,
 * MPI_FLOAT_INT, MPI_LONG_INT, MPI_2INT, MPI_SHORT_INT). Buffers are always in the platform's native
 * byte order, as in MPI.
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
    COMPLEX_DOUBLE(ValueLayout.JAVA_DOUBLE_UNALIGNED, 2),
    /** A double and an int index, as C's {@code struct {double value; int index;}}: 16 bytes (MPI_DOUBLE_INT). */
    DOUBLE_INT(ValueLayout.JAVA_DOUBLE_UNALIGNED),
    /** A float and an int index, 8 bytes (MPI_FLOAT_INT). */
    FLOAT_INT(ValueLayout.JAVA_FLOAT_UNALIGNED),
    /** A 64-bit long and an int index, 16 bytes (MPI_LONG_INT on LP64 platforms). */
    LONG_INT(ValueLayout.JAVA_LONG_UNALIGNED),
    /** An int and an int index, 8 bytes (MPI_2INT). */
    INT_INT(ValueLayout.JAVA_INT_UNALIGNED),
    /** A short and an int index, 8 bytes with two bytes of padding after the short (MPI_SHORT_INT). */
    SHORT_INT(ValueLayout.JAVA_SHORT_UNALIGNED);

    private final ValueLayout layout;
    private final int parts;
    private final int bytes;
    private final int indexOffset;

    ElementType(ValueLayout layout, int parts) {
        this.layout = layout;
        this.parts = parts;
        this.bytes = (int) layout.byteSize() * parts;
        this.indexOffset = -1;
    }

    /** A (value, int index) pair laid out as C lays out the struct: the index aligned to 4, the whole to the larger alignment. */
    ElementType(ValueLayout value) {
        this.layout = value;
        this.parts = 1;
        int align = (int) Math.max(value.byteSize(), Integer.BYTES);
        this.indexOffset = align;
        this.bytes = (align + Integer.BYTES + align - 1) / align * align;
    }

    /** The size of one element in bytes (of a pair, with C's padding). */
    public int bytes() {
        return bytes;
    }

    /**
     * The layout of one element (of one part of a complex element, of the value of a pair);
     * unaligned, so heap byte arrays are allowed.
     */
    public ValueLayout layout() {
        return layout;
    }

    /** Whether an element is a complex number (two parts of {@link #layout()}). */
    public boolean complex() {
        return parts == 2;
    }

    /** Whether an element is a (value, index) pair, for MAXLOC and MINLOC. */
    public boolean pair() {
        return indexOffset >= 0;
    }

    /** Where a pair's int index lies within the element, in bytes (the value is at 0). */
    public int indexOffset() {
        if (!pair()) throw new IllegalStateException(this + " is not a (value, index) pair");
        return indexOffset;
    }

    /** How many whole elements a segment holds. */
    public long count(MemorySegment segment) {
        return segment.byteSize() / bytes();
    }
}
