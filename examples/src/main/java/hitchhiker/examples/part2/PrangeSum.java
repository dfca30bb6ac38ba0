package hitchhiker.examples.part2;

import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;

import java.util.List;
import java.util.Locale;

/**
 * Numba's {@code prange} reduction: {@code s += A[i]} over an array of doubles, where Numba sees
 * the {@code +=} and gives each thread its own partial sum. Here the parallel variant says so
 * explicitly: each block of the array is summed by one thread and the partial sums are added.
 *
 * <p>The racy variant is the loop written naively from several threads — every thread doing
 * {@code total += a[i]} on one shared field. Each {@code +=} is a read, an add and a write, so two
 * threads overwrite each other's updates; once compiled, the JIT may even keep the total in a
 * register for a whole block (nothing in the loop tells it another thread is looking), losing
 * whole blocks at once. It is shown, timed and never checked.
 *
 * <p>The array is {@code A[i] = i}: every partial sum is an integer below 2^53, so any order of
 * addition gives exactly n(n-1)/2 — the independent value every correct variant must equal.
 */
public final class PrangeSum implements Example {

    /** The largest n whose sum n(n-1)/2 stays below 2^53, where doubles hold every integer. */
    static final long MAX_N = 134_000_000;

    /** Blocks of at least 1 Mi doubles (8 MiB). */
    private static final int MIN_BLOCK = 1 << 20;

    @Override
    public String id() {
        return "part2.prange";
    }

    @Override
    public String title() {
        return "prange: sum of an array of doubles, a parallel reduction (and a racy one)";
    }

    @Override
    public String mirrors() {
        return "Part 2, prange with a reduction inferred from s += A[i]";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", 100_000_000, 1, MAX_N,
                "array length; A[i] = i, so the exact sum n(n-1)/2 is known").quick(20_000_000));
    }

    @Override
    public Workload prepare(Settings settings) {
        int n = settings.intValue("n");
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = i;
        StreamPool pool = new StreamPool(settings.threads());
        SharedTotal shared = new SharedTotal();
        List<Variant> variants = List.of(
                Variant.serial("serial", () -> sum(a)),
                Variant.parallel("parallel", pool.threads(), () -> sum(a, pool)),
                Variant.wrong("racy +=", pool.threads(), () -> {
                    shared.total = 0;
                    pool.forEachBlock(n, MIN_BLOCK, (from, to) -> {
                        for (int i = from; i < to; i++) shared.total += a[i]; // the data race, on purpose
                    });
                    return shared.total;
                }));
        double exact = (double) ((long) n * (n - 1) / 2); // below 2^53, so the double holds it exactly
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return variants;
            }

            @Override
            public Object result(Results results) {
                double racy = results.get("racy +=", Double.class);
                return Ordered.map("sum", results.serial(), "racy_lost", String.format(Locale.ROOT, "%.1f%%", 100 * (1 - racy / exact)),
                        "racy_sum", racy, "n", n);
            }

            @Override
            public Check check(Results results) {
                StringBuilder wrong = new StringBuilder();
                for (Variant v : results.checked()) {
                    double s = results.get(v.name(), Double.class);
                    if (s != exact) wrong.append(String.format(Locale.ROOT, "; %s gave %.1f", v.name(), s));
                }
                String what = String.format(Locale.ROOT, "sum of 0..%d = %.0f exactly in every checked variant", n - 1, exact);
                return Check.of(wrong.isEmpty(), what + wrong);
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    /** The serial loop: {@code s += a[i]}, left to right. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** The parallel reduction: each block summed left to right on a thread of {@code pool}, then the partial sums added. */
    public static double sum(double[] a, StreamPool pool) {
        return pool.reduceBlocks(a.length, MIN_BLOCK, (from, to) -> sum(a, from, to), Double::sum);
    }

    /** {@code a[from] + ... + a[to - 1]}, left to right. */
    static double sum(double[] a, int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    /** The total every thread of the racy variant adds into. */
    private static final class SharedTotal {
        double total;
    }
}
