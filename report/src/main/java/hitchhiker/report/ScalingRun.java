package hitchhiker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one example scaled from 1 to N workers, and what model (if any) the points support.
 *
 * @param example  the example's id
 * @param points   one per worker count that produced timings, in increasing order
 * @param problems worker counts whose run failed to produce a timing, each with what went wrong
 * @param notes    worker counts that passed but had nothing to measure (e.g. no parallel variant
 *                 on one worker)
 * @param cores    the machine's cores: counts above them share cores and are not fitted
 */
public record ScalingRun(String example, List<ScalingPoint> points, List<String> problems, List<String> notes,
                         int cores) {

    /** The worker counts a model's predictions are shown for. */
    public static final List<Integer> PREDICTED = List.of(4, 8, 16, 32, 64);

    public ScalingRun {
        points = List.copyOf(points);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A run on this machine's cores. */
    public ScalingRun(String example, List<ScalingPoint> points, List<String> problems, List<String> notes) {
        this(example, points, problems, notes, Runtime.getRuntime().availableProcessors());
    }

    /** A run with no notes, on this machine's cores. */
    public ScalingRun(String example, List<ScalingPoint> points, List<String> problems) {
        this(example, points, problems, List.of());
    }

    /**
     * The scalability model fitted to the points within the cores; empty when they are too few
     * to support one (see {@link ScalingModel#MIN_POINTS}).
     */
    public Optional<ScalingModel> fit() {
        return ScalingModel.fit(points.stream()
                .filter(p -> p.workers() <= cores && p.speedup() > 0 && Double.isFinite(p.speedup()))
                .map(p -> new ScalingModel.Point(p.workers(), p.speedup())).toList());
    }

    /** Whether every run's check passed and every worker count produced a timing. */
    public boolean passed() {
        return problems.isEmpty() && points.stream().allMatch(ScalingPoint::checkPassed);
    }

    /** The measurements as a plain-text table, then what they support, for the terminal. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-4s %12s %12s %9s %5s %6s  %s%n",
                "p", "serial", "parallel", "speed-up", "±", "ideal", "best parallel variant"));
        for (ScalingPoint p : points) {
            b.append(String.format(Locale.ROOT, "%-4d %12s %12s %8.2fx %4.0f%% %6d  %s%s%s%n",
                    p.workers(), Format.seconds(p.serialSeconds()), Format.seconds(p.parallelSeconds()),
                    p.speedup(), p.uncertainty() * 100, p.workers(), p.variant(),
                    p.workers() > cores ? "  (more workers than cores)" : "",
                    p.checkPassed() ? "" : "  CHECK FAILED: " + p.checkDetail()));
        }
        notes.forEach(s -> b.append(s).append('\n'));
        problems.forEach(s -> b.append("PROBLEM: ").append(s).append('\n'));
        summaryLines().forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }

    /** The first line of {@link #summaryLines}: what the points support, in one line. */
    public String summary() {
        return summaryLines().getFirst();
    }

    /**
     * What the points support: the model and its predictions, labelled as such, or why there is
     * no model (too few counts within the cores) and so no prediction past what was measured.
     */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        int measuredMax = points.stream().mapToInt(ScalingPoint::workers).filter(p -> p <= cores).max().orElse(0);
        Optional<ScalingModel> fit = fit();
        if (fit.isEmpty()) {
            long above = points.stream().filter(p -> p.workers() > 1 && p.workers() <= cores).count();
            lines.add(String.format(Locale.ROOT, "No scaling model: %d worker count%s above 1 within the %d cores, and "
                            + "a model needs %d; no prediction past p = %d (measure on a machine with more cores).",
                    above, above == 1 ? "" : "s", cores, ScalingModel.MIN_POINTS, Math.max(1, measuredMax)));
            return lines;
        }
        ScalingModel m = fit.get();
        lines.add(String.format(Locale.ROOT, "Universal Scalability Law fit: contention σ = %.4f, coherence κ = %.5f%s",
                m.sigma(), m.kappa(), m.peak().map(p -> String.format(Locale.ROOT, ", peaks near p = %.0f", p)).orElse("")));
        StringBuilder predictions = new StringBuilder("Model predictions, not measurements (range of the leave-one-out fits):");
        for (int p : PREDICTED) {
            if (p <= measuredMax) continue;
            double[] r = m.range(p);
            predictions.append(String.format(Locale.ROOT, " p=%d: %.1fx (%.1f–%.1f);", p, m.speedup(p), r[0], r[1]));
        }
        lines.add(predictions.toString());
        return lines;
    }
}
