package hitchhiker.process;

import java.nio.file.Path;

/** One {@code int} shared by JVMs (Python's {@code Value('i')}); see {@link SharedMemory}. */
public final class SharedInt extends SharedMemory {

    /** A new shared int holding {@code initial}. */
    public SharedInt(int initial) {
        super(Integer.BYTES);
        set(initial);
    }

    SharedInt(Path file) {
        super(file, Integer.BYTES);
    }

    public int get() {
        return (int) INT.getVolatile(segment, 0L);
    }

    public void set(int value) {
        INT.setVolatile(segment, 0L, value);
    }

    /** Atomically adds {@code delta}; returns the new value. */
    public int addAndGet(int delta) {
        return (int) INT.getAndAdd(segment, 0L, delta) + delta;
    }

    /** Atomically sets {@code value} if the current value is {@code expected}. */
    public boolean compareAndSet(int expected, int value) {
        return INT.compareAndSet(segment, 0L, expected, value);
    }
}
