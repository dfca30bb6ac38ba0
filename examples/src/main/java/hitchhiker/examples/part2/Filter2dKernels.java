package hitchhiker.examples.part2;

/**
 * The scalar 2-D filter of the workshop's Numba test: a convolution (the kernel flipped in both
 * directions) over the valid region, where the whole filter lies inside the image; the border of
 * the result stays 0, as {@code np.zeros_like(image)} leaves it. Arrays are row-major and flat.
 *
 * <p>For an m×n image and an mf×nf filter (half sizes mf2 = mf/2, nf2 = nf/2) the valid rows are
 * {@code [mf2, m - mf2)} and the valid columns {@code [nf2, n - nf2)}; the output at (i, j) sums
 * {@code filt[mf-1-ii, nf-1-jj] * image[i-mf2+ii, j-nf2+jj]} over ii, then jj, in that order.
 * Keeping that order in every variant keeps their results bit-for-bit equal.
 */
public final class Filter2dKernels {

    private Filter2dKernels() {
    }

    /** The filtered m×n image: a new array, its border 0, as the workshop's {@code filter2d} returns. */
    public static double[] filter2d(double[] image, int m, int n, double[] filt, int mf, int nf) {
        double[] out = new double[m * n];
        filterRows(image, m, n, filt, mf, nf, out, 0, validRows(m, mf));
        return out;
    }

    /** The same, its rows split over the threads of {@code pool}. */
    public static double[] filter2d(double[] image, int m, int n, double[] filt, int mf, int nf, StreamPool pool) {
        double[] out = new double[m * n];
        pool.forEachBlock(validRows(m, mf), 1, (from, to) -> filterRows(image, m, n, filt, mf, nf, out, from, to));
        return out;
    }

    /** The first valid row (and, with nf, column) index: half the filter size. */
    static int half(int filterSize) {
        return filterSize / 2;
    }

    /** How many valid rows an image of {@code m} rows has under a filter of {@code mf} rows. */
    static int validRows(int m, int mf) {
        return Math.max(0, m - 2 * half(mf));
    }

    /** Filters valid rows {@code [mf2 + rowFrom, mf2 + rowTo)} of {@code image} (m×n) into {@code out}. */
    static void filterRows(double[] image, int m, int n, double[] filt, int mf, int nf, double[] out,
                           int rowFrom, int rowTo) {
        int mf2 = half(mf);
        int nf2 = half(nf);
        for (int i = mf2 + rowFrom; i < mf2 + rowTo; i++) {
            filterRow(image, n, filt, mf, nf, out, i, nf2, n - nf2);
        }
    }

    /** Filters columns {@code [colFrom, colTo)} of row {@code i}; the SIMD kernel uses it for its tail. */
    static void filterRow(double[] image, int n, double[] filt, int mf, int nf, double[] out,
                          int i, int colFrom, int colTo) {
        int mf2 = half(mf);
        int nf2 = half(nf);
        for (int j = colFrom; j < colTo; j++) {
            double num = 0.0;
            for (int ii = 0; ii < mf; ii++) {
                for (int jj = 0; jj < nf; jj++) {
                    num += filt[(mf - 1 - ii) * nf + (nf - 1 - jj)] * image[(i - mf2 + ii) * n + (j - nf2 + jj)];
                }
            }
            out[i * n + j] = num;
        }
    }
}
