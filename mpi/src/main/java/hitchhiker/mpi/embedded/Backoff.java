package hitchhiker.mpi.embedded;

import java.util.concurrent.locks.LockSupport;

/**
 * How a waiting rank idles: spin, then yield, then park for growing intervals (Agrona's
 * BackoffIdleStrategy, and OpenMP's OMP_WAIT_POLICY). Spinning gives microsecond latency while a
 * peer answers quickly; parking keeps a rank that waits long from stealing a core, so more ranks
 * than cores (-np 4 on 2 cores) still run well.
 *
 * <p>The first {@link #SPINS} waits only spin, without reading the clock: a small message
 * usually arrives within them, and reading the clock (twice to start, once per wait) cost a
 * measurable part of an 8-byte ping-pong's few hundred nanoseconds.
 */
final class Backoff {

    private static final int SPINS = 256;
    /**
     * Spin for about 10 µs (the first spins included): a small message's round trip takes one to
     * two, so a waiter that spins longer than this waits for a peer that is not running, most
     * likely for the very core the waiter holds. Then yield: with more ranks than cores, an 8-byte
     * ping-pong's median one-way time fell from about 60 µs to about 10 µs when waiters yielded
     * after 10 µs instead of 50 µs, and an idle machine never gets that far.
     */
    private static final long SPIN_NANOS = 10_000, YIELD_NANOS = 500_000;
    private static final long MIN_PARK = 10_000, MAX_PARK = 200_000;
    /**
     * After this long a waiter's peer is computing, not answering: parks grow to {@link #LONG_PARK}.
     * A waiter parked for 200 µs wakes 5,000 times a second, and three such waiters (the idle
     * ranks of a second resident job, the harness) took a quarter of a core from two computing
     * ranks; at 1 ms they take about a fifth of that, and the added latency stays under 5 % of the
     * time already waited.
     */
    private static final long LONG_WAIT = 20_000_000, LONG_PARK = 1_000_000;

    private int spins;
    private long start;  // when the clock was first read; 0 while still in the first spins
    private long park = MIN_PARK;
    private long nextCheck;  // 0 until the waiter became slow

    /** Waits a little; longer the longer this backoff has been waiting. */
    void idle() {
        if (spins < SPINS) {
            spins++;
            Thread.onSpinWait();
            return;
        }
        long now = System.nanoTime();
        if (start == 0) start = now;
        long waited = now - start;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < YIELD_NANOS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(park);
            park = Math.min(waited < LONG_WAIT ? MAX_PARK : LONG_PARK, park * 2);
        }
    }

    /**
     * Whether a waiter that is past spinning should check on its peers' liveness now: once every
     * {@code intervalNanos}, the first time one interval after it became slow.
     */
    boolean checkDue(long intervalNanos) {
        if (start == 0) return false;
        long now = System.nanoTime();
        if (now - start < YIELD_NANOS) return false;
        if (nextCheck == 0) {
            nextCheck = now + intervalNanos;
            return false;
        }
        if (now - nextCheck < 0) return false;
        nextCheck = now + intervalNanos;
        return true;
    }
}
