package hitchhiker.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A counting semaphore shared by JVMs, like Python's {@code multiprocessing.Semaphore}:
 * {@link #acquire} takes one permit, waiting while there is none, and {@link #release} adds one.
 * See {@link ProcessLock} for how it waits.
 */
public final class ProcessSemaphore extends SharedMemory {

    /** A semaphore with {@code permits} permits. */
    public ProcessSemaphore(int permits) {
        super(Long.BYTES);
        if (permits < 0) throw new IllegalArgumentException("a semaphore needs 0 or more permits, not " + permits);
        LONG.setVolatile(segment, 0L, (long) permits);
    }

    ProcessSemaphore(Path file) {
        super(file, Long.BYTES);
    }

    /** Takes a permit, waiting until there is one. */
    public void acquire() throws InterruptedException {
        acquire(null);
    }

    /** Waits at most {@code timeout} (null: no limit) for a permit; returns whether it took one. */
    public boolean acquire(Duration timeout) throws InterruptedException {
        long deadline = Backoff.deadline(ProcessQueue.nanos(timeout));
        Backoff b = new Backoff();
        for (; ; ) {
            long n = (long) LONG.getVolatile(segment, 0L);
            if (n > 0 && LONG.compareAndSet(segment, 0L, n, n - 1)) return true;
            if (n <= 0 && !b.pause(deadline)) return false;
        }
    }

    /** Adds a permit, letting one waiter go on. */
    public void release() {
        LONG.getAndAdd(segment, 0L, 1L);
    }

    /** The permits now free (a snapshot). */
    public int available() {
        return (int) (long) LONG.getVolatile(segment, 0L);
    }
}
