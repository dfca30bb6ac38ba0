package hitchhiker.process;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for a word of shared memory that another process changes, without futexes:
 * a few hundred spins, then some yields, then parking for 50 µs growing to 1 ms, so a short wait
 * costs microseconds and a long one little CPU. {@link #checkDue} tells the caller when to look
 * for reasons to stop waiting (closed, owner dead), every 20 ms.
 */
final class Backoff {

    private static final long CHECK_NANOS = 20_000_000;

    private int rounds;
    private long lastCheck = System.nanoTime();

    /** The deadline {@code nanos} from now, for {@link #pause}; {@code nanos} &lt; 0 means none. */
    static long deadline(long nanos) {
        return nanos < 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }

    /** Waits a little; false once {@code deadline} has passed. */
    boolean pause(long deadline) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        rounds++;
        if (rounds < 200) {
            Thread.onSpinWait();
        } else if (rounds < 220) {
            Thread.yield();
        } else {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) return false;
            long park = Math.min(1_000_000, 50_000L << Math.min(5, (rounds - 220) / 16));
            LockSupport.parkNanos(deadline == Long.MAX_VALUE ? park : Math.min(park, deadline - now));
        }
        return deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0;
    }

    /** Whether 20 ms have passed since the last check; restarts the clock when they have. */
    boolean checkDue() {
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_NANOS) return false;
        lastCheck = now;
        return true;
    }

    /** Whether process {@code pid} runs (this JVM always does). */
    static boolean isRunning(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static final long PID = ProcessHandle.current().pid();
}
