package hitchhiker.process;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reentrant lock shared by JVMs, like Python's {@code multiprocessing.RLock}: the thread that
 * holds it may take it again, and must release it as many times; only that thread may release
 * it. See {@link ProcessLock} for how it waits and what happens when a holder dies.
 */
public final class ProcessRLock extends SharedMemory {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadLocal<Long> TOKEN = ThreadLocal.withInitial(
            () -> Backoff.PID << 32 | (THREADS.incrementAndGet() & 0xffff_ffffL));

    /** A new, unlocked lock. */
    public ProcessRLock() {
        super(2 * Long.BYTES);
    }

    ProcessRLock(Path file) {
        super(file, 2 * Long.BYTES);
    }

    /** Takes the lock, waiting while another thread (here or in another process) holds it. */
    public void acquire() throws InterruptedException {
        acquire(segment, 0, -1);
    }

    /** Waits at most {@code timeout} for the lock; returns whether it was taken. */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return acquire(segment, 0, ProcessQueue.nanos(timeout));
    }

    /** Releases one hold; throws {@link IllegalStateException} if this thread does not hold the lock. */
    public void release() {
        release(segment, 0);
    }

    /** Whether this thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return (long) LONG.getVolatile(segment, 0L) == token();
    }

    /** This thread's holder word: its process in the high half, a number for the thread in the low. */
    static long token() {
        return TOKEN.get();
    }

    /** Reentrant acquire of the lock whose holder word is at {@code at} and hold count after it. */
    static boolean acquire(MemorySegment segment, long at, long nanos) throws InterruptedException {
        long me = token();
        if ((long) LONG.getVolatile(segment, at) == me) {
            LONG.setVolatile(segment, at + 8, (long) LONG.getVolatile(segment, at + 8) + 1);
            return true;
        }
        if (!ProcessLock.acquire(segment, at, nanos, me)) return false;
        LONG.setVolatile(segment, at + 8, 1L);
        return true;
    }

    /** Releases one hold; returns the holds left. */
    static long release(MemorySegment segment, long at) {
        if ((long) LONG.getVolatile(segment, at) != token()) {
            throw new IllegalStateException("cannot release a lock this thread does not hold");
        }
        long left = (long) LONG.getVolatile(segment, at + 8) - 1;
        LONG.setVolatile(segment, at + 8, left);
        if (left == 0) LONG.setVolatile(segment, at, 0L);
        return left;
    }
}
