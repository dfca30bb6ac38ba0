package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class Filter2dTest {

    @Test
    void everyVariantEqualsSerialOnTheWorkshopsSizes() {
        ExampleRun run = Part2Runs.run(Filter2d.EXAMPLE, 2, "size=100", "filter=10");
        assertThat(run.check().passed()).as(run.check().detail()).isTrue();
        assertThat(run.variants()).hasSize(4);
    }

    @Test
    void everyVariantEqualsSerialWithOddSizesAndTails() {
        for (String[] p : new String[][] {{"size=131", "filter=3"}, {"size=67", "filter=1"}, {"size=40", "filter=40"}}) {
            ExampleRun run = Part2Runs.run(Filter2d.EXAMPLE, 3, p);
            assertThat(run.check().passed()).as(run.check().detail()).isTrue();
        }
    }

    @Test
    void aFilterLargerThanTheImageIsBadInput() {
        ExampleRun run = Part2Runs.run(Filter2d.EXAMPLE, 1, "size=5", "filter=6");
        assertThat(run.check().passed()).isFalse();
        assertThat(run.check().detail()).contains("filter=6 is larger than the image");
    }

    /** The definition of a convolution, written independently: sum over the filter of filt[p][q] * image[i+mf2-p][j+nf2-q]... */
    @Property(tries = 30)
    void scalarAndSimdKernelsComputeTheValidConvolution(@ForAll @IntRange(min = 1, max = 40) int m,
                                                         @ForAll @IntRange(min = 1, max = 40) int n,
                                                         @ForAll @IntRange(min = 1, max = 9) int mf,
                                                         @ForAll @IntRange(min = 1, max = 9) int nf) {
        if (mf > m || nf > n) return;
        SplittableRandom random = new SplittableRandom(m * 1000L + n);
        double[] image = random.doubles((long) m * n).toArray();
        double[] filt = random.doubles((long) mf * nf).toArray();
        int rows = Filter2dKernels.validRows(m, mf);
        double[] scalar = new double[m * n];
        double[] simd = new double[m * n];
        Filter2dKernels.filterRows(image, m, n, filt, mf, nf, scalar, 0, rows);
        Filter2dSimd.filterRows(image, m, n, filt, mf, nf, simd, 0, rows);
        assertThat(simd).containsExactly(scalar);

        int mf2 = mf / 2, nf2 = nf / 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean valid = i >= mf2 && i < m - mf2 && j >= nf2 && j < n - nf2;
                double want = 0;
                if (valid) {
                    // out(i, j) = sum over filter taps (p, q) of filt[p, q] * image[i - mf2 + mf - 1 - p, j - nf2 + nf - 1 - q]
                    for (int p = mf - 1; p >= 0; p--) {
                        for (int q = nf - 1; q >= 0; q--) {
                            want += filt[p * nf + q] * image[(i - mf2 + mf - 1 - p) * n + (j - nf2 + nf - 1 - q)];
                        }
                    }
                }
                assertThat(scalar[i * n + j]).as("(%d, %d)", i, j).isCloseTo(want, within(1e-12));
            }
        }
    }
}
