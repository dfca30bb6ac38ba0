package hitchhiker.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;

/**
 * A barrier for a fixed number of parties in any processes, like Python's
 * {@code multiprocessing.Barrier}: each party's {@link #await} waits until all have arrived, then
 * all go on, and the barrier can be used again. A wait that times out breaks the barrier, as do
 * {@link #abort} and {@link #reset}: waiting and later parties get {@link BrokenBarrierException}
 * (after {@code reset}, later ones do not).
 *
 * <p>Memory consistency effects: arrival is an atomic add and release a volatile write that the
 * waiters read, so actions in a thread prior to {@code await} <i>happen-before</i> actions that
 * follow the return from the same generation's {@code await} in other threads of the same JVM.
 * Across JVMs only what lives in shared memory is ordered so.
 */
public final class ProcessBarrier extends SharedMemory {

    private static final long PARTIES_AT = 0, COUNT_AT = 8, GENERATION_AT = 16, BROKEN_AT = 24, RESET_AT = 32;

    /** A barrier for {@code parties} parties. */
    public ProcessBarrier(int parties) {
        super(40);
        if (parties < 1) throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        LONG.setVolatile(segment, PARTIES_AT, (long) parties);
    }

    ProcessBarrier(Path file) {
        super(file, 40);
    }

    /** The number of parties. */
    public int parties() {
        return (int) (long) LONG.getVolatile(segment, PARTIES_AT);
    }

    /** The parties now waiting (a snapshot). */
    public int waiting() {
        return (int) (long) LONG.getVolatile(segment, COUNT_AT);
    }

    /** Whether the barrier is broken. */
    public boolean isBroken() {
        return (long) LONG.getVolatile(segment, BROKEN_AT) != 0;
    }

    /** Waits for every party; returns this party's arrival index, 0 to parties - 1, as Python's {@code wait}. */
    public int await() throws InterruptedException, BrokenBarrierException {
        return await(null);
    }

    /** {@link #await()} waiting at most {@code timeout} (null: no limit); a timeout breaks the barrier. */
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException {
        long gen = (long) LONG.getVolatile(segment, GENERATION_AT);
        if (isBroken()) throw new BrokenBarrierException();
        int index = (int) (long) LONG.getAndAdd(segment, COUNT_AT, 1L);
        if (index == parties() - 1) {
            LONG.setVolatile(segment, COUNT_AT, 0L);
            LONG.setVolatile(segment, GENERATION_AT, gen + 1);
            return index;
        }
        long deadline = Backoff.deadline(ProcessQueue.nanos(timeout));
        Backoff b = new Backoff();
        try {
            while ((long) LONG.getVolatile(segment, GENERATION_AT) == gen) {
                if (isBroken()) throw new BrokenBarrierException();
                if (!b.pause(deadline)) {
                    abort();
                    throw new BrokenBarrierException();
                }
            }
        } catch (InterruptedException e) {
            abort();
            throw e;
        }
        if ((long) LONG.getVolatile(segment, RESET_AT) == gen + 1) throw new BrokenBarrierException();
        return index;
    }

    /** Breaks the barrier: waiting and later parties get {@link BrokenBarrierException}. */
    public void abort() {
        LONG.setVolatile(segment, BROKEN_AT, 1L);
    }

    /** Empties the barrier: the parties waiting get {@link BrokenBarrierException}; it is usable again. */
    public void reset() {
        long next = (long) LONG.getVolatile(segment, GENERATION_AT) + 1;
        LONG.setVolatile(segment, RESET_AT, next);
        LONG.setVolatile(segment, COUNT_AT, 0L);
        LONG.setVolatile(segment, BROKEN_AT, 0L);
        LONG.setVolatile(segment, GENERATION_AT, next);
    }
}
