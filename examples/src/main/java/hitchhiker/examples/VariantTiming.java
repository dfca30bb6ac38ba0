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
 */
public record VariantTiming(String name, Variant.Role role, int workers, double firstSeconds, List<Double> seconds) {

    public VariantTiming {
        seconds = List.copyOf(seconds);
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
}
