package hitchhiker.mpi;

import hitchhiker.mpi.spi.ElementType;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A typed view of memory for buffer messages (mpi4py's {@code [data, MPI.DOUBLE]}): a primitive
 * array, a slice of one, or a {@link MemorySegment}. The transport copies the memory in bulk
 * straight from and into it: no per-element copying, no serialization.
 *
 * @param segment the bytes (a heap segment over an array, or off-heap memory)
 * @param type    the element type, for counts and reductions
 */
public record Buffer(MemorySegment segment, ElementType type) {

    public Buffer {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(type, "type");
        if (segment.byteSize() % type.bytes() != 0) {
            throw new IllegalArgumentException("a buffer of " + type + " needs a multiple of " + type.bytes()
                    + " bytes, not " + segment.byteSize());
        }
    }

    public static Buffer of(byte[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.BYTE);
    }

    /** Truth values as bytes, 0 for false and 1 for true (MPI_C_BOOL): {@link Op#LAND} and {@link Op#LOR} reduce them. */
    public static Buffer ofBooleans(byte[] zeroOrOne) {
        return new Buffer(MemorySegment.ofArray(zeroOrOne), ElementType.BOOLEAN);
    }

    public static Buffer of(short[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.SHORT);
    }

    /** Complex numbers as (real, imaginary) pairs: {@code a.length / 2} elements of MPI_C_DOUBLE_COMPLEX. */
    public static Buffer complex(double[] realImaginary) {
        return new Buffer(MemorySegment.ofArray(realImaginary), ElementType.COMPLEX_DOUBLE);
    }

    /** Complex numbers as (real, imaginary) pairs: {@code a.length / 2} elements of MPI_C_FLOAT_COMPLEX. */
    public static Buffer complex(float[] realImaginary) {
        return new Buffer(MemorySegment.ofArray(realImaginary), ElementType.COMPLEX_FLOAT);
    }

    /**
     * Marks a collective's send buffer (or, for scatter's root, its receive buffer) as "in place"
     * (MPI.IN_PLACE): the data is taken from, and the result left in, the other buffer.
     */
    public static final Buffer IN_PLACE = new Buffer(MemorySegment.NULL, ElementType.BYTE);

    public static Buffer of(int[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.INT);
    }

    public static Buffer of(long[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.LONG);
    }

    public static Buffer of(float[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.FLOAT);
    }

    public static Buffer of(double[] a) {
        return new Buffer(MemorySegment.ofArray(a), ElementType.DOUBLE);
    }

    /** {@code count} elements of {@code a} from {@code offset}. */
    public static Buffer of(int[] a, int offset, int count) {
        return of(a).slice(offset, count);
    }

    /** {@code count} elements of {@code a} from {@code offset}. */
    public static Buffer of(long[] a, int offset, int count) {
        return of(a).slice(offset, count);
    }

    /** {@code count} elements of {@code a} from {@code offset}. */
    public static Buffer of(double[] a, int offset, int count) {
        return of(a).slice(offset, count);
    }

    /** {@code count} elements of {@code a} from {@code offset}. */
    public static Buffer of(byte[] a, int offset, int count) {
        return of(a).slice(offset, count);
    }

    /** A segment viewed as elements of {@code type} (native byte order). */
    public static Buffer of(MemorySegment segment, ElementType type) {
        return new Buffer(segment, type);
    }

    /** The number of elements. */
    public long count() {
        return segment.byteSize() / type.bytes();
    }

    /** Elements {@code [offset, offset + count)} of this buffer. */
    public Buffer slice(long offset, long count) {
        long n = count();
        if (offset < 0 || count < 0 || offset + count > n) {
            throw new IllegalArgumentException("elements [" + offset + ", " + (offset + count) + ") are outside a buffer of " + n);
        }
        return new Buffer(segment.asSlice(offset * type.bytes(), count * type.bytes()), type);
    }
}
