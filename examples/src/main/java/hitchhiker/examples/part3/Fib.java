package hitchhiker.examples.part3;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.omp.Omp;
import hitchhiker.omp.TeamThread;

import java.math.BigInteger;
import java.util.List;

/**
 * The tutorial's first Cython cell: a Fibonacci loop, once with Python's arbitrary-precision
 * integers and once with a C {@code long}. In Java the same contrast is {@link BigInteger} (a new
 * object per addition, like Python's int) against a primitive {@code long} the JIT keeps in a
 * register. A long holds Fibonacci numbers up to fib(92).
 *
 * <p>{@code method=tasks} turns it into OpenMP's classic task example: the doubly recursive
 * fib(n) = fib(n-1) + fib(n-2), one task per call, with a cut-off below which a call recurses
 * serially, because a task costs far more than the addition it would carry.
 */
public final class Fib implements Example {

    /** fib(90), the notebook's value. */
    static final long FIB_90 = 2880067194370816120L;

    @Override
    public String id() {
        return "part3.fib";
    }

    @Override
    public String title() {
        return "Fibonacci: a typed long loop against arbitrary-precision integers";
    }

    @Override
    public String mirrors() {
        return "Part 3 (Cython + OpenMP), the typed fib function";
    }

    /** Beyond this the recursion (about 1.6^n calls) takes minutes. */
    static final int MAX_RECURSIVE_N = 50;

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", 90, 0, 92, "which Fibonacci number (a long overflows after 92;"
                        + " with method=tasks at most " + MAX_RECURSIVE_N + ", e.g. 35)"),
                Param.choice("method", "loop", List.of("loop", "tasks"),
                        "loop: the notebook's typed loop against BigInteger; tasks: the recursion, serial against OpenMP-style tasks"),
                Param.integer("cutoff", 20, 2, MAX_RECURSIVE_N,
                        "method=tasks: calls with n below this recurse serially instead of creating tasks"));
    }

    /** fib(n) by the doubly recursive definition, serially. */
    public static long fibRecursive(int n) {
        return n < 2 ? n : fibRecursive(n - 1) + fibRecursive(n - 2);
    }

    /**
     * fib(n) by the recursion with one task per call at or above the cut-off
     * ({@code #pragma omp task shared(x)} / {@code taskwait}), serial below it.
     */
    public static long fibTasks(TeamThread t, int n, int cutoff) {
        if (n < cutoff) return fibRecursive(n);
        long[] x = new long[1];
        t.task(u -> x[0] = fibTasks(u, n - 1, cutoff));
        long y = fibTasks(t, n - 2, cutoff);
        t.taskwait();
        return x[0] + y;
    }

    /** How many tasks {@link #fibTasks} creates: each call with {@code n >= cutoff} creates one. */
    public static long tasksCreated(int n, int cutoff) {
        long[] tasks = new long[n + 1];
        for (int m = 0; m <= n; m++) tasks[m] = m < cutoff ? 0 : 1 + tasks[m - 1] + tasks[m - 2];
        return tasks[n];
    }

    /** fib(n) with primitive longs: fib(0) = 0, fib(1) = 1. */
    public static long fib(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    /** fib(n) with arbitrary-precision integers, as Python computes it. */
    public static BigInteger fibBig(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public Workload prepare(Settings settings) {
        int n = settings.intValue("n");
        return settings.text("method").equals("tasks") ? tasks(settings, n) : loop(settings, n);
    }

    private static Workload tasks(Settings settings, int n) {
        if (n > MAX_RECURSIVE_N) {
            throw new BadInputException("n=" + n + " is too large for method=tasks: the recursion makes about 1.6^n calls"
                    + " (use n <= " + MAX_RECURSIVE_N + ", e.g. n=35)");
        }
        int cutoff = settings.intValue("cutoff");
        int threads = settings.threads();
        String name = "tasks, cut-off " + cutoff;
        long tasks = Math.max(1, tasksCreated(n, cutoff));
        return new Workload() {
            @Override
            public List<Variant> variants() {
                long[] result = new long[1];
                return List.of(Variant.serial("recursive", () -> fibRecursive(n)),
                        // #pragma omp parallel / single: one thread starts the recursion, the team runs its tasks
                        new Variant(name, Variant.Role.PARALLEL, threads, () -> {
                            Omp.parallel(threads).run(t -> t.single(() -> result[0] = fibTasks(t, n, cutoff)));
                            return result[0];
                        }, tasks));
            }

            @Override
            public Object result(Results results) {
                long v = results.get(name, Long.class);
                settings.out().println("fib(" + n + ") = " + v + " (" + tasks + " tasks)");
                return v;
            }

            @Override
            public Check check(Results results) {
                long serial = results.get("recursive", Long.class);
                long parallel = results.get(name, Long.class);
                long loop = fib(n);
                return Check.of(serial == loop && parallel == loop,
                        "fib(" + n + ") = " + serial + " (recursive), " + parallel + " (" + name + "); the loop gives " + loop);
            }
        };
    }

    private static Workload loop(Settings settings, int n) {
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(Variant.serial("long", () -> fib(n)),
                        Variant.serial("BigInteger (like Python's int)", () -> fibBig(n).longValueExact()));
            }

            @Override
            public Object result(Results results) {
                long v = results.get("long", Long.class);
                settings.out().println("fib(" + n + ") = " + v);
                return v;
            }

            @Override
            public Check check(Results results) {
                long typed = results.get("long", Long.class);
                long big = results.get("BigInteger (like Python's int)", Long.class);
                if (n == 90) {
                    return Check.of(typed == FIB_90 && big == FIB_90,
                            "fib(90) = " + typed + " (long), " + big + " (BigInteger); expected " + FIB_90);
                }
                return Check.of(typed == big, "fib(" + n + ") = " + typed + " (long), " + big + " (BigInteger)");
            }
        };
    }
}
