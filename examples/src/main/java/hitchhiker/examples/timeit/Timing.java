package hitchhiker.examples.timeit;

import hitchhiker.examples.Stats;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Timeit} measured: the first call on its own, and {@code repeats} repeats of
 * {@code loops} calls each, as seconds per call.
 *
 * <p>The first call is kept apart because in Java it runs in the interpreter and triggers JIT
 * compilation — the analogue of Numba compiling a function on its first call. The steady state is
 * summarised by the best repeat (the run least disturbed by the rest of the machine) and the
 * median (what a typical call costs on a busy machine).
 *
 * @param firstCallSeconds the first call, interpreter and compilation included
 * @param loops            calls per repeat
 * @param perCallSeconds   one value per repeat: that repeat's time divided by {@code loops}
 */
public record Timing(double firstCallSeconds, long loops, List<Double> perCallSeconds) {

    public Timing {
        if (loops < 1) throw new IllegalArgumentException("loops must be at least 1, not " + loops);
        if (perCallSeconds.isEmpty()) throw new IllegalArgumentException("a timing needs at least one repeat");
        perCallSeconds = List.copyOf(perCallSeconds);
    }

    /** How many repeats were timed. */
    public int repeats() {
        return perCallSeconds.size();
    }

    /** The fastest repeat, per call. */
    public double best() {
        return Stats.best(perCallSeconds);
    }

    /** The median repeat, per call. */
    public double median() {
        return Stats.median(perCallSeconds);
    }

    /** The slowest repeat, per call. */
    public double worst() {
        return perCallSeconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** How many times slower the first call was than the best steady-state call. */
    public double firstCallRatio() {
        return Stats.speedup(firstCallSeconds, best());
    }

    /**
     * One line in the manner of IPython's {@code %timeit}, e.g.
     * {@code "3.21 ms per call (best of 7 repeats, 100 calls each; median 3.40 ms); first call 41.2 ms"}.
     */
    public String summary() {
        return String.format(Locale.ROOT, "%s per call (best of %d repeat%s, %d call%s each; median %s); first call %s",
                format(best()), repeats(), repeats() == 1 ? "" : "s", loops, loops == 1 ? "" : "s",
                format(median()), format(firstCallSeconds));
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Seconds with three significant digits in a readable unit: {@code 812 ns}, {@code 3.21 ms}, {@code 1.50 s}. */
    public static String format(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return seconds + " s";
        double abs = Math.abs(seconds);
        if (abs >= 1 || abs == 0) return threeDigits(seconds) + " s";
        if (abs >= 1e-3) return threeDigits(seconds * 1e3) + " ms";
        if (abs >= 1e-6) return threeDigits(seconds * 1e6) + " µs";
        return threeDigits(seconds * 1e9) + " ns";
    }

    private static String threeDigits(double v) {
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
