package hitchhiker.bench.omp;

import hitchhiker.examples.part3.Fib;
import hitchhiker.omp.Omp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code part3.fib method=tasks} in Java ({@code hitchhiker.omp} tasks) beside the same recursion
 * in C with {@code #pragma omp task} and the same cut-off ({@code bench/src/main/c/fib_tasks.c},
 * {@code gcc -O3 -fopenmp}), in the same run: serial recursion and tasks, each the median of
 * {@code repeats} runs after a warm-up, the lowest over alternating rounds. Then, in Java only,
 * a cut-off sweep at a smaller n: what one task costs, as the CPU time the tasks variant spends
 * beyond the serial recursion ({@code threads x time - serial time}) divided by the tasks created.
 *
 * <p>Target: Java tasks at least 1.7x faster than Java serial on 2 threads at n = 35 to 40.
 *
 * <p>Run: {@code java -cp <bench classpath> hitchhiker.bench.omp.FibTasksBench [n] [cutoff] [threads] [repeats] [rounds]}.
 */
public final class FibTasksBench {

    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 37;
        int cutoff = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        System.out.printf(Locale.ROOT, "fib(%d) by recursion, cut-off %d, %d threads: the best of %d rounds (C, then Java),"
                + " each the median of %d runs after 1 warm-up%n", n, cutoff, threads, rounds, repeats);
        Optional<NativeReference> gcc = NativeReference.build("fib_tasks.c");
        Map<String, Double> c = new HashMap<>();
        Map<String, Double> java = new HashMap<>();
        long expected = Fib.fib(n);
        for (int r = 0; r < rounds; r++) {
            if (gcc.isPresent()) {
                for (String line : gcc.get().run(threads, List.of(Integer.toString(n), Integer.toString(cutoff),
                        Integer.toString(repeats)))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length != 2) continue;
                    if (f[0].equals("fib") && Long.parseLong(f[1]) != expected) {
                        throw new IllegalStateException("C computed fib(" + n + ") = " + f[1] + ", expected " + expected);
                    }
                    if (f[0].endsWith("_ms")) c.merge(f[0], Double.parseDouble(f[1]), Math::min);
                }
            }
            java.merge("serial_ms", medianMillis(repeats, () -> Fib.fibRecursive(n), expected), Math::min);
            java.merge("tasks_ms", medianMillis(repeats, () -> tasks(n, cutoff, threads), expected), Math::min);
        }
        double js = java.get("serial_ms");
        double jt = java.get("tasks_ms");
        System.out.printf(Locale.ROOT, "%-8s %10s %10s %10s%n", "", "serial ms", "tasks ms", "speed-up");
        System.out.printf(Locale.ROOT, "%-8s %10.1f %10.1f %9.2fx%n", "java", js, jt, js / jt);
        if (c.containsKey("serial_ms") && c.containsKey("tasks_ms")) {
            double cs = c.get("serial_ms");
            double ct = c.get("tasks_ms");
            System.out.printf(Locale.ROOT, "%-8s %10.1f %10.1f %9.2fx%n", "C", cs, ct, cs / ct);
            System.out.printf(Locale.ROOT, "java/C: serial %.2fx, tasks %.2fx%n", js / cs, jt / ct);
        }

        int small = Math.min(n, 30);
        System.out.printf(Locale.ROOT, "%nJava cut-off sweep, fib(%d), %d threads: what a task costs%n", small, threads);
        double serial = medianMillis(repeats, () -> Fib.fibRecursive(small), Fib.fib(small));
        System.out.printf(Locale.ROOT, "%-8s %10s %10s %9s %14s%n", "cut-off", "tasks", "ms", "speed-up", "µs per task");
        for (int k : new int[] {2, 5, 10, 15, 20, 25}) {
            long tasks = Math.max(1, Fib.tasksCreated(small, k));
            double ms = medianMillis(repeats, () -> tasks(small, k, threads), Fib.fib(small));
            System.out.printf(Locale.ROOT, "%-8d %10d %10.1f %8.2fx %14.3f%n", k, tasks, ms, serial / ms,
                    Math.max(0, threads * ms - serial) * 1e3 / tasks);
        }
    }

    private static long tasks(int n, int cutoff, int threads) {
        long[] result = new long[1];
        Omp.parallel(threads).run(t -> t.single(() -> result[0] = Fib.fibTasks(t, n, cutoff)));
        return result[0];
    }

    private interface Computation {
        long run();
    }

    private static double medianMillis(int repeats, Computation f, long expected) {
        check(f.run(), expected);   // warm-up
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            long v = f.run();
            ms[k] = (System.nanoTime() - t0) / 1e6;
            check(v, expected);
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }

    private static void check(long v, long expected) {
        if (v != expected) throw new IllegalStateException("computed " + v + ", expected " + expected);
        sink = v;
    }
}
