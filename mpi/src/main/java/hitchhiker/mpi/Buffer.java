package hitchhiker.mpi;

import hitchhiker.mpi.spi.ElementType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.function.IntFunction;

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

    // ---- (value, index) pairs for Op.MAXLOC and Op.MINLOC ----------------------------------------

    /** (value, index) pairs of MPI_DOUBLE_INT, {@code values[i]} with {@code indices[i]}, for {@link Op#MAXLOC} and {@link Op#MINLOC}. */
    public static Buffer ofLocs(double[] values, int[] indices) {
        return packLocs(ElementType.DOUBLE_INT, values.length, i -> values[i], indices);
    }

    /** (value, index) pairs of MPI_FLOAT_INT, as {@link #ofLocs(double[], int[])}. */
    public static Buffer ofLocs(float[] values, int[] indices) {
        return packLocs(ElementType.FLOAT_INT, values.length, i -> values[i], indices);
    }

    /** (value, index) pairs of MPI_LONG_INT, as {@link #ofLocs(double[], int[])}. */
    public static Buffer ofLocs(long[] values, int[] indices) {
        return packLocs(ElementType.LONG_INT, values.length, i -> values[i], indices);
    }

    /** (value, index) pairs of MPI_2INT, as {@link #ofLocs(double[], int[])}. */
    public static Buffer ofLocs(int[] values, int[] indices) {
        return packLocs(ElementType.INT_INT, values.length, i -> values[i], indices);
    }

    /** (value, index) pairs of MPI_SHORT_INT, as {@link #ofLocs(double[], int[])}. */
    public static Buffer ofLocs(short[] values, int[] indices) {
        return packLocs(ElementType.SHORT_INT, values.length, i -> values[i], indices);
    }

    /** {@code count} zeroed (value, index) pairs of {@code pairType} (for example {@link ElementType#DOUBLE_INT}), to receive into. */
    public static Buffer locs(ElementType pairType, int count) {
        if (!pairType.pair()) throw new IllegalArgumentException(pairType + " is not a (value, index) pair type");
        // long[] backing: 8-byte aligned, and every pair is a multiple of 8 bytes.
        return new Buffer(MemorySegment.ofArray(new long[Math.multiplyExact(count, pairType.bytes()) / Long.BYTES]), pairType);
    }

    private static Buffer packLocs(ElementType type, int count, IntFunction<Number> value, int[] indices) {
        if (indices.length != count) {
            throw new IllegalArgumentException(count + " values but " + indices.length + " indices");
        }
        Buffer b = locs(type, count);
        for (int i = 0; i < count; i++) {
            long base = (long) i * type.bytes();
            Number v = value.apply(i);
            switch (type) {
                case DOUBLE_INT -> b.segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, base, v.doubleValue());
                case FLOAT_INT -> b.segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED, base, v.floatValue());
                case LONG_INT -> b.segment.set(ValueLayout.JAVA_LONG_UNALIGNED, base, v.longValue());
                case INT_INT -> b.segment.set(ValueLayout.JAVA_INT_UNALIGNED, base, v.intValue());
                default -> b.segment.set(ValueLayout.JAVA_SHORT_UNALIGNED, base, v.shortValue());
            }
            b.segment.set(ValueLayout.JAVA_INT_UNALIGNED, base + type.indexOffset(), indices[i]);
        }
        return b;
    }

    /** The value of pair {@code i} of a (value, index) buffer: a Double, Float, Long, Integer or Short. */
    public Number valueAt(long i) {
        long base = pairBase(i);
        return switch (type) {
            case DOUBLE_INT, FLOAT_INT -> type == ElementType.DOUBLE_INT ? (Number) doubleValue(segment, type, base)
                    : (Number) (float) doubleValue(segment, type, base);
            case LONG_INT -> longValue(segment, type, base);
            case INT_INT -> (int) longValue(segment, type, base);
            default -> (short) longValue(segment, type, base);
        };
    }

    /** The index of pair {@code i} of a (value, index) buffer. */
    public int indexAt(long i) {
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, pairBase(i) + type.indexOffset());
    }

    private long pairBase(long i) {
        if (!type.pair()) throw new IllegalStateException("a buffer of " + type + " holds no (value, index) pairs");
        Objects.checkIndex(i, count());
        return i * type.bytes();
    }

    /** The floating-point value of the pair at byte {@code base} (DOUBLE_INT, FLOAT_INT). */
    static double doubleValue(MemorySegment s, ElementType type, long base) {
        return type == ElementType.DOUBLE_INT ? s.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, base)
                : s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, base);
    }

    /** The integer value of the pair at byte {@code base} (LONG_INT, INT_INT, SHORT_INT). */
    static long longValue(MemorySegment s, ElementType type, long base) {
        return switch (type) {
            case LONG_INT -> s.get(ValueLayout.JAVA_LONG_UNALIGNED, base);
            case INT_INT -> s.get(ValueLayout.JAVA_INT_UNALIGNED, base);
            default -> s.get(ValueLayout.JAVA_SHORT_UNALIGNED, base);
        };
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
