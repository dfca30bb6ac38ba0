package hitchhiker.process;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/** A fixed-length {@code int} array shared by JVMs (Python's {@code Array('i')}); see {@link SharedMemory}. */
public final class SharedIntArray extends SharedMemory {

    private final int length;

    /** A new zero-filled shared array. */
    public SharedIntArray(int length) {
        super((long) requireLength(length) * Integer.BYTES);
        this.length = length;
    }

    /** A new shared array holding a copy of {@code values}. */
    public static SharedIntArray of(int... values) {
        SharedIntArray a = new SharedIntArray(values.length);
        for (int i = 0; i < values.length; i++) a.set(i, values[i]);
        return a;
    }

    SharedIntArray(Path file, long byteSize) {
        super(file, byteSize);
        this.length = (int) (byteSize / Integer.BYTES);
    }

    static int requireLength(int length) {
        if (length < 0) throw new IllegalArgumentException("array length must be 0 or more, not " + length);
        return length;
    }

    public int length() {
        return length;
    }

    public int get(int index) {
        return (int) INT.getVolatile(segment, offset(index, length, Integer.BYTES));
    }

    public void set(int index, int value) {
        INT.setVolatile(segment, offset(index, length, Integer.BYTES), value);
    }

    /** Atomically adds {@code delta} to element {@code index}; returns the new value. */
    public int addAndGet(int index, int delta) {
        return (int) INT.getAndAdd(segment, offset(index, length, Integer.BYTES), delta) + delta;
    }

    /** Atomically sets element {@code index} to {@code value} if it is {@code expected}. */
    public boolean compareAndSet(int index, int expected, int value) {
        return INT.compareAndSet(segment, offset(index, length, Integer.BYTES), expected, value);
    }

    /** A copy of the current contents. */
    public int[] toArray() {
        return segment.toArray(ValueLayout.JAVA_INT);
    }
}
