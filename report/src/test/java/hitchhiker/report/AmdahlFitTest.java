package hitchhiker.report;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AmdahlFitTest {

    private static List<AmdahlFit.Point> exact(double f, int maxWorkers) {
        return IntStream.rangeClosed(1, maxWorkers).mapToObj(p -> new AmdahlFit.Point(p, AmdahlFit.speedup(f, p))).toList();
    }

    @Property(tries = 200)
    void recoversTheSerialFractionOfExactSpeedups(@ForAll @DoubleRange(min = 0, max = 1) double f,
                                                  @ForAll @IntRange(min = 2, max = 64) int maxWorkers) {
        AmdahlFit fit = AmdahlFit.fit(exact(f, maxWorkers));
        assertThat(fit.serialFraction()).isCloseTo(f, within(1e-6));
        assertThat(fit.rmsError()).isLessThan(1e-6);
    }

    @Test
    void recoversAKnownFractionThroughNoise() {
        // f = 0.1 on 1..16 workers, each speed-up off by a fixed pattern of up to ±3%.
        double f = 0.1;
        double[] noise = {0.0, 0.03, -0.02, 0.01, -0.03, 0.02, -0.01, 0.025, -0.025, 0.015, -0.015, 0.005, -0.005,
                0.02, -0.02, 0.0};
        List<AmdahlFit.Point> points = IntStream.rangeClosed(1, 16)
                .mapToObj(p -> new AmdahlFit.Point(p, AmdahlFit.speedup(f, p) * (1 + noise[p - 1]))).toList();
        AmdahlFit fit = AmdahlFit.fit(points);
        assertThat(fit.serialFraction()).isCloseTo(f, within(0.01));
        assertThat(fit.rmsError()).isBetween(0.01, 0.2);
        assertThat(fit.speedup(16)).isCloseTo(AmdahlFit.speedup(f, 16), within(0.3));
    }

    @Test
    void twoCoresDetermineTheFractionExactly() {
        // The tour's case on this machine: p = 1, 2 with S(2) = 1.6 gives f = 2/1.6 - 1 = 0.25.
        AmdahlFit fit = AmdahlFit.fit(List.of(new AmdahlFit.Point(1, 1.0), new AmdahlFit.Point(2, 1.6)));
        assertThat(fit.serialFraction()).isCloseTo(0.25, within(1e-9));
        assertThat(fit.limit()).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void superlinearSpeedupsFitAsNoSerialPart() {
        AmdahlFit fit = AmdahlFit.fit(List.of(new AmdahlFit.Point(2, 2.3), new AmdahlFit.Point(4, 4.8)));
        assertThat(fit.serialFraction()).isZero();
        assertThat(fit.limit()).isInfinite();
    }

    @Test
    void noSpeedupAtAllIsAllSerial() {
        AmdahlFit fit = AmdahlFit.fit(List.of(new AmdahlFit.Point(2, 1.0), new AmdahlFit.Point(4, 1.0)));
        assertThat(fit.serialFraction()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void slowdownsBelowOneAreFittedAsAllSerial() {
        AmdahlFit fit = AmdahlFit.fit(List.of(new AmdahlFit.Point(1, 1.0), new AmdahlFit.Point(2, 0.7)));
        assertThat(fit.serialFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.rmsError()).isGreaterThan(0.1);
    }

    @Test
    void oneWorkerAloneCannotBeFitted() {
        assertThatThrownBy(() -> AmdahlFit.fit(List.of(new AmdahlFit.Point(1, 1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one worker");
    }

    @Test
    void rejectsMeaninglessPoints() {
        assertThatThrownBy(() -> new AmdahlFit.Point(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmdahlFit.Point(2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmdahlFit.Point(2, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
