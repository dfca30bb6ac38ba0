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
 * <p>Each count is a full {@link Harness} run: warm-up until steady, repeats, check, at the sizes
 * the caller chose (the tour passes the calibrated defaults: at quick sizes the ratios would show
 * start-up costs, not scaling). Taking the serial median from the same run keeps each ratio free
 * of drift between runs (JIT state, other load). A run the caller already has for a count (the
 * tour's own, at the cores) is used as it is.
 */
public final class Scaling {

    /** The harness of {@link #measure(Example, Settings, int)}: steady state, at least 3 timed runs. */
    public static final Harness DEFAULT_HARNESS = Harness.steadyState(3, hitchhiker.examples.Progress.NONE);

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
        return measure(example, settings, maxWorkers, harness, java.util.Map.of());
    }

    /**
     * As {@link #measure(Example, Settings, int, Harness)}, taking the runs in {@code known} (by
     * worker count) instead of running those counts again.
     */
    public static ScalingRun measure(Example example, Settings settings, int maxWorkers, Harness harness,
                                     java.util.Map<Integer, ExampleRun> known) {
        if (maxWorkers < 1) throw new BadInputException("--max must be at least 1, not " + maxWorkers);
        List<ScalingPoint> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 1; k <= maxWorkers; k++) {
            ExampleRun run = known.containsKey(k) ? known.get(k) : harness.run(example, settings.withWorkers(k, k));
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
                    run.check().passed(), run.check().detail(),
                    serial.get().uncertainty() + parallel.get().uncertainty()));
        }
        return new ScalingRun(example.id(), points, problems, notes, Runtime.getRuntime().availableProcessors());
    }
}
