package hitchhiker.process;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/** A fixed-length {@code double} array shared by JVMs (Python's {@code Array('d')}); see {@link SharedMemory}. */
public final class SharedDoubleArray extends SharedMemory {

    private final int length;

    /** A new zero-filled shared array. */
    public SharedDoubleArray(int length) {
        super((long) SharedIntArray.requireLength(length) * Double.BYTES);
        this.length = length;
    }

    /** A new shared array holding a copy of {@code values}. */
    public static SharedDoubleArray of(double... values) {
        SharedDoubleArray a = new SharedDoubleArray(values.length);
        for (int i = 0; i < values.length; i++) a.set(i, values[i]);
        return a;
    }

    SharedDoubleArray(Path file, long byteSize) {
        super(file, byteSize);
        this.length = (int) (byteSize / Double.BYTES);
    }

    public int length() {
        return length;
    }

    public double get(int index) {
        return (double) DOUBLE.getVolatile(segment, offset(index, length, Double.BYTES));
    }

    public void set(int index, double value) {
        DOUBLE.setVolatile(segment, offset(index, length, Double.BYTES), value);
    }

    /** Atomically adds {@code delta} to element {@code index} (a compare-and-set loop); returns the new value. */
    public double addAndGet(int index, double delta) {
        return addAndGet(segment, offset(index, length, Double.BYTES), delta);
    }

    /** Atomically sets element {@code index} to {@code value} if its bits equal {@code expected}'s. */
    public boolean compareAndSet(int index, double expected, double value) {
        return LONG.compareAndSet(segment, offset(index, length, Double.BYTES),
                Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(value));
    }

    /** A copy of the current contents. */
    public double[] toArray() {
        return segment.toArray(ValueLayout.JAVA_DOUBLE);
    }

    /** Floating-point add has no hardware instruction: retry a compare-and-set on the bits. */
    static double addAndGet(MemorySegment segment, long offset, double delta) {
        for (; ; ) {
            long bits = (long) LONG.getVolatile(segment, offset);
            double next = Double.longBitsToDouble(bits) + delta;
            if (LONG.compareAndSet(segment, offset, bits, Double.doubleToRawLongBits(next))) return next;
        }
    }
}
