package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Size;
import hitchhiker.report.Charts;
import hitchhiker.report.HtmlReport;
import hitchhiker.report.Machine;
import hitchhiker.report.Scaling;
import hitchhiker.report.ScalingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hhg scale <id> [--max N] [name=value ...]}: runs one example at 1..N threads and workers,
 * prints the speed-up of its best parallel variant at each count and what model the points
 * support, and writes a report page and the chart.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Scale one example from 1 to N threads and workers, and fit a scalability model.",
                "Runs the example with threads and workers both set to 1, 2, ..., N at its default",
                "sizes, prints each count's speed-up with its uncertainty and, when at least three",
                "counts above 1 fit within the cores, Gunther's Universal Scalability Law with its",
                "predictions (labelled as such); then plots measured vs ideal vs fitted.",
                "Exits 1 if a check fails."},
        footer = {"", "Examples:", "  hhg scale part3.julia --max 2",
                "  hhg scale part1.pi --size workshop --report /tmp/pi"})
final class ScaleCommand implements Callable<Integer> {

    /** Counts above this many times the cores measure time-sharing, not scaling. */
    static final int MAX_PER_CORE = 2;

    @ParentCommand
    private Hhg hhg;

    @Mixin
    private ExampleArguments arguments;

    @Option(names = "--max", paramLabel = "N",
            description = "Scale from 1 to N threads and workers (default: ${DEFAULT-VALUE}, the cores).")
    private int max = RunOptions.CORES;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs per variant and count at least, after a warm-up until steady (default: ${DEFAULT-VALUE}).")
    private int repeat = 3;

    @Option(names = "--size", paramLabel = "PRESET",
            description = "Parameter preset: default, workshop or quick (default: ${DEFAULT-VALUE}).")
    private String size = Size.DEFAULT.word();

    @Option(names = "--quick", description = "Smaller sizes, for a fast look (the same as --size quick).")
    private boolean quick;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write scale-ID.html and scale-ID.png (default: ${DEFAULT-VALUE}).")
    private Path report = HtmlReport.DEFAULT_DIR;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where examples write files such as images (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("hhg-out");

    @Override
    public Integer call() throws IOException {
        int limit = MAX_PER_CORE * RunOptions.CORES;
        if (max < 1 || max > limit) {
            throw new BadInputException("--max must be from 1 to " + limit + " (twice the " + RunOptions.CORES
                    + " cores: past that a run measures time-sharing, not scaling), not " + max);
        }
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, not " + repeat);
        Size preset = quick ? Size.QUICK : Size.of(size);
        Example example = arguments.example(hhg.catalogue());
        RunOptions.writableDirectory(report, "--report");
        RunOptions.writableDirectory(out, "--out");
        // Every count prints the same lines again: keep the table readable.
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Settings settings = Settings.defaults(example, preset, 1, 1, silent, out)
                .with(arguments.values(example));
        hhg.out().println(example.id() + " — " + example.title() + ": scaling at p = 1.." + max + ", '"
                + preset.word() + "' sizes"
                + (max > RunOptions.CORES
                        ? " (more than the " + RunOptions.CORES + " cores: expect no gain past them)" : ""));
        hhg.out().flush();
        ProgressLine line = ProgressLine.on(hhg.err());
        line.start("");
        ScalingRun run = Scaling.measure(example, settings, max, Harness.steadyState(repeat, line));
        line.finish("");
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
