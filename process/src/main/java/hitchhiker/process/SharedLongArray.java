package hitchhiker.process;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/** A fixed-length {@code long} array shared by JVMs (Python's {@code Array('l')}); see {@link SharedMemory}. */
public final class SharedLongArray extends SharedMemory {

    private final int length;

    /** A new zero-filled shared array. */
    public SharedLongArray(int length) {
        super((long) SharedIntArray.requireLength(length) * Long.BYTES);
        this.length = length;
    }

    /** A new shared array holding a copy of {@code values}. */
    public static SharedLongArray of(long... values) {
        SharedLongArray a = new SharedLongArray(values.length);
        for (int i = 0; i < values.length; i++) a.set(i, values[i]);
        return a;
    }

    SharedLongArray(Path file, long byteSize) {
        super(file, byteSize);
        this.length = (int) (byteSize / Long.BYTES);
    }

    public int length() {
        return length;
    }

    public long get(int index) {
        return (long) LONG.getVolatile(segment, offset(index, length, Long.BYTES));
    }

    public void set(int index, long value) {
        LONG.setVolatile(segment, offset(index, length, Long.BYTES), value);
    }

    /** Atomically adds {@code delta} to element {@code index}; returns the new value. */
    public long addAndGet(int index, long delta) {
        return (long) LONG.getAndAdd(segment, offset(index, length, Long.BYTES), delta) + delta;
    }

    /** Atomically sets element {@code index} to {@code value} if it is {@code expected}. */
    public boolean compareAndSet(int index, long expected, long value) {
        return LONG.compareAndSet(segment, offset(index, length, Long.BYTES), expected, value);
    }

    /** A copy of the current contents. */
    public long[] toArray() {
        return segment.toArray(ValueLayout.JAVA_LONG);
    }
}
