package hitchhiker.examples.part3;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Work;
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
public final class Fib {

    /** fib(90), the notebook's value. */
    static final long FIB_90 = 2880067194370816120L;

    /** Beyond this the recursion (about 1.6^n calls) takes minutes. */
    static final int MAX_RECURSIVE_N = 50;

    private Fib() {
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

    /** fib(n) by tasks on a team of {@code threads}: one thread starts the recursion, the team runs its tasks. */
    public static long fibParallel(int threads, int n, int cutoff) {
        long[] result = new long[1];
        Omp.parallel(threads).run(t -> t.single(() -> result[0] = fibTasks(t, n, cutoff)));
        return result[0];
    }

    static final Example EXAMPLE = new ExampleSpec("part3.fib",
            "Fibonacci: a typed long loop against arbitrary-precision integers",
            "Part 3 (Cython + OpenMP), the typed fib function",
            List.of(Param.integer("n", 90, 0, 92, "which Fibonacci number (a long overflows after 92;"
                            + " with method=tasks at most " + MAX_RECURSIVE_N + ", e.g. 35)"),
                    Param.choice("method", "loop", List.of("loop", "tasks"),
                            "loop: the notebook's typed loop against BigInteger; tasks: the recursion, serial against OpenMP-style tasks"),
                    Param.integer("cutoff", 20, 2, MAX_RECURSIVE_N,
                            "method=tasks: calls with n below this recurse serially instead of creating tasks")),
            (s, work) -> {
                if (s.text("method").equals("tasks")) tasks(s, work);
                else loop(s, work);
            });

    private static void tasks(Settings s, Work work) {
        int n = s.intValue("n");
        if (n > MAX_RECURSIVE_N) {
            throw new BadInputException("n=" + n + " is too large for method=tasks: the recursion makes about 1.6^n calls"
                    + " (use n <= " + MAX_RECURSIVE_N + ", e.g. n=35)");
        }
        int cutoff = s.intValue("cutoff");
        String name = "tasks, cut-off " + cutoff;
        long tasks = Math.max(1, tasksCreated(n, cutoff));
        work.add(Variant.serial("recursive", () -> fibRecursive(n)));
        work.add(new Variant(name, Variant.Role.PARALLEL, s.threads(), () -> fibParallel(s.threads(), n, cutoff), tasks));
        work.result(r -> {
            long v = r.get(name, Long.class);
            s.out().println("fib(" + n + ") = " + v + " (" + tasks + " tasks)");
            return v;
        });
        work.check(r -> {
            long serial = r.get("recursive", Long.class);
            long parallel = r.get(name, Long.class);
            long loop = fib(n);
            return Check.of(serial == loop && parallel == loop,
                    "fib(" + n + ") = " + serial + " (recursive), " + parallel + " (" + name + "); the loop gives " + loop);
        });
    }

    private static void loop(Settings s, Work work) {
        int n = s.intValue("n");
        String big = "BigInteger (like Python's int)";
        work.add(Variant.serial("long", () -> fib(n)));
        work.add(Variant.serial(big, () -> fibBig(n).longValueExact()));
        work.result(r -> {
            long v = r.get("long", Long.class);
            s.out().println("fib(" + n + ") = " + v);
            return v;
        });
        work.check(r -> {
            long typed = r.get("long", Long.class);
            long viaBig = r.get(big, Long.class);
            if (n == 90) {
                return Check.of(typed == FIB_90 && viaBig == FIB_90,
                        "fib(90) = " + typed + " (long), " + viaBig + " (BigInteger); expected " + FIB_90);
            }
            return Check.of(typed == viaBig, "fib(" + n + ") = " + typed + " (long), " + viaBig + " (BigInteger)");
        });
    }
}
