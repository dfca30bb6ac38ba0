package hitchhiker.examples.timeit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TimingTest {

    @Test
    void bestMedianAndWorstAreOrderStatisticsOfTheRepeats() {
        Timing t = new Timing(0.5, 10, List.of(0.004, 0.001, 0.003, 0.002, 0.010));
        assertThat(t.best()).isEqualTo(0.001);
        assertThat(t.median()).isEqualTo(0.003);
        assertThat(t.worst()).isEqualTo(0.010);
        assertThat(t.repeats()).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenNumberOfRepeatsIsTheMeanOfTheMiddleTwo() {
        assertThat(new Timing(1, 1, List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void firstCallRatioComparesTheFirstCallWithTheBestSteadyCall() {
        assertThat(new Timing(0.3, 1, List.of(0.02, 0.01)).firstCallRatio()).isCloseTo(30, within(1e-9));
    }

    @Test
    void summaryReadsLikeTimeit() {
        Timing t = new Timing(0.0412, 100, List.of(0.00321, 0.00340, 0.00350));
        assertThat(t.summary())
                .isEqualTo("3.21 ms per call (best of 3 repeats, 100 calls each; median 3.40 ms); first call 41.2 ms");
        assertThat(new Timing(2, 1, List.of(1.5)).summary())
                .isEqualTo("1.50 s per call (best of 1 repeat, 1 call each; median 1.50 s); first call 2.00 s");
    }

    @Test
    void formatPicksAUnitAndThreeSignificantDigits() {
        assertThat(Timing.format(812e-9)).isEqualTo("812 ns");
        assertThat(Timing.format(12.34e-6)).isEqualTo("12.3 µs");
        assertThat(Timing.format(0.1)).isEqualTo("100 ms");
        assertThat(Timing.format(42.0)).isEqualTo("42.0 s");
        assertThat(Timing.format(0)).isEqualTo("0.00 s");
    }

    @Test
    void rejectsATimingWithoutRepeatsOrLoops() {
        assertThatThrownBy(() -> new Timing(1, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timing(1, 0, List.of(1.0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void medianLiesBetweenBestAndWorst(@ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 10) Double> repeats) {
        Timing t = new Timing(1, 1, repeats);
        assertThat(t.median()).isBetween(t.best(), t.worst());
        assertThat(repeats).allSatisfy(r -> assertThat(r).isBetween(t.best(), t.worst()));
    }
}
