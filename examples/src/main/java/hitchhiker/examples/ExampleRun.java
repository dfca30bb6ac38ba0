package hitchhiker.examples;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of an example produced: the parameters it ran with, its headline result,
 * the check, and each variant's timings.
 *
 * @param example   the example's id
 * @param params    parameter values as run
 * @param result    the headline result, or null when a variant failed
 * @param check     the verdict
 * @param variants  timings, in variant order (only those that completed)
 * @param files     files the example wrote (e.g. a PNG), for the report
 */
public record ExampleRun(String example, Map<String, Object> params, Object result, Check check,
                         List<VariantTiming> variants, List<java.nio.file.Path> files) {

    public ExampleRun {
        params = Map.copyOf(params);
        variants = List.copyOf(variants);
        files = List.copyOf(files);
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

    /** Speed-up of a variant against the serial median; empty for wrong variants or without a serial run. */
    public Optional<Double> speedup(VariantTiming v) {
        if (v.role() == Variant.Role.WRONG) return Optional.empty();
        return serial().map(s -> Stats.speedup(s.median(), v.median()));
    }

    /** Speed-up divided by the variant's workers. */
    public Optional<Double> efficiency(VariantTiming v) {
        return speedup(v).map(s -> Stats.efficiency(s, v.workers()));
    }

    /** The most workers any parallel variant used (1 when there is none). */
    public int workers() {
        return variants.stream().filter(v -> v.role() == Variant.Role.PARALLEL)
                .mapToInt(VariantTiming::workers).max().orElse(1);
    }
}
