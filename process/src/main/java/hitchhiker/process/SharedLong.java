package hitchhiker.process;

import java.nio.file.Path;

/** One {@code long} shared by JVMs (Python's {@code Value('l')}); see {@link SharedMemory}. */
public final class SharedLong extends SharedMemory {

    /** A new shared long holding {@code initial}. */
    public SharedLong(long initial) {
        super(Long.BYTES);
        set(initial);
    }

    SharedLong(Path file) {
        super(file, Long.BYTES);
    }

    public long get() {
        return (long) LONG.getVolatile(segment, 0L);
    }

    public void set(long value) {
        LONG.setVolatile(segment, 0L, value);
    }

    /** Atomically adds {@code delta}; returns the new value. */
    public long addAndGet(long delta) {
        return (long) LONG.getAndAdd(segment, 0L, delta) + delta;
    }

    /** Atomically sets {@code value} if the current value is {@code expected}. */
    public boolean compareAndSet(long expected, long value) {
        return LONG.compareAndSet(segment, 0L, expected, value);
    }
}
