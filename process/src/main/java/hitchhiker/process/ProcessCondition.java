package hitchhiker.process;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A condition variable shared by JVMs, like Python's {@code multiprocessing.Condition} (with its
 * own reentrant lock): hold it with {@link #acquire}, {@link #await} releases it while waiting for
 * a {@link #signal}, then takes it back. {@code signal} and {@code signalAll} are Python's
 * {@code notify} and {@code notify_all} (Java reserves those names).
 *
 * <p>Each waiter takes a numbered slot in the shared memory (at most {@value #SLOTS} at once), and
 * {@code signal(n)} wakes the {@code n} that have waited longest, so a waiter that timed out is never
 * counted as woken.
 */
public final class ProcessCondition extends SharedMemory {

    /** The most threads, over all processes, that may wait at once. */
    public static final int SLOTS = 128;
    private static final long NEXT_AT = 16, SLOTS_AT = 24;
    private static final long NOTIFIED = -1;

    /** A new condition with its own lock. */
    public ProcessCondition() {
        super(SLOTS_AT + SLOTS * 8L);
    }

    ProcessCondition(Path file) {
        super(file, SLOTS_AT + SLOTS * 8L);
    }

    /** Takes the condition's lock (reentrant). */
    public void acquire() throws InterruptedException {
        ProcessRLock.acquire(segment, 0, -1);
    }

    /** Waits at most {@code timeout} for the lock; returns whether it was taken. */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return ProcessRLock.acquire(segment, 0, ProcessQueue.nanos(timeout));
    }

    /** Releases one hold of the lock. */
    public void release() {
        ProcessRLock.release(segment, 0);
    }

    /** Releases the lock, waits for a signal, takes the lock back. */
    public void await() throws InterruptedException {
        await(null);
    }

    /**
     * Releases the lock, waits at most {@code timeout} (null: no limit) for a signal, and takes
     * the lock back; returns whether it was signalled. The caller must hold the lock.
     */
    public boolean await(Duration timeout) throws InterruptedException {
        requireHeld("wait on");
        long seq = (long) LONG.getAndAdd(segment, NEXT_AT, 1L) + 1;
        long slot = -1;
        for (int i = 0; i < SLOTS && slot < 0; i++) {
            if (LONG.compareAndSet(segment, SLOTS_AT + i * 8L, 0L, seq)) slot = SLOTS_AT + i * 8L;
        }
        if (slot < 0) throw new IllegalStateException("more than " + SLOTS + " threads wait on the condition");
        long holds = (long) LONG.getVolatile(segment, 8L);
        LONG.setVolatile(segment, 8L, 0L);
        LONG.setVolatile(segment, 0L, 0L);
        boolean signalled = false;
        try {
            long deadline = Backoff.deadline(ProcessQueue.nanos(timeout));
            Backoff b = new Backoff();
            while (!(signalled = (long) LONG.getVolatile(segment, slot) == NOTIFIED)) {
                if (!b.pause(deadline)) break;
            }
        } finally {
            // Leave the slot: if a signal came meanwhile, it counts.
            if (!signalled && !LONG.compareAndSet(segment, slot, seq, 0L)) signalled = true;
            LONG.setVolatile(segment, slot, 0L);
            ProcessLock.acquire(segment, 0, -1, ProcessRLock.token());
            LONG.setVolatile(segment, 8L, holds);
        }
        return signalled;
    }

    /** Wakes the waiter that has waited longest, if any. The caller must hold the lock. */
    public void signal() {
        signal(1);
    }

    /** Wakes the {@code n} waiters that have waited longest. The caller must hold the lock. */
    public void signal(int n) {
        requireHeld("signal");
        for (int k = 0; k < n; k++) {
            long best = -1, bestSeq = Long.MAX_VALUE;
            for (int i = 0; i < SLOTS; i++) {
                long v = (long) LONG.getVolatile(segment, SLOTS_AT + i * 8L);
                if (v > 0 && v < bestSeq) {
                    bestSeq = v;
                    best = SLOTS_AT + i * 8L;
                }
            }
            if (best < 0) return;
            if (!LONG.compareAndSet(segment, best, bestSeq, NOTIFIED)) k--; // it timed out meanwhile: next one
        }
    }

    /** Wakes every waiter. The caller must hold the lock. */
    public void signalAll() {
        requireHeld("signal");
        for (int i = 0; i < SLOTS; i++) {
            long v = (long) LONG.getVolatile(segment, SLOTS_AT + i * 8L);
            if (v > 0) LONG.compareAndSet(segment, SLOTS_AT + i * 8L, v, NOTIFIED);
        }
    }

    private void requireHeld(String what) {
        if ((long) LONG.getVolatile(segment, 0L) != ProcessRLock.token()) {
            throw new IllegalStateException("cannot " + what + " a condition without holding its lock");
        }
    }
}
