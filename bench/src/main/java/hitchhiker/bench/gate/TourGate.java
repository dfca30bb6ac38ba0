package hitchhiker.bench.gate;

import hitchhiker.bench.jit.Filter2dBench;
import hitchhiker.bench.jit.GoFastBench;
import hitchhiker.bench.jit.PrangeBench;
import hitchhiker.bench.mpi.PiScaling;
import hitchhiker.bench.process.ProcessPoolBench;
import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Progress;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Size;
import hitchhiker.examples.Stats;
import hitchhiker.examples.VariantTiming;
import hitchhiker.process.ProcessPool;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Does the tour tell the same story as the benchmarks? Two gates, on a machine with at least
 * {@link #THREADS} idle cores:
 * <ol>
 *   <li><b>floor</b>: at its default size, every example with a parallel variant compared with a
 *   serial one reaches {@link #FLOOR} with its best one (overhead-bound variants are exempt: they
 *   are there to show a cost);</li>
 *   <li><b>agreement</b>: for the examples that have a benchmark of the same work at the same size
 *   ({@link #PAIRS}: JMH, or a plain benchmark with a long fixed warm-up where each sample spans
 *   several JVMs), the tour's speed-up is within {@link #TOLERANCE} of the benchmark's.</li>
 * </ol>
 * The tour side is timed exactly as {@code hhg tour} times it (steady state, at least 5 runs).
 *
 * <p>A comparison made on a noisy machine proves nothing either way: a measurement whose median
 * is uncertain by more than 10 % is {@linkplain Verdict#NOISY noisy}, is retried, and is never
 * counted as a pass.
 *
 * <p>Run: {@code ./hhg bench TourGate} (exit 0 when both gates pass, 1 when one fails, 3 when the
 * machine was too noisy to tell).
 */
public final class TourGate {

    /** The threads, workers and ranks both sides use: the machine this project is measured on has 2 cores. */
    public static final int THREADS = 2;
    /** The least speed-up a parallel example shows at its default size on {@link #THREADS} idle cores. */
    public static final double FLOOR = 1.5;
    /**
     * How far a tour speed-up may stray from JMH's: the two time the same kernel at the same size,
     * but the tour's harness calls through the example's variant (result check, boxing) and JMH
     * through a blackhole, each median carries a few per cent of noise, and JMH's forked JVM
     * compiles the kernel with its own profile. 15 % covers those and is still well below the 1.5–3x
     * gaps that came from cold workers and mis-sized workloads.
     */
    public static final double TOLERANCE = 0.15;
    /** Below this capacity the machine's cores were not both free: no floor is judged. */
    public static final double MIN_CAPACITY = 1.6;
    /** Above this relative uncertainty a ratio is too noisy to judge. */
    public static final double NOISY = 0.10;

    /** How one comparison came out. */
    public enum Verdict { PASS, FAIL, NOISY }

    /** How a benchmark measures its speed-up. */
    @FunctionalInterface
    public interface Measure {
        /** Runs the benchmark and returns its speed-up. */
        Ratio ratio() throws Exception;
    }

    /**
     * An example beside the benchmark that times the same work at the same size.
     *
     * @param example the example's id
     * @param variant its parallel variant that the benchmark's parallel side matches
     * @param bench   the benchmark's name, for the table
     * @param measure runs the benchmark
     */
    public record Pair(String example, String variant, String bench, Measure measure) {
        @Override
        public String toString() {
            return example + " / " + bench;
        }
    }

    /** The examples that have a benchmark twin, at the examples' default sizes and 2 workers. */
    public static final List<Pair> PAIRS = List.of(
            new Pair("part1.primes", "pool map", "ProcessPoolBench (range C)", TourGate::primesRatio),
            new Pair("part2.prange", "parallel", "JMH PrangeBench", () -> jmhRatio(PrangeBench.class,
                    Map.of("n", "100000000", "threads", "2"))),
            new Pair("part2.filter2d", "parallel", "JMH Filter2dBench", () -> jmhRatio(Filter2dBench.class,
                    Map.of("size", "2000", "filter", "10", "threads", "2"))),
            new Pair("part2.gofast", "parallel", "JMH GoFastBench", () -> jmhRatio(GoFastBench.class,
                    Map.of("n", "10000", "threads", "2"))),
            new Pair("part4.pi", "2 ranks", "PiScaling (30 warm-ups)", TourGate::piRatio));

    /**
     * A speed-up and its relative uncertainty (of about 95 %, from the two medians' intervals).
     *
     * @param value       serial time over parallel time
     * @param uncertainty relative: 0.05 is ±5 %
     */
    public record Ratio(double value, double uncertainty) {
        boolean noisy() {
            return uncertainty > NOISY;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2fx ±%.0f%%", value, 100 * uncertainty);
        }
    }

    /**
     * An example's best speed-up against the floor, measured beside the machine's {@link Capacity}:
     * the floor assumes {@link #THREADS} idle cores, so it is scaled down by what a perfectly
     * parallel workload got at the same moment (1.5x at a capacity of 2.0x, 1.43x at 1.9x).
     */
    public record Floor(String example, String variant, Ratio ratio, Ratio capacity) {
        /** The speed-up this measurement has to reach. */
        public double floor() {
            return FLOOR * Math.min(1, capacity.value() / THREADS);
        }

        /**
         * Passes at or above the floor; fails only when it is below the floor by more than its own
         * uncertainty. A noisy ratio, or a capacity below {@link #MIN_CAPACITY} (the two cores were
         * not both free), is no evidence either way, nor is a ratio within its uncertainty of the
         * floor. The capacity's own spread is not held against it: it is the median of many short
         * samples, and on a virtual machine it moves from one probe to the next (1.68x to 1.94x
         * on this project's machine, idle) just as the examples' speed-ups do.
         */
        public Verdict verdict() {
            if (ratio.noisy() || capacity.value() < MIN_CAPACITY) return Verdict.NOISY;
            if (ratio.value() >= floor()) return Verdict.PASS;
            return ratio.value() * (1 + ratio.uncertainty()) < floor() ? Verdict.FAIL : Verdict.NOISY;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %s (floor %.2fx; a perfectly parallel probe got %s) %s",
                    example, variant, ratio, floor(), capacity, verdict());
        }
    }

    /** A tour speed-up beside its benchmark's (the tour side first). */
    public record Agreement(Pair pair, Ratio tour, Ratio bench) {
        /** The tour's ratio relative to the benchmark's, minus one: 0.1 is 10 % above. */
        public double difference() {
            return tour.value() / bench.value() - 1;
        }

        /**
         * Passes within the tolerance on a quiet machine; fails only when the gap is wider than
         * the tolerance by more than the two ratios' combined uncertainty. Between the two, it is
         * no evidence either way: the two sides are measured a minute apart, and a
         * bandwidth-bound kernel's speed-up moves that much on a shared VM (part2.gofast in one CI
         * run: tour 1.96x ±3 %, JMH 1.63x ±5 % a minute later; in another, tour 1.59x, JMH 1.82x).
         */
        public Verdict verdict() {
            if (tour.noisy() || bench.noisy()) return Verdict.NOISY;
            double gap = Math.abs(difference());
            if (gap <= TOLERANCE) return Verdict.PASS;
            return gap > TOLERANCE + Math.hypot(tour.uncertainty(), bench.uncertainty()) ? Verdict.FAIL : Verdict.NOISY;
        }
    }

    private final PrintStream log;
    private final Path outputDir;

    /** A gate that prints its progress and tables on {@code log}, with example outputs in a temporary folder. */
    public TourGate(PrintStream log) throws java.io.IOException {
        this.log = log;
        this.outputDir = Files.createTempDirectory("hhg-gate-");
    }

    /** Runs an example as the tour does: default size, steady state, at least 5 timed runs. */
    public ExampleRun tourRun(String id) {
        Example example = Catalogue.guide().get(id);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Settings settings = Settings.defaults(example, Size.DEFAULT, THREADS, THREADS, quiet, outputDir);
        return Harness.steadyState(5, Progress.NONE).run(example, settings);
    }

    /** Every example of the guide, in order (those without a serial and a parallel variant have no floor). */
    public static List<String> guideExamples() {
        return Catalogue.guide().all().stream().map(Example::id).toList();
    }

    /** What a perfectly parallel workload gets from {@link #THREADS} threads right now. */
    public static Ratio capacity() {
        return Capacity.measure(THREADS);
    }

    /**
     * The best comparable parallel variant of a run against its serial one, if it has both, judged
     * with the capacity measured next to the run.
     */
    public static Optional<Floor> floor(ExampleRun run, Ratio capacity) {
        if (!run.check().passed()) throw new IllegalStateException(run.example() + ": " + run.check().detail());
        return run.bestParallel().flatMap(best -> run.serial().map(serial ->
                new Floor(run.example(), best.name(), ratio(serial, best), capacity)));
    }

    /** The named variant's speed-up in a run. */
    public static Ratio ratio(ExampleRun run, String variant) {
        VariantTiming v = run.variants().stream().filter(t -> t.name().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalStateException(run.example() + " has no variant '" + variant + "'"));
        return ratio(run.serial().orElseThrow(), v);
    }

    private static Ratio ratio(VariantTiming serial, VariantTiming parallel) {
        return new Ratio(serial.median() / parallel.median(), Math.hypot(serial.uncertainty(), parallel.uncertainty()));
    }

    /** JMH's speed-up of a benchmark with {@code serial} and {@code parallel} methods: one fork each. */
    public static Ratio jmhRatio(Class<?> benchmark, Map<String, String> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + java.util.regex.Pattern.quote(benchmark.getName()) + "\\.(serial|parallel)$")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT);
        params.forEach(options::param);
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult r : new Runner(options.build()).run()) {
            String method = r.getParams().getBenchmark();
            scores.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        Result<?> serial = scores.get("serial");
        Result<?> parallel = scores.get("parallel");
        if (serial == null || parallel == null) throw new IllegalStateException("JMH ran no serial/parallel in " + benchmark);
        return new Ratio(serial.getScore() / parallel.getScore(),
                Math.hypot(relativeError(serial), relativeError(parallel)));
    }

    /** part1.primes range C, serial against pool map taking turns (ProcessPoolBench's method), 7 samples. */
    static Ratio primesRatio() {
        List<Long> numbers = java.util.stream.LongStream.range(100_000_000L, 101_000_000L).boxed().toList();
        try (ProcessPool pool = new ProcessPool(THREADS)) {
            double[][] t = ProcessPoolBench.primes(pool, numbers, 54_208, 7);
            return ratio(t[0], t[1]);
        }
    }

    /** part4.pi at its default n with 30 fixed warm-ups (PiScaling). */
    static Ratio piRatio() throws java.io.IOException {
        VariantTiming[] t = PiScaling.measure(300_000_000L, 30, 10);
        return ratio(t[0], t[1]);
    }

    private static Ratio ratio(double[] serial, double[] parallel) {
        List<Double> s = Arrays.stream(serial).boxed().toList();
        List<Double> p = Arrays.stream(parallel).boxed().toList();
        return new Ratio(Stats.median(s) / Stats.median(p), Math.hypot(Stats.relativeUncertainty(s), Stats.relativeUncertainty(p)));
    }

    // JMH's score error is the half-width of its 99.9 % interval; halved, about a 95 % one.
    private static double relativeError(Result<?> r) {
        double e = r.getScoreError();
        return Double.isFinite(e) && r.getScore() > 0 ? e / 2 / r.getScore() : 1;
    }

    /**
     * Measures a floor, retrying up to {@code attempts} times while it is not a pass; returns the
     * last measurement (a pass if any attempt passed).
     */
    public Floor measureFloor(String id, int attempts) {
        Floor last = null;
        for (int a = 0; a < attempts; a++) {
            Ratio capacity = capacity();
            Optional<Floor> f = floor(tourRun(id), capacity);
            if (f.isEmpty()) return null;
            last = f.get();
            log.println("  floor  " + last);
            if (last.verdict() == Verdict.PASS) break;
        }
        return last;
    }

    /** Measures an agreement, retrying up to {@code attempts} times while it is not a pass. */
    public Agreement measureAgreement(Pair pair, int attempts) throws Exception {
        Agreement last = null;
        for (int a = 0; a < attempts; a++) {
            Ratio tour = ratio(tourRun(pair.example()), pair.variant());
            Ratio bench = pair.measure().ratio();
            last = new Agreement(pair, tour, bench);
            log.printf(Locale.ROOT, "  agree  %-16s tour %s  %s %s  %+.0f%%  %s%n", pair.example(), tour, pair.bench(), bench,
                    100 * last.difference(), last.verdict());
            if (last.verdict() == Verdict.PASS) break;
        }
        return last;
    }

    /** Both gates over the whole guide; prints one line per measurement and a verdict. */
    public static void main(String[] args) throws Exception {
        if (Runtime.getRuntime().availableProcessors() < THREADS) {
            System.out.println("TourGate needs " + THREADS + " cores; this machine has "
                    + Runtime.getRuntime().availableProcessors() + ": nothing to judge.");
            return;
        }
        TourGate gate = new TourGate(System.out);
        List<Verdict> verdicts = new ArrayList<>();
        System.out.printf(Locale.ROOT, "floor: best parallel variant >= %.1fx at default size, %d threads/workers/ranks"
                + " (scaled by what a perfectly parallel probe gets)%n",
                FLOOR, THREADS);
        for (String id : guideExamples()) {
            Floor f = gate.measureFloor(id, 2);
            if (f != null) verdicts.add(f.verdict());
        }
        System.out.printf(Locale.ROOT, "agreement: tour speed-up within %.0f%% of JMH's%n", 100 * TOLERANCE);
        for (Pair p : PAIRS) verdicts.add(gate.measureAgreement(p, 2).verdict());
        boolean failed = verdicts.contains(Verdict.FAIL);
        boolean noisy = verdicts.contains(Verdict.NOISY);
        System.out.println(failed ? "TourGate: FAILED" : noisy ? "TourGate: the machine was too noisy to judge everything"
                : "TourGate: passed");
        System.exit(failed ? 1 : noisy ? 3 : 0);
    }
}
