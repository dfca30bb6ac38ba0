package hitchhiker.examples;

/**
 * How the {@link Harness} warms a variant up and how many timed calls it makes.
 *
 * <p>The steady-state policy follows what JMH does by hand, automatically: a JVM runs a method
 * interpreted, then compiled once, then compiled again with profile data, so the first calls of a
 * variant are slower by a factor that depends on the code (3 calls of a serial loop caught
 * mid-compile made a SIMD variant look six times faster). Warm-up therefore goes on until two
 * successive calls agree within {@link #stableWithin} and at least {@link #minWarmupSeconds} was
 * spent, or until {@link #warmupBudgetSeconds} runs out; then at least {@link #minRuns} calls are
 * timed, more while {@link #runBudgetSeconds} lasts, so that short variants get a tight median.
 *
 * @param minWarmups          untimed calls at least (the first call included)
 * @param maxWarmups          untimed calls at most
 * @param stableWithin        relative difference of two successive calls that ends the warm-up
 * @param minWarmupSeconds    warm-up time at least, before stability counts
 * @param warmupBudgetSeconds warm-up time at most (the minimum warm-ups are made regardless)
 * @param minRuns             timed calls at least
 * @param maxRuns             timed calls at most
 * @param runBudgetSeconds    more timed calls are made while the timed ones took less than this
 */
public record TimingPolicy(int minWarmups, int maxWarmups, double stableWithin, double minWarmupSeconds,
                           double warmupBudgetSeconds, int minRuns, int maxRuns, double runBudgetSeconds) {

    /** The default of {@code hhg run} and {@code hhg tour}: steady state, at least 5 timed calls. */
    public static final int DEFAULT_RUNS = 5;

    public TimingPolicy {
        if (minWarmups < 1) throw new BadInputException("warm-ups must be at least 1, not " + minWarmups);
        if (minRuns < 1) throw new BadInputException("--repeat must be at least 1, not " + minRuns);
        if (maxWarmups < minWarmups || maxRuns < minRuns) throw new IllegalArgumentException("maximum below minimum");
    }

    /** Exactly {@code warmups} untimed calls, then exactly {@code runs} timed ones: for tests and scripts. */
    public static TimingPolicy fixed(int warmups, int runs) {
        return new TimingPolicy(warmups, warmups, 0, 0, 0, runs, runs, 0);
    }

    /**
     * Warm-up until two successive calls agree within 5 % (at least 0.2 s, at most 3 s of warm-up),
     * then at least {@code minRuns} timed calls, more until 1 s of timed calls.
     */
    public static TimingPolicy steadyState(int minRuns) {
        return new TimingPolicy(1, 10_000, 0.05, 0.2, 3.0, minRuns, Math.max(minRuns, 100), 1.0);
    }

    /**
     * A fast look ({@code --quick}): the same rule, but at most 1 s of warm-up per variant and
     * more timed calls only until 0.3 s of them; at quick sizes that keeps a whole tour near a minute.
     */
    public static TimingPolicy quickLook(int minRuns) {
        return new TimingPolicy(1, 10_000, 0.05, 0.1, 1.0, minRuns, Math.max(minRuns, 100), 0.3);
    }

    /**
     * The policy for a variant whose time is shown but compared with nothing (a demo without a
     * serial variant, an overhead-bound or a deliberately wrong one): one warm-up call and at most
     * 3 timed ones, because such a variant is there for its output or its cost per task, and
     * launching ranks or pushing a million items through a queue again and again would make the
     * tour slow without making anything it teaches more accurate.
     */
    public TimingPolicy brief() {
        int runs = Math.min(minRuns, 3);
        return new TimingPolicy(1, 1, 0, 0, 0, runs, runs, 0);
    }

    /** Whether warm-up is over after {@code calls} calls taking {@code spent} seconds, the last two {@code previous}, {@code last}. */
    boolean warm(int calls, double spent, double previous, double last) {
        if (calls < minWarmups) return false;
        if (calls >= maxWarmups || spent >= warmupBudgetSeconds) return true;
        boolean stable = calls >= 2 && Math.abs(last - previous) <= stableWithin * Math.min(last, previous);
        return stable && spent >= minWarmupSeconds;
    }

    /** Whether another timed call is wanted after {@code runs} calls taking {@code spent} seconds. */
    boolean wantsRun(int runs, double spent) {
        return runs < minRuns || (runs < maxRuns && spent < runBudgetSeconds);
    }
}
