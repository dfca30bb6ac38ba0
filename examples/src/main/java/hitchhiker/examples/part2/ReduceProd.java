package hitchhiker.examples.part2;

import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Numba's array reduction in {@code prange}: a 13×17 int64 array of 2s is multiplied in place by a
 * 2s array n times, {@code result *= tmp} inside a parallel loop over n.
 *
 * <p>Numba turns the {@code *=} on a whole array into a reduction: each thread multiplies its own
 * array, started at the identity (ones), over its share of the iterations, and the partial arrays
 * are multiplied together and into the result at the end. The parallel variant does exactly that.
 * Multiplication of int64 is associative and commutative even when it wraps (it is arithmetic
 * modulo 2^64, as in NumPy), so the result equals the serial loop exactly:
 * every element is 2^(n+1) modulo 2^64 — 0 once n reaches 63.
 *
 * <p>At the default n the whole loop is 221 × 50 multiplications, microseconds: the example is about
 * getting a parallel array reduction right, and shows what a thread pool costs next to so little work.
 */
public final class ReduceProd {

    static final int ROWS = 13;
    static final int COLS = 17;

    private ReduceProd() {
    }

    private static long[] filled(long value) {
        long[] a = new long[ROWS * COLS];
        Arrays.fill(a, value);
        return a;
    }

    /** The loop as written: {@code result *= tmp}, n times. */
    static long[] serial(int n) {
        long[] result = filled(2);
        long[] tmp = filled(2);
        for (int i = 0; i < n; i++) multiplyInto(result, tmp);
        return result;
    }

    /** Each block of iterations multiplies a private array started at ones; the partials are multiplied into the result. */
    static long[] parallel(int n, StreamPool pool) {
        long[] tmp = filled(2);
        long[] product = pool.reduceBlocks(n, 1, (from, to) -> {
            long[] partial = filled(1);
            for (int i = from; i < to; i++) multiplyInto(partial, tmp);
            return partial;
        }, (x, y) -> {
            multiplyInto(x, y);
            return x;
        });
        long[] result = filled(2);
        multiplyInto(result, product);
        return result;
    }

    /** {@code target *= factor}, element by element. */
    private static void multiplyInto(long[] target, long[] factor) {
        for (int k = 0; k < target.length; k++) target[k] *= factor[k];
    }

    static final Example EXAMPLE = new ExampleSpec("part2.reduceprod",
            "prange array reduction: a 13×17 array of 2s times a 2s array, n times",
            "Part 2, prange with an array reduction (result1 *= tmp)",
            List.of(Param.integer("n", 50, 0, 100_000_000,
                    "iterations; elements are 2^(n+1) and wrap to 0 from n = 63, as int64 does")),
            (s, work) -> {
                int n = s.intValue("n");
                StreamPool pool = work.open(new StreamPool(s.threads()));
                work.add(Variant.serial("serial", () -> serial(n)));
                work.add(Variant.overheadBound("parallel", pool.threads(), 1, () -> parallel(n, pool)));
                work.result(r -> {
                    long[] result = r.get("serial", long[].class);
                    return Ordered.map("shape", List.of(ROWS, COLS), "n", n, "element", result[0],
                            "all_elements_equal", Arrays.stream(result).allMatch(x -> x == result[0]));
                });
                long expected = n + 1 < 64 ? 1L << (n + 1) : 0L;
                long[] want = filled(expected);
                work.check(r -> Check.unless(r.eachChecked((name, result) -> {
                    long[] got = (long[]) result;
                    int i = Arrays.mismatch(got, want);
                    return i < 0 ? null : String.format(Locale.ROOT, "%s has %d at [%d, %d]", name,
                            i < got.length ? got[i] : null, i / COLS, i % COLS);
                }), String.format(Locale.ROOT, "every element is 2^%d mod 2^64 = %d in every variant", n + 1, expected)));
            });
}
