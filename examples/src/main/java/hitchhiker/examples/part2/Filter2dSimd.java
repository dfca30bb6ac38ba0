package hitchhiker.examples.part2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2-D filter with the Vector API: one vector lane per output column. For a run of adjacent
 * output pixels in a row, each filter tap is one broadcast times one unaligned load of the image
 * row, added into an accumulator vector. Every lane adds the same products in the same order as
 * the scalar loop of {@link Filter2dKernels} (multiply, then add: no fused multiply-add, which
 * would round differently), so the results are bit-for-bit equal.
 *
 * <p>Four accumulators run side by side (four vectors of columns) because an add depends on the
 * previous add into the same accumulator: one chain would wait on the adder's latency, four keep
 * it busy. Columns left over are done by a single vector, then by the scalar loop.
 *
 * <p>Only loaded when {@link VectorSupport#present()}.
 */
public final class Filter2dSimd {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private Filter2dSimd() {
    }

    /** Like {@link Filter2dKernels#filter2d(double[], int, int, double[], int, int)}. */
    public static double[] filter2d(double[] image, int m, int n, double[] filt, int mf, int nf) {
        double[] out = new double[m * n];
        filterRows(image, m, n, filt, mf, nf, out, 0, Filter2dKernels.validRows(m, mf));
        return out;
    }

    /** The same, its rows split over the threads of {@code pool}. */
    public static double[] filter2d(double[] image, int m, int n, double[] filt, int mf, int nf, StreamPool pool) {
        double[] out = new double[m * n];
        pool.forEachBlock(Filter2dKernels.validRows(m, mf), 1, (from, to) -> filterRows(image, m, n, filt, mf, nf, out, from, to));
        return out;
    }

    /** Like {@link Filter2dKernels#filterRows}: valid rows {@code [mf2 + rowFrom, mf2 + rowTo)}. */
    static void filterRows(double[] image, int m, int n, double[] filt, int mf, int nf, double[] out,
                           int rowFrom, int rowTo) {
        int mf2 = Filter2dKernels.half(mf);
        double[] flipped = flip(filt);
        // One call per row: the JIT counts calls, so the row kernel is compiled fully optimised
        // early in the first run instead of only through on-stack replacement of a running loop.
        for (int i = mf2 + rowFrom; i < mf2 + rowTo; i++) {
            filterRow(image, n, filt, flipped, mf, nf, out, i);
        }
    }

    private static void filterRow(double[] image, int n, double[] filt, double[] flipped, int mf, int nf,
                                  double[] out, int i) {
        int lanes = SPECIES.length();
        int j = Filter2dKernels.half(nf);
        int end = n - j;
        for (; j + 4 * lanes <= end; j += 4 * lanes) fourVectors(image, n, flipped, mf, nf, out, i, j);
        for (; j + lanes <= end; j += lanes) oneVector(image, n, flipped, mf, nf, out, i, j);
        Filter2dKernels.filterRow(image, n, filt, mf, nf, out, i, j, end);
    }

    /** Output columns {@code [j, j + 4 lanes)} of row {@code i}: four vectors of columns, four independent sums. */
    private static void fourVectors(double[] image, int n, double[] flipped, int mf, int nf, double[] out, int i, int j) {
        int lanes = SPECIES.length();
        DoubleVector a0 = DoubleVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
        for (int ii = 0; ii < mf; ii++) {
            int row = (i - Filter2dKernels.half(mf) + ii) * n + (j - Filter2dKernels.half(nf));
            for (int jj = 0; jj < nf; jj++) {
                double f = flipped[ii * nf + jj];
                int at = row + jj;
                a0 = a0.add(DoubleVector.fromArray(SPECIES, image, at).mul(f));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, image, at + lanes).mul(f));
                a2 = a2.add(DoubleVector.fromArray(SPECIES, image, at + 2 * lanes).mul(f));
                a3 = a3.add(DoubleVector.fromArray(SPECIES, image, at + 3 * lanes).mul(f));
            }
        }
        a0.intoArray(out, i * n + j);
        a1.intoArray(out, i * n + j + lanes);
        a2.intoArray(out, i * n + j + 2 * lanes);
        a3.intoArray(out, i * n + j + 3 * lanes);
    }

    /** Output columns {@code [j, j + lanes)} of row {@code i}, one vector. */
    private static void oneVector(double[] image, int n, double[] flipped, int mf, int nf, double[] out, int i, int j) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int ii = 0; ii < mf; ii++) {
            int row = (i - Filter2dKernels.half(mf) + ii) * n + (j - Filter2dKernels.half(nf));
            for (int jj = 0; jj < nf; jj++) {
                acc = acc.add(DoubleVector.fromArray(SPECIES, image, row + jj).mul(flipped[ii * nf + jj]));
            }
        }
        acc.intoArray(out, i * n + j);
    }

    /** The filter turned by 180°, so tap (ii, jj) is read in loop order: the same values as the scalar loop's. */
    private static double[] flip(double[] filt) {
        double[] flipped = new double[filt.length];
        for (int k = 0; k < filt.length; k++) flipped[k] = filt[filt.length - 1 - k];
        return flipped;
    }
}
