package hitchhiker.examples.part2;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The workshop's Numba environment test: a 2-D filter (a convolution over the valid region, see
 * {@link Filter2dKernels}) of a random image by a random filter — 100×100 by 10×10 there; here the
 * size is a parameter, 1000×1000 by default so that there is something to parallelise.
 *
 * <p>Variants: the serial quadruple loop (what {@code @jit} compiles), the Vector API over output
 * columns, the rows split over {@code --threads} threads, and both. This kernel is compute-bound
 * (100 multiply-adds per output pixel read from cache), so the threads add up; the scalar loop's
 * innermost reduction is a chain of dependent adds that the JIT may not reorder, which is where the
 * SIMD variant's lanes and independent accumulators help. Every variant adds in the same order, so
 * all results equal the serial one exactly.
 */
public final class Filter2d implements Example {

    /** Fixed, so that every run filters the same image. */
    private static final long SEED = 2018;

    @Override
    public String id() {
        return "part2.filter2d";
    }

    @Override
    public String title() {
        return "2-D filter (valid-region convolution) of a random image";
    }

    @Override
    public String mirrors() {
        return "Part 2, test_numba/filter2d.py";
    }

    @Override
    public List<Param> params() {
        return List.of(
                Param.integer("size", 2000, 1, 8000, "image side: a size×size image of uniform random doubles")
                        .workshop(1000).quick(500),
                Param.integer("filter", 10, 1, 100, "filter side: a filter×filter kernel of uniform random doubles"));
    }

    @Override
    public Workload prepare(Settings settings) {
        int size = settings.intValue("size");
        int filter = settings.intValue("filter");
        if (filter > size) throw new BadInputException("filter=" + filter + " is larger than the image (size=" + size + ")");
        SplittableRandom random = new SplittableRandom(SEED);
        double[] image = random.doubles((long) size * size).toArray();
        double[] filt = random.doubles((long) filter * filter).toArray();
        StreamPool pool = new StreamPool(settings.threads());

        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.serial("serial", () -> Filter2dKernels.filter2d(image, size, size, filt, filter, filter)));
        if (VectorSupport.present()) {
            variants.add(Variant.parallel("simd", 1, () -> Filter2dSimd.filter2d(image, size, size, filt, filter, filter)));
        }
        variants.add(Variant.parallel("parallel", pool.threads(),
                () -> Filter2dKernels.filter2d(image, size, size, filt, filter, filter, pool)));
        if (VectorSupport.present()) {
            variants.add(Variant.parallel("parallel+simd", pool.threads(),
                    () -> Filter2dSimd.filter2d(image, size, size, filt, filter, filter, pool)));
        } else {
            settings.out().println(VectorSupport.MISSING_NOTE);
        }

        return new Workload() {
            @Override
            public List<Variant> variants() {
                return variants;
            }

            @Override
            public Object result(Results results) {
                double[] out = results.get("serial", double[].class);
                int mid = size / 2 * size + size / 2;
                return Ordered.map("image", size + "×" + size, "filter", filter + "×" + filter,
                        "result_sum", Arrays.stream(out).sum(), "result_center", out[mid]);
            }

            @Override
            public Check check(Results results) {
                double[] want = results.get("serial", double[].class);
                StringBuilder wrong = new StringBuilder();
                for (Variant v : results.checked()) {
                    double[] got = results.get(v.name(), double[].class);
                    int i = Arrays.mismatch(got, want);
                    if (i >= 0) {
                        wrong.append(String.format(Locale.ROOT, "; %s has %s at [%d, %d], serial %s",
                                v.name(), got[i], i / size, i % size, want[i]));
                    }
                }
                String what = String.format(Locale.ROOT, "%d×%d result equals serial exactly in %d variants",
                        size, size, results.checked().size());
                return Check.of(wrong.isEmpty(), what + wrong);
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }
}
