package hitchhiker.bench.omp;

import hitchhiker.omp.IntReducer;
import hitchhiker.omp.Omp;
import hitchhiker.omp.Parallel;
import hitchhiker.omp.Schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * EPCC-style overheads of {@code hitchhiker.omp}'s constructs beside libgomp's, in the same run
 * (after the EPCC OpenMP micro-benchmarks' syncbench and schedbench, J. M. Bull et al.).
 *
 * <p>Method, the same on both sides ({@code bench/src/main/c/omp_overheads.c}): each construct
 * wraps a short delay (a chain of float additions); {@code inner} repetitions are timed, the
 * time of the same delays run by one thread is subtracted, and the difference divided by
 * {@code inner} is the overhead of one construct. Repeated {@code outer} times; the median is
 * reported in microseconds; the whole comparison runs in several alternating rounds and the
 * lowest median of each construct is kept (the round least disturbed by other load).
 * {@code dynamic_1} is one {@code for schedule(dynamic,1)} loop of
 * 64 iterations per thread (its reference is one thread's 64 delays). {@code reduction} is a
 * {@code parallel for reduction(+)} with one iteration per thread. The task rows (after EPCC's
 * taskbench) give every thread one delay per repetition: {@code task}, every thread creates one
 * task a repetition, completed at the region's end; {@code master_task}, the master creates them
 * all and the others run them; {@code taskwait}, one task then {@code taskwait}; {@code taskgroup},
 * one task in a {@code taskgroup}.
 *
 * <p>Run: {@code java -cp <bench classpath> hitchhiker.bench.omp.OmpOverheads [threads] [outer] [rounds]}.
 */
public final class OmpOverheads {

    private static final int DELAY = 64;
    private static final int ITERS_PER_THREAD = 64;
    private static final double TARGET_MS = 2;
    private static volatile float sink;
    private static volatile int reductionSink;

    private final int n;
    private final int outer;
    private final Parallel team;
    private int inner;

    private OmpOverheads(int threads, int outer) {
        this.n = threads;
        this.outer = outer;
        this.team = Omp.parallel(threads);
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int outer = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "EPCC-style overheads, %d threads, µs per construct: the best of %d rounds"
                + " (C, then Java, alternating), each the median of %d; delay %d float adds%n", threads, rounds, outer, DELAY);
        Optional<NativeReference> gcc = NativeReference.build("omp_overheads.c");
        OmpOverheads bench = new OmpOverheads(threads, outer);
        Map<String, Double> c = new LinkedHashMap<>();
        Map<String, Double> java = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            if (gcc.isPresent()) {
                for (String line : gcc.get().run(threads, List.of(Integer.toString(threads), Integer.toString(DELAY),
                        Integer.toString(outer), Double.toString(TARGET_MS)))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 2) c.merge(f[0], Double.parseDouble(f[1]), Math::min);
                }
            }
            bench.measure().forEach((k, v) -> java.merge(k, v, Math::min));
        }
        System.out.printf(Locale.ROOT, "%-14s %12s %12s %8s%n", "construct", "java µs", "libgomp µs", "ratio");
        for (var e : java.entrySet()) {
            Double ref = c.get(e.getKey());
            System.out.printf(Locale.ROOT, "%-14s %12.3f %12s %8s%n", e.getKey(), e.getValue(),
                    ref == null ? "-" : String.format(Locale.ROOT, "%.3f", ref),
                    ref == null ? "-" : String.format(Locale.ROOT, "%.2fx", e.getValue() / ref));
        }
    }

    private interface Test {
        void run(int reps);
    }

    private Map<String, Double> measure() {
        double perDelay = perRepMicros(this::reference, 100_000);
        inner = (int) Math.max(10, TARGET_MS * 1000 / (perDelay + 1.0));
        Map<String, Double> out = new LinkedHashMap<>();
        double ref = median(this::reference);
        out.put("delay_us", ref);
        out.put("parallel", median(this::parallel) - ref);
        out.put("for", median(this::forLoop) - ref);
        out.put("parallel_for", median(this::parallelFor) - ref);
        out.put("barrier", median(this::barrier) - ref);
        out.put("single", median(this::single) - ref);
        out.put("critical", median(this::critical) - ref);
        out.put("reduction", median(this::reduction) - ref);
        out.put("dynamic_1", median(this::dynamic1) - median(this::dynamicReference));
        out.put("task", median(this::task) - ref);
        out.put("master_task", median(this::masterTask) - ref);
        out.put("taskwait", median(this::taskwait) - ref);
        out.put("taskgroup", median(this::taskgroup) - ref);
        return out;
    }

    private double median(Test t) {
        for (int w = 0; w < 5; w++) t.run(inner);   // warm-up: the JIT compiles the construct and its lambdas
        double[] s = new double[outer];
        for (int k = 0; k < outer; k++) s[k] = perRepMicros(t, inner);
        Arrays.sort(s);
        return s[outer / 2];
    }

    private static double perRepMicros(Test t, int reps) {
        long t0 = System.nanoTime();
        t.run(reps);
        return (System.nanoTime() - t0) / 1e3 / reps;
    }

    static void delay() {
        float a = 0;
        for (int i = 0; i < DELAY; i++) a += i;
        if (a < 0) sink = a;
    }

    private void reference(int reps) {
        for (int j = 0; j < reps; j++) delay();
    }

    private void parallel(int reps) {
        for (int j = 0; j < reps; j++) team.run(t -> delay());
    }

    private void forLoop(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) {
                t.loop(0, n, Schedule.STATIC, (int lo, int hi) -> {
                    for (int i = lo; i < hi; i++) delay();
                });
            }
        });
    }

    private void parallelFor(int reps) {
        for (int j = 0; j < reps; j++) {
            team.loop(0, n, Schedule.STATIC, (int lo, int hi) -> {
                for (int i = lo; i < hi; i++) delay();
            });
        }
    }

    private void barrier(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) {
                delay();
                t.barrier();
            }
        });
    }

    private void single(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) t.single(OmpOverheads::delay);
        });
    }

    private void critical(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps / n; j++) t.critical(OmpOverheads::delay);
        });
    }

    private void reduction(int reps) {
        for (int j = 0; j < reps; j++) {
            reductionSink = team.reduce(0, n, Schedule.STATIC, IntReducer.SUM, (int lo, int hi) -> {
                for (int i = lo; i < hi; i++) delay();
                return hi - lo;
            });
        }
    }

    private void dynamic1(int reps) {
        Schedule dynamic1 = Schedule.dynamic(1);
        team.run(t -> {
            for (int j = 0; j < reps; j++) {
                t.loop(0, ITERS_PER_THREAD * n, dynamic1, (int lo, int hi) -> {
                    for (int i = lo; i < hi; i++) delay();
                });
            }
        });
    }

    // Tasks: each repetition gives every thread one delay's work, so the time above the delay is
    // the overhead of the construct (EPCC taskbench's PARALLEL TASK, MASTER TASK, TASK WAIT, and a
    // taskgroup of one task).

    private void task(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) t.task(u -> delay());
        });
    }

    private void masterTask(int reps) {
        team.run(t -> t.master(() -> {
            for (int j = 0; j < reps * n; j++) t.task(u -> delay());
        }));
    }

    private void taskwait(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) {
                t.task(u -> delay());
                t.taskwait();
            }
        });
    }

    private void taskgroup(int reps) {
        team.run(t -> {
            for (int j = 0; j < reps; j++) t.taskgroup(() -> t.task(u -> delay()));
        });
    }

    private void dynamicReference(int reps) {
        for (int j = 0; j < reps; j++) {
            for (int i = 0; i < ITERS_PER_THREAD; i++) delay();
        }
    }
}
