package hitchhiker.examples.part2;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;

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
public final class Filter2d {

    /** Fixed, so that every run filters the same image. */
    private static final long SEED = 2018;

    private Filter2d() {
    }

    static final Example EXAMPLE = new ExampleSpec("part2.filter2d", "2-D filter (valid-region convolution) of a random image",
            "Part 2, test_numba/filter2d.py",
            List.of(Param.integer("size", 2000, 1, 8000, "image side: a size×size image of uniform random doubles")
                            .workshop(1000).quick(500),
                    Param.integer("filter", 10, 1, 100, "filter side: a filter×filter kernel of uniform random doubles")),
            (s, work) -> {
                int size = s.intValue("size");
                int filter = s.intValue("filter");
                if (filter > size) throw new BadInputException("filter=" + filter + " is larger than the image (size=" + size + ")");
                SplittableRandom random = new SplittableRandom(SEED);
                double[] image = random.doubles((long) size * size).toArray();
                double[] filt = random.doubles((long) filter * filter).toArray();
                StreamPool pool = work.open(new StreamPool(s.threads()));
                VectorSupport.addVariants(work, pool.threads(), s.out(), name -> switch (name) {
                    case "serial" -> () -> Filter2dKernels.filter2d(image, size, size, filt, filter, filter);
                    case "simd" -> () -> Filter2dSimd.filter2d(image, size, size, filt, filter, filter);
                    case "parallel" -> () -> Filter2dKernels.filter2d(image, size, size, filt, filter, filter, pool);
                    default -> () -> Filter2dSimd.filter2d(image, size, size, filt, filter, filter, pool);
                });
                work.result(r -> {
                    double[] out = r.get("serial", double[].class);
                    int mid = size / 2 * size + size / 2;
                    return Ordered.map("image", size + "×" + size, "filter", filter + "×" + filter,
                            "result_sum", Arrays.stream(out).sum(), "result_center", out[mid]);
                });
                work.check(r -> {
                    double[] want = r.get("serial", double[].class);
                    return Check.unless(r.eachChecked((name, result) -> {
                        double[] got = (double[]) result;
                        int i = Arrays.mismatch(got, want);
                        return i < 0 ? null : String.format(Locale.ROOT, "%s has %s at [%d, %d], serial %s",
                                name, got[i], i / size, i % size, want[i]);
                    }), String.format(Locale.ROOT, "%d×%d result equals serial exactly in %d variants",
                            size, size, r.checked().size()));
                });
            });
}
