package hitchhiker.cli;

import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hhg tour}: the main job. Runs every example at its default (or quick) sizes, part by
 * part, with progress on stderr, then a summary table (or one JSON object) on stdout.
 */
@Command(name = "tour", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run the whole guide: every example, timed and checked, with a summary.",
                "Goes part by part, then prints a summary of results and speed-ups and writes the",
                "report. Exits 1 if any check fails."})
final class TourCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Mixin
    private RunOptions options;

    @Option(names = "--part", paramLabel = "N", split = ",",
            description = "Only these parts (1-4), e.g. --part 1,3.")
    private List<Integer> parts = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write the HTML report, index.html (default: ${DEFAULT-VALUE}).")
    private java.nio.file.Path report = hitchhiker.report.HtmlReport.DEFAULT_DIR;

    @Override
    public Integer call() {
        options.validate();
        for (int p : parts) {
            if (p < 1 || p > 4) throw new hitchhiker.examples.BadInputException("--part must be 1 to 4, not " + p);
        }
        RunOptions.writableDirectory(report, "--report");
        List<Example> examples = hhg.catalogue().all().stream()
                .filter(e -> parts.isEmpty() || parts.contains(e.part())).toList();
        ProgressLine line = options.json ? new ProgressLine(hhg.err(), false) : ProgressLine.on(hhg.err());
        Harness harness = options.harness(line);
        List<ExampleRun> runs = new ArrayList<>();
        if (!options.json) {
            hhg.err().printf(Locale.ROOT, "Sizes: the '%s' preset%s; %d threads, %d workers; each variant warmed up"
                            + " until steady%s, then at least %d timed runs.%n", options.size().word(),
                    options.size() == hitchhiker.examples.Size.DEFAULT ? " (sized for the JVM)" : "",
                    options.threads, options.workers,
                    options.size() == hitchhiker.examples.Size.QUICK ? " (at most 1 s)" : "", options.repeat);
        }
        long t0 = System.nanoTime();
        int i = 0;
        int lastPart = 0;
        for (Example e : examples) {
            i++;
            if (e.part() != lastPart && !options.json) {
                hhg.err().println(hitchhiker.examples.Catalogue.PART_TITLES.get(e.part() - 1));
                lastPart = e.part();
            }
            line.start(String.format(Locale.ROOT, "  [%2d/%d] %-18s ", i, examples.size(), e.id()));
            long s0 = System.nanoTime();
            // The examples' own prints would break the progress lines: they go to a buffer that
            // is shown only when the example fails.
            var captured = new java.io.ByteArrayOutputStream();
            ExampleRun run = harness.run(e, options.settings(e, new java.io.PrintStream(captured, true)));
            runs.add(run);
            line.finish(String.format(Locale.ROOT, "%s %6.1f s", run.check().passed() ? "ok    " : "FAILED",
                    (System.nanoTime() - s0) / 1e9));
            if (!run.check().passed()) {
                hhg.err().println("         " + run.check().detail());
                captured.toString().lines().limit(20).forEach(l -> hhg.err().println("         | " + l));
            }
        }
        boolean reported = true;
        try {
            hhg.err().println("report: " + hitchhiker.report.TourReport.write(hhg.catalogue(), runs, report,
                    Math.min(RunOptions.CORES, Math.max(options.threads, options.workers)), hhg.err(),
                    Harness.steadyState(3, hitchhiker.examples.Progress.NONE)).toAbsolutePath());
        } catch (java.io.IOException e) {  // the tour's results still get printed
            reported = false;
            hhg.err().println("hhg: could not write the report: " + hitchhiker.examples.Failures.describe(e));
        }
        double total = (System.nanoTime() - t0) / 1e9;
        long failed = runs.stream().filter(r -> !r.check().passed()).count();
        if (options.json) {
            hhg.out().println(Json.write(json(runs, total)));
        } else {
            hhg.out().println();
            hhg.out().print(summary(runs));
            hhg.out().printf(Locale.ROOT, "%n%d examples, %d passed, %d failed, in %.1f s%n",
                    runs.size(), runs.size() - failed, failed, total);
        }
        hhg.out().flush();
        return failed == 0 && reported ? 0 : 1;
    }

    private Map<String, Object> json(List<ExampleRun> runs, double total) {
        Map<String, Object> tour = new LinkedHashMap<>();
        tour.put("size", options.size().word());
        tour.put("cores", RunOptions.CORES);
        tour.put("threads", options.threads);
        tour.put("workers", options.workers);
        tour.put("jdk", Runtime.version().toString());
        tour.put("date", Instant.now().toString());
        tour.put("seconds", total);
        tour.put("passed", runs.stream().allMatch(r -> r.check().passed()));
        tour.put("examples", runs.stream().map(RunFormat::json).toList());
        return tour;
    }

    /**
     * The summary table: example, check, serial s, best parallel s, speed-up, efficiency; then the
     * notes that explain the numbers (overhead-bound variants, noise, efficiencies above 100 %).
     * The results themselves are in each check's line, the report and the JSON: cut to a column
     * they would hide what matters.
     */
    static String summary(List<ExampleRun> runs) {
        Table t = new Table("example", "check", "serial s>", "best parallel s>", "±>", "speed-up>", "efficiency>");
        StringBuilder notes = new StringBuilder();
        for (ExampleRun r : runs) {
            var serial = r.serial();
            var best = r.bestParallel();
            var overheadBound = r.variants().stream().filter(v -> v.role() == hitchhiker.examples.Variant.Role.OVERHEAD_BOUND)
                    .findFirst();
            var shown = best.or(() -> overheadBound);
            t.row(r.example(), r.check().passed() ? "ok" : "FAILED",
                    serial.map(v -> RunFormat.seconds(v.median())).orElse("-"),
                    shown.map(v -> RunFormat.seconds(v.median()) + " (" + v.name() + ")").orElse("-"),
                    shown.map(v -> String.format(Locale.ROOT, "%.0f%%", 100 * (v.uncertainty()
                            + serial.map(hitchhiker.examples.VariantTiming::uncertainty).orElse(0.0)))).orElse("-"),
                    best.flatMap(r::speedup).map(RunFormat::ratio)
                            .orElse(best.isEmpty() && overheadBound.isPresent() ? "overhead-bound" : "-"),
                    best.flatMap(r::efficiency).map(RunFormat::percent).orElse("-"));
            for (String n : hitchhiker.examples.RunNotes.of(r)) notes.append("  ").append(r.example()).append(" ").append(n).append('\n');
        }
        return t.render("") + (notes.isEmpty() ? "" : "\nNotes:\n" + notes);
    }

}
