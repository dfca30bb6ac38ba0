package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Size;
import hitchhiker.examples.TimingPolicy;
import hitchhiker.omp.Parallel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
            description = {"Timed runs per variant at least, after a warm-up that lasts until two runs agree",
                    "within 5 %%; the median is reported (default: ${DEFAULT-VALUE})."})
    int repeat = TimingPolicy.DEFAULT_RUNS;

    @Option(names = "--size", paramLabel = "PRESET",
            description = {"Parameter preset: 'default' (sized for the JVM: about 0.3-1 s of serial work,",
                    "less where memory is the limit), 'workshop' (the Python workshop's own sizes)",
                    "or 'quick'."})
    String size = Size.DEFAULT.word();

    @Option(names = "--quick", description = "Smaller sizes, for a fast look (the same as --size quick).")
    boolean quick;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where examples write files such as images (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("hhg-out");

    /** Rejects impossible option values before any work starts, and makes sure {@code --out} can be written. */
    void validate() {
        checkCounts(threads, workers);
        if (repeat < 1) throw new BadInputException("--repeat must be at least 1, not " + repeat);
        if (quick && !size.equalsIgnoreCase(Size.DEFAULT.word()) && size() != Size.QUICK) {
            throw new BadInputException("--quick and --size " + size + " contradict each other");
        }
        size();
        writableDirectory(out, "--out");
    }

    /** Threads and workers within what the runtimes accept. */
    static void checkCounts(int threads, int workers) {
        if (threads < 1 || threads > Parallel.MAX_THREADS) {
            throw new BadInputException("--threads must be from 1 to " + Parallel.MAX_THREADS + ", not " + threads);
        }
        if (workers < 1 || workers > Settings.MAX_WORKERS) {
            throw new BadInputException("--workers must be from 1 to " + Settings.MAX_WORKERS + ", not " + workers);
        }
    }

    /** The chosen preset. */
    Size size() {
        return quick ? Size.QUICK : Size.of(size);
    }

    /** The harness for these options: steady-state timing (a shorter one at quick sizes), telling {@code progress} about each call. */
    Harness harness(hitchhiker.examples.Progress progress) {
        if (size() == Size.QUICK) return new Harness(TimingPolicy.quickLook(repeat), progress);
        return Harness.steadyState(repeat, progress);
    }

    /** Settings for an example at the chosen preset; prints go to {@code out}. */
    Settings settings(Example example, PrintStream exampleOut) {
        return Settings.defaults(example, size(), threads, workers, exampleOut, out);
    }

    /**
     * Creates {@code dir} if needed (its parent must exist: a typo should not grow a tree of
     * folders) and checks it can be written, so that a bad path fails before the work, with exit 2.
     */
    static void writableDirectory(Path dir, String option) {
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) && (parent == null || !Files.isDirectory(parent))) {
            throw new BadInputException(option + " " + dir + ": its parent folder does not exist");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".hhg-write-test", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(option + " " + dir + ": cannot write there (" + e.getClass().getSimpleName() + ")");
        }
    }
}
