package hitchhiker.examples;

import java.util.List;

/**
 * How long one variant took.
 *
 * @param name         the variant's name
 * @param role         its role in checks and speed-ups
 * @param workers      threads, processes or ranks it used
 * @param firstSeconds the first call, which includes interpretation and JIT compilation
 * @param seconds      the timed repeats after the warm-up
 * @param warmups      untimed calls made before the repeats, the first one included
 * @param tasks        pieces of work one call hands out (see {@link Variant#tasks()})
 */
public record VariantTiming(String name, Variant.Role role, int workers, double firstSeconds, List<Double> seconds,
                            int warmups, long tasks) {

    /** Above this relative uncertainty of the median, a timing is flagged as noisy. */
    public static final double NOISY = 0.10;

    public VariantTiming {
        seconds = List.copyOf(seconds);
    }

    /** A timing after one warm-up call, of a variant dispatching one task per call. */
    public VariantTiming(String name, Variant.Role role, int workers, double firstSeconds, List<Double> seconds) {
        this(name, role, workers, firstSeconds, seconds, 1, 1);
    }

    public double median() {
        return Stats.median(seconds);
    }

    public double best() {
        return Stats.best(seconds);
    }

    public int runs() {
        return seconds.size();
    }

    /** The median's confidence interval of about 95 %, {@code {low, high}} (see {@link Stats#medianInterval}). */
    public double[] interval() {
        return Stats.medianInterval(seconds);
    }

    /** The median's uncertainty relative to itself: 0.05 is ±5 %. */
    public double uncertainty() {
        return Stats.relativeUncertainty(seconds);
    }

    /** Whether the runs disagree so much that the median is not to be trusted (another load on the machine?). */
    public boolean noisy() {
        return runs() >= 3 && uncertainty() > NOISY;
    }

    /** Whether the variant has a speed-up: wrong and overhead-bound variants have none (the serial one's is 1). */
    public boolean comparable() {
        return role == Variant.Role.SERIAL || role == Variant.Role.PARALLEL;
    }
}
