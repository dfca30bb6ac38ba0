package hitchhiker.process;

import java.nio.file.Path;

/** One {@code double} shared by JVMs (Python's {@code Value('d')}); see {@link SharedMemory}. */
public final class SharedDouble extends SharedMemory {

    /** A new shared double holding {@code initial}. */
    public SharedDouble(double initial) {
        super(Double.BYTES);
        set(initial);
    }

    SharedDouble(Path file) {
        super(file, Double.BYTES);
    }

    public double get() {
        return (double) DOUBLE.getVolatile(segment, 0L);
    }

    public void set(double value) {
        DOUBLE.setVolatile(segment, 0L, value);
    }

    /** Atomically adds {@code delta} (a compare-and-set loop on the bits); returns the new value. */
    public double addAndGet(double delta) {
        return SharedDoubleArray.addAndGet(segment, 0L, delta);
    }

    /** Atomically sets {@code value} if the current bits equal {@code expected}'s. */
    public boolean compareAndSet(double expected, double value) {
        return LONG.compareAndSet(segment, 0L, Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(value));
    }
}
