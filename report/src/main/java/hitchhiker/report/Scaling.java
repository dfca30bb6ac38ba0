package hitchhiker.report;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.examples.VariantTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an example at 1, 2, ..., N threads and workers (both set to the same count, so it does not
 * matter which one the example's parallel variants read) and records, at each count, the fastest
 * parallel variant's median against the serial median of the same run.
 *
 * <p>Each count is a full {@link Harness} run: warm-up, repeats, check. Taking the serial median
 * from the same run keeps each ratio free of drift between runs (JIT state, other load); the cost
 * is one serial timing per count, which is why the tour scales its quick sizes.
 */
public final class Scaling {

    /** Warm-ups and repeats for {@link #measure(Example, Settings, int)}: cheap, still a median. */
    public static final Harness DEFAULT_HARNESS = new Harness(1, 3);

    private Scaling() {
    }

    /** Measures with {@link #DEFAULT_HARNESS}; see {@link #measure(Example, Settings, int, Harness)}. */
    public static ScalingRun measure(Example example, Settings settings, int maxWorkers) {
        return measure(example, settings, maxWorkers, DEFAULT_HARNESS);
    }

    /**
     * Runs {@code example} with {@code settings} at every worker count from 1 to {@code maxWorkers}.
     * A count whose run fails is recorded as a problem; the others still count.
     *
     * @throws BadInputException when {@code maxWorkers} is below 1
     */
    public static ScalingRun measure(Example example, Settings settings, int maxWorkers, Harness harness) {
        if (maxWorkers < 1) throw new BadInputException("--max must be at least 1, not " + maxWorkers);
        List<ScalingPoint> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 1; k <= maxWorkers; k++) {
            Settings atK = new Settings(settings.values(), k, k, settings.quick(), settings.out(),
                    settings.outputDir());
            ExampleRun run = harness.run(example, atK);
            Optional<VariantTiming> serial = run.serial();
            Optional<VariantTiming> parallel = run.bestParallel();
            if (serial.isEmpty() || parallel.isEmpty()) {
                // Some examples have no parallel variant on one worker (one rank is the serial
                // run): that count is simply not measured. Anything else is a problem.
                if (serial.isPresent() && run.check().passed()) {
                    notes.add("p=" + k + ": no parallel variant at this count");
                } else {
                    problems.add("p=" + k + ": no " + (serial.isEmpty() ? "serial" : "parallel") + " timing ("
                            + run.check().detail() + ")");
                }
                continue;
            }
            points.add(new ScalingPoint(k, parallel.get().name(), serial.get().median(), parallel.get().median(),
                    run.check().passed(), run.check().detail()));
        }
        return new ScalingRun(example.id(), points, problems, notes);
    }
}
