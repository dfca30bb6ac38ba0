package hitchhiker.examples;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of an example produced: the parameters it ran with, its headline result,
 * the check, and each variant's timings.
 *
 * @param example   the example's id
 * @param size      the size preset the parameters started from ({@link Size})
 * @param params    parameter values as run, in declaration order
 * @param result    the headline result, or null when a variant failed
 * @param check     the verdict
 * @param variants  timings, in variant order (only those that completed)
 * @param files     files the example wrote (e.g. a PNG), for the report
 */
public record ExampleRun(String example, Size size, Map<String, Object> params, Object result, Check check,
                         List<VariantTiming> variants, List<java.nio.file.Path> files) {

    public ExampleRun {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        variants = List.copyOf(variants);
        files = List.copyOf(files);
    }

    /** A run at the default sizes. */
    public ExampleRun(String example, Map<String, Object> params, Object result, Check check,
                      List<VariantTiming> variants, List<java.nio.file.Path> files) {
        this(example, Size.DEFAULT, params, result, check, variants, files);
    }

    /** The serial reference timing, if it ran. */
    public Optional<VariantTiming> serial() {
        return variants.stream().filter(v -> v.role() == Variant.Role.SERIAL).findFirst();
    }

    /** The fastest parallel variant by median, if any ran. */
    public Optional<VariantTiming> bestParallel() {
        return variants.stream().filter(v -> v.role() == Variant.Role.PARALLEL)
                .min((a, b) -> Double.compare(a.median(), b.median()));
    }

    /**
     * Speed-up of a variant against the serial median; empty for wrong and overhead-bound variants,
     * and without a serial run.
     */
    public Optional<Double> speedup(VariantTiming v) {
        if (!v.comparable()) return Optional.empty();
        return serial().filter(s -> !Durations.unresolved(s.median()) && !Durations.unresolved(v.median()))
                .map(s -> Stats.speedup(s.median(), v.median()));
    }

    /** Speed-up divided by the variant's workers. */
    public Optional<Double> efficiency(VariantTiming v) {
        return speedup(v).map(s -> Stats.efficiency(s, v.workers()));
    }

    /**
     * For an overhead-bound variant, what one of its tasks costs beside the work in it, e.g.
     * "overhead-bound: 0.8 µs of work per task, 21 µs of dispatch"; empty for other variants.
     */
    public Optional<String> overhead(VariantTiming v) {
        if (v.role() != Variant.Role.OVERHEAD_BOUND) return Optional.empty();
        Optional<VariantTiming> s = serial();
        if (s.isEmpty()) return Optional.of("overhead-bound by design");
        double work = s.get().median() / s.get().tasks();
        double dispatch = Math.max(0, v.median() - work * v.tasks() / v.workers()) / v.tasks();
        return Optional.of("overhead-bound: " + Durations.format(work) + " of work per task, "
                + Durations.format(dispatch) + " of dispatch" + (v.tasks() > 1 ? " (" + v.tasks() + " tasks)" : ""));
    }

    /** The most workers any parallel variant used (1 when there is none). */
    public int workers() {
        return variants.stream().filter(v -> v.role() == Variant.Role.PARALLEL || v.role() == Variant.Role.OVERHEAD_BOUND)
                .mapToInt(VariantTiming::workers).max().orElse(1);
    }
}
