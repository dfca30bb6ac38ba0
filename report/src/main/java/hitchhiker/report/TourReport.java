package hitchhiker.report;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Settings;
import hitchhiker.examples.VariantTiming;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code hhg tour} leaves behind: the report of its runs plus one scaling run per part, at
 * 1..cores threads and workers and the tour's own sizes. The tour's run at the cores is the last
 * point, so scaling costs the counts below it; an example whose variants are its loop schedules
 * (a {@code schedule} parameter) scales the schedule that was fastest in the tour only.
 *
 * <p>Each part scales the example the workshop itself times for speed-up when it ran and has a
 * parallel variant ({@link #PREFERRED}); otherwise the passing example of that part, with serial
 * and parallel timings, whose serial run took longest (the most work, so the least timer noise).
 */
public final class TourReport {

    /** The report's title. */
    public static final String TITLE = "The Hitchhiker's Guide to Parallelism: tour report";

    /** The example each part scales when it can. */
    public static final Map<Integer, String> PREFERRED = Map.of(
            1, "part1.pi", 2, "part2.prange", 3, "part3.julia", 4, "part4.pi");

    private TourReport() {
    }

    /**
     * Scales one example per part of {@code runs} and writes the report into {@code dir}.
     *
     * @param catalogue  where the runs' examples are found
     * @param runs       the tour's runs, in tour order
     * @param dir        the report's directory ({@code --report})
     * @param maxWorkers the most threads and workers to scale to (the cores)
     * @param progress   where one line per scaling run goes (stderr)
     * @return the index file written
     */
    public static Path write(Catalogue catalogue, List<ExampleRun> runs, Path dir, int maxWorkers,
                             PrintStream progress) throws IOException {
        return write(catalogue, runs, dir, maxWorkers, progress, Scaling.DEFAULT_HARNESS);
    }

    /** As {@link #write(Catalogue, List, Path, int, PrintStream)}, scaling with {@code harness}. */
    public static Path write(Catalogue catalogue, List<ExampleRun> runs, Path dir, int maxWorkers,
                             PrintStream progress, hitchhiker.examples.Harness harness) throws IOException {
        HtmlReport report = new HtmlReport(TITLE, Machine.current(), catalogue);
        runs.forEach(report::add);
        // Scaling runs write their files (a quick-sized Julia set) aside, so the tour's own
        // pictures, embedded when the page is written, stay the ones its runs made.
        Path scratch = Files.createTempDirectory("hhg-scaling");
        try {
            scale(catalogue, runs, maxWorkers, scratch, progress, harness).forEach(report::add);
            return report.writeTo(dir);
        } finally {
            deleteTree(scratch);
        }
    }

    private static List<ScalingRun> scale(Catalogue catalogue, List<ExampleRun> runs, int maxWorkers, Path outputDir,
                                          PrintStream progress, hitchhiker.examples.Harness harness) {
        List<ScalingRun> scaled = new ArrayList<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (String id : scalingChoices(runs)) {
            Optional<Example> example = catalogue.find(id);
            if (example.isEmpty()) continue;
            progress.printf(Locale.ROOT, "  scaling %-18s p = 1..%d ", id, maxWorkers);
            progress.flush();
            long t0 = System.nanoTime();
            ExampleRun tourRun = runs.stream().filter(r -> r.example().equals(id)).findFirst().orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>(tourRun.params());
            if (values.containsKey("schedule")) tourRun.bestParallel().ifPresent(b -> values.put("schedule", b.name()));
            Settings settings = new Settings(values, 1, 1, tourRun.size(), silent, outputDir);
            // The tour ran with every worker the machine has: that run is the last point.
            Map<Integer, ExampleRun> known = tourRun.workers() == maxWorkers
                    ? Map.of(maxWorkers, tourRun) : Map.of();
            ScalingRun run = Scaling.measure(example.get(), settings, maxWorkers, harness, known);
            scaled.add(run);
            progress.printf(Locale.ROOT, "%s %5.1f s  %s%n", run.passed() ? "ok    " : "FAILED",
                    (System.nanoTime() - t0) / 1e9,
                    run.points().stream().filter(p -> p.workers() == maxWorkers).findFirst()
                            .map(p -> String.format(Locale.ROOT, "%.2fx at p = %d", p.speedup(), maxWorkers)).orElse(""));
        }
        return scaled;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** One example id per part that ran, in part order: see the class comment for which. */
    static List<String> scalingChoices(List<ExampleRun> runs) {
        Map<Integer, List<ExampleRun>> byPart = new LinkedHashMap<>();
        for (ExampleRun r : runs) {
            if (!scalable(r)) continue;
            byPart.computeIfAbsent(HtmlReport.part(r.example()), k -> new ArrayList<>()).add(r);
        }
        List<String> ids = new ArrayList<>();
        byPart.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String preferred = PREFERRED.get(e.getKey());
            ids.add(e.getValue().stream().filter(r -> r.example().equals(preferred)).findFirst()
                    .or(() -> e.getValue().stream().max(Comparator.comparingDouble(
                            r -> r.serial().map(VariantTiming::median).orElse(0.0))))
                    .orElseThrow().example());
        });
        return ids;
    }

    private static boolean scalable(ExampleRun r) {
        return r.check().passed() && r.serial().isPresent() && r.bestParallel().isPresent();
    }
}
