package hitchhiker.mpi.embedded;

import java.util.concurrent.locks.LockSupport;

/**
 * How a waiting rank idles: spin, then yield, then park for growing intervals (Agrona's
 * BackoffIdleStrategy, and OpenMP's OMP_WAIT_POLICY). Spinning gives microsecond latency while a
 * peer answers quickly; parking keeps a rank that waits long from stealing a core, so more ranks
 * than cores (-np 4 on 2 cores) still run well.
 */
final class Backoff {

    private static final long SPIN_NANOS = 50_000, YIELD_NANOS = 500_000;
    private static final long MIN_PARK = 10_000, MAX_PARK = 200_000;

    private final long start = System.nanoTime();
    private long park = MIN_PARK;

    /** Waits a little; longer the longer this backoff has been waiting. */
    void idle() {
        long waited = System.nanoTime() - start;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < YIELD_NANOS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(park);
            park = Math.min(MAX_PARK, park * 2);
        }
    }

    /** Whether this backoff is past spinning (worth checking on peers' liveness now and then). */
    boolean slow() {
        return System.nanoTime() - start >= YIELD_NANOS;
    }
}
