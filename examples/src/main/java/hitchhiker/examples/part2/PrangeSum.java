package hitchhiker.examples.part2;

import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;

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
public final class PrangeSum {

    /** The largest n whose sum n(n-1)/2 stays below 2^53, where doubles hold every integer. */
    static final long MAX_N = 134_000_000;

    /** Blocks of at least 1 Mi doubles (8 MiB). */
    private static final int MIN_BLOCK = 1 << 20;

    private PrangeSum() {
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
    static final class SharedTotal {
        double total;
    }

    /** The loop written naively on several threads: every thread adds into one shared total. */
    static double racySum(double[] a, StreamPool pool, SharedTotal shared) {
        shared.total = 0;
        pool.forEachBlock(a.length, MIN_BLOCK, (from, to) -> {
            for (int i = from; i < to; i++) shared.total += a[i]; // the data race, on purpose
        });
        return shared.total;
    }

    static final Example EXAMPLE = new ExampleSpec("part2.prange",
            "prange: sum of an array of doubles, a parallel reduction (and a racy one)",
            "Part 2, prange with a reduction inferred from s += A[i]",
            List.of(Param.integer("n", 100_000_000, 1, MAX_N, "array length; A[i] = i, so the exact sum n(n-1)/2 is known")
                    .quick(20_000_000)),
            (s, work) -> {
                int n = s.intValue("n");
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = i;
                StreamPool pool = work.open(new StreamPool(s.threads()));
                work.add(Variant.serial("serial", () -> sum(a)));
                work.add(Variant.parallel("parallel", pool.threads(), () -> sum(a, pool)));
                SharedTotal shared = new SharedTotal();
                work.add(Variant.wrong("racy +=", pool.threads(), () -> racySum(a, pool, shared)));
                double exact = (double) ((long) n * (n - 1) / 2); // below 2^53, so the double holds it exactly
                work.result(r -> {
                    double racy = r.get("racy +=", Double.class);
                    return Ordered.map("sum", r.serial(), "racy_lost", String.format(Locale.ROOT, "%.1f%%", 100 * (1 - racy / exact)),
                            "racy_sum", racy, "n", n);
                });
                work.check(r -> Check.unless(r.eachChecked((name, sum) -> (Double) sum == exact ? null
                                : String.format(Locale.ROOT, "%s gave %.1f", name, (Double) sum)),
                        String.format(Locale.ROOT, "sum of 0..%d = %.0f exactly in every checked variant", n - 1, exact)));
            });
}
