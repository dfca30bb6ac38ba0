package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.Settings;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** The options every command that runs examples shares. */
final class RunOptions {

    static final int CORES = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for shared-memory variants (default: ${DEFAULT-VALUE}, the cores).")
    int threads = CORES;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker processes or ranks for process-based variants (default: ${DEFAULT-VALUE}).")
    int workers = CORES;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs per variant after one warm-up; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--quick", description = "Smaller sizes, for a fast look.")
    boolean quick;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where examples write files such as images (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("hhg-out");

    /** Rejects impossible option values before any work starts. */
    void validate() {
        if (threads < 1) throw new BadInputException("--threads must be at least 1, not " + threads);
        if (workers < 1) throw new BadInputException("--workers must be at least 1, not " + workers);
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, not " + repeat);
    }

    /** Settings for an example at its default (or quick) sizes; prints go to {@code out}. */
    Settings settings(Example example, PrintStream exampleOut) {
        return Settings.defaults(example, quick, threads, workers, exampleOut, out);
    }
}
