package hitchhiker.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A lock shared by JVMs, like Python's {@code multiprocessing.Lock}: one holder at a time, in any
 * process that has it (capture it in a task or process target, as any {@link SharedMemory}).
 * Not reentrant, and any thread may {@link #release} it, as in Python; see {@link ProcessRLock}
 * for the reentrant kind.
 *
 * <p>The lock is a word of shared memory holding the holder's pid, taken by compare-and-set;
 * waiting spins, then parks (see {@link Backoff}). A lock whose holder process died is taken over
 * by the next process that waits for it, instead of blocking it for ever.
 *
 * <p>Memory consistency effects: releasing is an atomic swap and acquiring a compare-and-set of the
 * same word, so, as with a {@link java.util.concurrent.locks.Lock}, actions in a thread prior to
 * {@code release} <i>happen-before</i> actions after a later successful {@code acquire} in another
 * thread of the same JVM. Across JVMs only what lives in shared memory is ordered so.
 */
public final class ProcessLock extends SharedMemory {

    /** A new, unlocked lock. */
    public ProcessLock() {
        super(Long.BYTES);
    }

    ProcessLock(Path file) {
        super(file, Long.BYTES);
    }

    /** Waits until the lock is free and takes it. */
    public void acquire() throws InterruptedException {
        acquire(segment, 0, -1, Backoff.PID);
    }

    /** Waits at most {@code timeout} for the lock; returns whether it was taken. */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return acquire(segment, 0, ProcessQueue.nanos(timeout), Backoff.PID);
    }

    /** Takes the lock if it is free now; returns whether it did (Python's {@code acquire(False)}). */
    public boolean tryAcquire() {
        return LONG.compareAndSet(segment, 0L, 0L, Backoff.PID);
    }

    /** Frees the lock; throws {@link IllegalStateException} if it is not locked. */
    public void release() {
        if ((long) LONG.getAndSet(segment, 0L, 0L) == 0) throw new IllegalStateException("release of an unlocked lock");
    }

    /** Whether some process holds the lock now (a snapshot). */
    public boolean isLocked() {
        return (long) LONG.getVolatile(segment, 0L) != 0;
    }

    /**
     * Takes the word at {@code at} for {@code token} (whose high half, or the whole of it when
     * small, names the process), waiting at most {@code nanos} (&lt; 0: no limit). A holder
     * whose process died loses the word.
     */
    static boolean acquire(java.lang.foreign.MemorySegment segment, long at, long nanos, long token)
            throws InterruptedException {
        long deadline = Backoff.deadline(nanos);
        Backoff b = new Backoff();
        for (; ; ) {
            long holder = (long) LONG.getVolatile(segment, at);
            if (holder == 0) {
                if (LONG.compareAndSet(segment, at, 0L, token)) return true;
            } else if (b.checkDue() && !Backoff.isRunning(processOf(holder))) {
                if (LONG.compareAndSet(segment, at, holder, token)) return true;
            }
            if (!b.pause(deadline)) return false;
        }
    }

    /** The pid in a holder word: a thread token ({@link ProcessRLock}) keeps it in the high half. */
    static long processOf(long holder) {
        return holder > 0xffff_ffffL ? holder >>> 32 : holder;
    }
}
