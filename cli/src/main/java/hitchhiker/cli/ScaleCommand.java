package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.report.Charts;
import hitchhiker.report.HtmlReport;
import hitchhiker.report.Machine;
import hitchhiker.report.Scaling;
import hitchhiker.report.ScalingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hhg scale <id> [--max N] [name=value ...]}: runs one example at 1..N threads and workers,
 * prints the speed-up of its best parallel variant at each count and the fitted Amdahl serial
 * fraction, and writes a report page and the chart.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Scale one example from 1 to N threads and workers; fit Amdahl's law.",
                "Runs the example with threads and workers both set to 1, 2, ..., N, fits",
                "S(p) = 1 / (f + (1 - f) / p) to its best parallel variant's speed-ups, prints the",
                "table and the serial fraction f, and plots measured vs ideal vs fitted.",
                "Exits 1 if a check fails."},
        footer = {"", "Examples:", "  hhg scale part3.julia --max 2 resolution=1000",
                "  hhg scale part1.pi --quick --report /tmp/pi"})
final class ScaleCommand implements Callable<Integer> {

    /** More steps than this is a typing mistake, not an experiment. */
    static final int MAX_STEPS = 256;

    @ParentCommand
    private Hhg hhg;

    @Parameters(index = "0", paramLabel = "ID", description = "The example's id (see hhg list).")
    private String id;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", description = "The example's parameters.")
    private List<String> assignments = new ArrayList<>();

    @Option(names = "--max", paramLabel = "N",
            description = "Scale from 1 to N threads and workers (default: ${DEFAULT-VALUE}, the cores).")
    private int max = RunOptions.CORES;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs per variant and count, after one warm-up (default: ${DEFAULT-VALUE}).")
    private int repeat = 3;

    @Option(names = "--quick", description = "Smaller sizes, for a fast look.")
    private boolean quick;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write scale-ID.html and scale-ID.png (default: ${DEFAULT-VALUE}).")
    private Path report = HtmlReport.DEFAULT_DIR;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where examples write files such as images (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("hhg-out");

    @Override
    public Integer call() throws IOException {
        if (max < 1 || max > MAX_STEPS) {
            throw new BadInputException("--max must be from 1 to " + MAX_STEPS + ", not " + max);
        }
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, not " + repeat);
        Example example = hhg.catalogue().get(id);
        // Every count prints the same lines again: keep the table readable.
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Settings settings = Settings.defaults(example, quick, 1, 1, silent, out)
                .with(Assignments.parse(example, assignments));
        hhg.out().println(example.id() + " — " + example.title() + ": scaling at p = 1.." + max
                + (max > RunOptions.CORES
                        ? " (more than the " + RunOptions.CORES + " cores: expect no gain past them)" : ""));
        hhg.out().flush();
        ScalingRun run = Scaling.measure(example, settings, max, new Harness(1, repeat));
        hhg.out().print(run.table());
        Path page = new HtmlReport("Scaling of " + example.id(), Machine.current(), hhg.catalogue()).add(run)
                .write(report.resolve("scale-" + example.id() + ".html"));
        Path chart = report.resolve("scale-" + example.id() + ".png");
        if (!run.points().isEmpty()) Files.write(chart, Charts.scaling(run));
        hhg.out().println("report: " + page.toAbsolutePath()
                + (run.points().isEmpty() ? "" : "\nchart:  " + chart.toAbsolutePath()));
        hhg.out().flush();
        return run.passed() ? 0 : 1;
    }
}
