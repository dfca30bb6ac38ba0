package hitchhiker.examples.part2;

import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;

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
public final class ReduceProd implements Example {

    static final int ROWS = 13;
    static final int COLS = 17;

    @Override
    public String id() {
        return "part2.reduceprod";
    }

    @Override
    public String title() {
        return "prange array reduction: a 13×17 array of 2s times a 2s array, n times";
    }

    @Override
    public String mirrors() {
        return "Part 2, prange with an array reduction (result1 *= tmp)";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", 50, 0, 100_000_000,
                "iterations; elements are 2^(n+1) and wrap to 0 from n = 63, as int64 does"));
    }

    @Override
    public Workload prepare(Settings settings) {
        int n = settings.intValue("n");
        StreamPool pool = new StreamPool(settings.threads());
        List<Variant> variants = List.of(
                Variant.serial("serial", () -> serial(n)),
                Variant.overheadBound("parallel", pool.threads(), 1, () -> parallel(n, pool)));
        long expected = n + 1 < 64 ? 1L << (n + 1) : 0L;
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return variants;
            }

            @Override
            public Object result(Results results) {
                long[] r = results.get("serial", long[].class);
                return Ordered.map("shape", List.of(ROWS, COLS), "n", n, "element", r[0],
                        "all_elements_equal", Arrays.stream(r).allMatch(x -> x == r[0]));
            }

            @Override
            public Check check(Results results) {
                long[] want = new long[ROWS * COLS];
                Arrays.fill(want, expected);
                StringBuilder wrong = new StringBuilder();
                for (Variant v : results.checked()) {
                    long[] got = results.get(v.name(), long[].class);
                    int i = Arrays.mismatch(got, want);
                    if (i >= 0) {
                        wrong.append(String.format(Locale.ROOT, "; %s has %d at [%d, %d]", v.name(),
                                i < got.length ? got[i] : null, i / COLS, i % COLS));
                    }
                }
                String what = String.format(Locale.ROOT, "every element is 2^%d mod 2^64 = %d in every variant", n + 1, expected);
                return Check.of(wrong.isEmpty(), what + wrong);
            }

            @Override
            public void close() {
                pool.close();
            }
        };
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
}
