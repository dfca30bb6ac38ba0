package hitchhiker.omp;

import java.util.Locale;

/**
 * How an idle thread waits (for the next region, at a barrier, for the team to finish), as
 * OpenMP's {@code OMP_WAIT_POLICY}. Every waiter spins first ({@link Thread#onSpinWait}), then
 * yields, then parks, like Agrona's {@code BackoffIdleStrategy}: spinning answers a release in
 * a fraction of a microsecond, parking costs several microseconds to wake but frees the core.
 * The phases differ by policy:
 * <ul>
 *   <li>{@link #ACTIVE}: spin for 10 ms, yield for up to a second, then park (OpenMP's active
 *       threads never sleep; we do after a second so an idle program does not hold a core);</li>
 *   <li>{@link #DEFAULT} (no variable set, as libgomp): spin about 100 µs, yield until 1 ms, then park;</li>
 *   <li>{@link #PASSIVE}: park almost at once.</li>
 * </ul>
 * A team larger than the machine's processors spins only briefly, whatever the policy, because
 * a spinning thread would then hold the core the thread it waits for needs.
 */
public enum WaitPolicy {
    ACTIVE(10_000_000L, 1_000_000_000L),
    DEFAULT(100_000L, 1_000_000L),
    PASSIVE(1_000L, 1_000L);

    final long spinNanos;
    final long yieldUntilNanos;

    WaitPolicy(long spinNanos, long yieldUntilNanos) {
        this.spinNanos = spinNanos;
        this.yieldUntilNanos = yieldUntilNanos;
    }

    /**
     * Parses {@code OMP_WAIT_POLICY}'s values {@code active} and {@code passive} (any case).
     *
     * @throws IllegalArgumentException for another value
     */
    public static WaitPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> ACTIVE;
            case "passive" -> PASSIVE;
            case "default", "" -> DEFAULT;
            default -> throw new IllegalArgumentException("bad wait policy '" + text + "': expected active or passive");
        };
    }
}
