package hitchhiker.bench.gate;

import hitchhiker.bench.gate.TourGate.Floor;
import hitchhiker.bench.gate.TourGate.Ratio;
import hitchhiker.bench.gate.TourGate.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How a floor is judged beside the machine's capacity, and an agreement: no timing here, only the rules. */
class FloorTest {

    private static Floor floor(double ratio, double uncertainty, double capacity) {
        return new Floor("part1.primes", "pool map", new Ratio(ratio, uncertainty), new Ratio(capacity, 0.01));
    }

    @Test
    void twoIdleCoresKeepTheFullFloor() {
        assertThat(floor(1.5, 0.03, 2.0).floor()).isEqualTo(TourGate.FLOOR);
        assertThat(floor(1.5, 0.03, 2.1).floor()).as("never raised above it").isEqualTo(TourGate.FLOOR);
        assertThat(floor(1.5, 0.03, 2.0).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSlowerMachineLowersTheFloorInProportion() {
        assertThat(floor(1.44, 0.03, 1.9).floor()).isCloseTo(1.425, within(1e-9));
        assertThat(floor(1.44, 0.03, 1.9).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void onlyAShortfallBeyondTheRatiosOwnUncertaintyFails() {
        assertThat(floor(1.46, 0.03, 2.0).verdict()).as("1.46 ±3 % reaches 1.5").isEqualTo(Verdict.NOISY);
        assertThat(floor(1.40, 0.03, 2.0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(floor(1.06, 0.02, 2.0).verdict()).as("the regression the gate is for").isEqualTo(Verdict.FAIL);
    }

    @Test
    void noisyOrBusyMachinesAreNoEvidence() {
        assertThat(floor(1.0, 0.15, 2.0).verdict()).isEqualTo(Verdict.NOISY);
        assertThat(floor(1.0, 0.02, 1.4).verdict()).as("the cores were not both free").isEqualTo(Verdict.NOISY);
        assertThat(new Floor("x", "y", new Ratio(1.0, 0.02), new Ratio(2.0, 0.2)).verdict())
                .as("a probe's spread is not an excuse").isEqualTo(Verdict.FAIL);
    }

    private static TourGate.Agreement agreement(double tour, double tourUncertainty, double bench, double benchUncertainty) {
        return new TourGate.Agreement(TourGate.PAIRS.getFirst(), new Ratio(tour, tourUncertainty), new Ratio(bench, benchUncertainty));
    }

    @Test
    void anAgreementFailsOnlyBeyondTheToleranceAndTheRatiosUncertainty() {
        assertThat(agreement(1.70, 0.03, 1.60, 0.05).verdict()).isEqualTo(Verdict.PASS);
        assertThat(agreement(1.96, 0.03, 1.63, 0.05).verdict()).as("+20 %, within 15 % + 6 %").isEqualTo(Verdict.NOISY);
        assertThat(agreement(1.06, 0.02, 1.70, 0.03).verdict()).as("a cold worker's -38 %").isEqualTo(Verdict.FAIL);
        assertThat(agreement(2.10, 0.02, 1.70, 0.02).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(agreement(1.0, 0.2, 1.7, 0.02).verdict()).isEqualTo(Verdict.NOISY);
    }
}
