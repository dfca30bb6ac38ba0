package hitchhiker.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A flag shared by JVMs that processes wait for, like Python's {@code multiprocessing.Event}:
 * {@link #set} wakes every waiter (and later ones return at once) until {@link #clear}.
 */
public final class ProcessEvent extends SharedMemory {

    /** A new event, not set. */
    public ProcessEvent() {
        super(Long.BYTES);
    }

    ProcessEvent(Path file) {
        super(file, Long.BYTES);
    }

    /** Sets the flag. */
    public void set() {
        LONG.setVolatile(segment, 0L, 1L);
    }

    /** Clears the flag. */
    public void clear() {
        LONG.setVolatile(segment, 0L, 0L);
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        return (long) LONG.getVolatile(segment, 0L) != 0;
    }

    /** Waits until the flag is set. */
    public void await() throws InterruptedException {
        await(null);
    }

    /** Waits at most {@code timeout} (null: no limit) for the flag; returns it (Python's {@code wait}). */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = Backoff.deadline(ProcessQueue.nanos(timeout));
        Backoff b = new Backoff();
        while (!isSet()) {
            if (!b.pause(deadline)) return isSet();
        }
        return true;
    }
}
