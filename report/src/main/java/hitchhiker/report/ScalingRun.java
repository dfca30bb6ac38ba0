package hitchhiker.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one example scaled from 1 to N workers, and the Amdahl fit of its speed-ups.
 *
 * @param example  the example's id
 * @param points   one per worker count that produced timings, in increasing order
 * @param problems worker counts whose run failed to produce a timing, each with what went wrong
 * @param notes    worker counts that passed but had nothing to measure (e.g. no parallel variant
 *                 on one worker)
 */
public record ScalingRun(String example, List<ScalingPoint> points, List<String> problems, List<String> notes) {

    public ScalingRun {
        points = List.copyOf(points);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A run with no notes. */
    public ScalingRun(String example, List<ScalingPoint> points, List<String> problems) {
        this(example, points, problems, List.of());
    }

    /** The Amdahl fit of the measured speed-ups; empty when no point used more than one worker. */
    public Optional<AmdahlFit> fit() {
        List<AmdahlFit.Point> measured = points.stream()
                .filter(p -> p.speedup() > 0 && Double.isFinite(p.speedup()))
                .map(p -> new AmdahlFit.Point(p.workers(), p.speedup())).toList();
        if (measured.stream().noneMatch(p -> p.workers() > 1)) return Optional.empty();
        return Optional.of(AmdahlFit.fit(measured));
    }

    /** Whether every run's check passed and every worker count produced a timing. */
    public boolean passed() {
        return problems.isEmpty() && points.stream().allMatch(ScalingPoint::checkPassed);
    }

    /** The measurements and the fit as a plain-text table, for the terminal. */
    public String table() {
        Optional<AmdahlFit> fit = fit();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-4s %12s %12s %9s %7s %8s  %s%n",
                "p", "serial", "parallel", "speed-up", "ideal", "Amdahl", "best parallel variant"));
        for (ScalingPoint p : points) {
            b.append(String.format(Locale.ROOT, "%-4d %12s %12s %8.2fx %7d %8s  %s%s%n",
                    p.workers(), Format.seconds(p.serialSeconds()), Format.seconds(p.parallelSeconds()),
                    p.speedup(), p.workers(),
                    fit.map(f -> String.format(Locale.ROOT, "%.2fx", f.speedup(p.workers()))).orElse("-"),
                    p.variant(), p.checkPassed() ? "" : "  CHECK FAILED: " + p.checkDetail()));
        }
        notes.forEach(s -> b.append(s).append('\n'));
        problems.forEach(s -> b.append("PROBLEM: ").append(s).append('\n'));
        b.append(summary()).append('\n');
        return b.toString();
    }

    /** One line on the fit: the serial fraction, its error and the speed-up limit it implies. */
    public String summary() {
        return fit().map(f -> String.format(Locale.ROOT, "Amdahl fit: serial fraction f = %.4f (rms error %.3f), %s",
                        f.serialFraction(), f.rmsError(), f.serialFraction() == 0
                                ? "no serial part: the speed-up grows with every worker"
                                : String.format(Locale.ROOT, "so at most %.1fx on any number of workers", f.limit())))
                .orElse("Amdahl fit: needs a speed-up measured on more than one worker");
    }
}
