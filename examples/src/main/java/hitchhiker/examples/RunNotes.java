package hitchhiker.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-line explanations a run's numbers need so that they do not mislead: which timings are
 * noisy, which variants are overhead-bound and what a task costs, why an efficiency is above
 * 100 %, and which times are too short to compare. The terminal, the JSON and the report all show
 * these same lines.
 */
public final class RunNotes {

    /** Efficiencies up to this are within what timing noise explains without a word. */
    static final double ABOVE_IDEAL = 1.05;

    private RunNotes() {
    }

    /** The notes for {@code run}, in variant order; empty when nothing needs explaining. */
    public static List<String> of(ExampleRun run) {
        List<String> notes = new ArrayList<>();
        Optional<VariantTiming> serial = run.serial();
        if (serial.isPresent() && Durations.unresolved(serial.get().median())) {
            notes.add(serial.get().name() + " takes < 1 µs, below what the clock resolves: no speed-up is computed");
        }
        for (VariantTiming v : run.variants()) {
            if (v.noisy()) {
                notes.add(String.format(Locale.ROOT, "%s: its runs differ by ±%.0f %% (machine busy?): take its ratios loosely",
                        v.name(), v.uncertainty() * 100));
            }
            run.overhead(v).ifPresent(o -> notes.add(v.name() + ": " + o));
            run.efficiency(v).filter(e -> e > ABOVE_IDEAL).ifPresent(e -> notes.add(aboveIdeal(v, e)));
        }
        return notes;
    }

    private static String aboveIdeal(VariantTiming v, double efficiency) {
        if (v.workers() == 1) {
            return String.format(Locale.ROOT, "%s: %.0f %% on one core: each vector instruction works on several"
                    + " numbers at once (SIMD lanes), so one core does more than one serial loop", v.name(), efficiency * 100);
        }
        return String.format(Locale.ROOT, "%s: efficiency %.0f %% (above 100 %%): each worker's share of the data fits"
                + " its core's cache better than the whole did, or its code compiled better than the serial loop;"
                + " it is not more cores than there are", v.name(), efficiency * 100);
    }
}
