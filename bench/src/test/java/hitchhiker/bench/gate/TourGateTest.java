package hitchhiker.bench.gate;

import hitchhiker.bench.gate.TourGate.Agreement;
import hitchhiker.bench.gate.TourGate.Floor;
import hitchhiker.bench.gate.TourGate.Pair;
import hitchhiker.bench.gate.TourGate.Ratio;
import hitchhiker.bench.gate.TourGate.Verdict;
import hitchhiker.examples.ExampleRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tour's numbers against the floor and against their benchmarks (see {@link TourGate}), in the test suite:
 * a measurement that does not pass is taken again, once, and only a quiet
 * measurement can fail the test. When most measurements are noisy the machine is busy with
 * something else and the test is aborted, saying so, rather than guessing.
 */
class TourGateTest {

    /**
     * The guide's examples that compare parallel variants with a serial one (the others only show
     * output or a cost, and have no floor). A floor test run on an unlisted example fails ({@link TourGate#floor} of one without both variants is empty), so adding one here is checked.
     */
    static final List<String> COMPARED = List.of("part1.pi", "part1.primes", "part2.gofast", "part2.prange",
            "part2.filter2d", "part3.julia", "part4.pi");

    /**
     * The pairs checked here; the others run in {@code ./hhg bench TourGate}: filter2d against
     * JMH and part4.pi against PiScaling take a minute or more each, and part2.gofast's speed-up
     * (bound by memory bandwidth) swings from 1.4x to 2.0x between one minute and the next on a
     * shared 2-core VM, idle, so a tour and a JMH run a minute apart disagree by 20-36 % in either
     * direction (tour 1.96x / JMH 1.63x and tour 1.91x / JMH 1.40x in two CI runs, tour 1.37x / JMH
     * 1.89x here): its floor is checked, its agreement only by the full gate.
     */
    static final List<String> PAIRED = List.of("part1.primes", "part2.prange");

    /** Measurements of one agreement (both sides each time) before a miss counts. */
    private static final int ATTEMPTS = 3;
    /**
     * Tours of one example for its floor: a shared 2-core machine's memory bandwidth moves for
     * minutes at a time (part2.gofast gave 1.11x, then 1.79x a minute later, in one CI run), so a
     * floor fails only when three tours in a row miss it, each judged beside the capacity measured
     * just before it.
     */
    private static final int FLOOR_ATTEMPTS = 3;

    @Test
    void tourSpeedUpsReachTheFloorAndAgreeWithJmh() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= TourGate.THREADS, "needs 2 cores");
        TourGate gate = new TourGate(System.out);
        List<String> failures = new ArrayList<>();
        int noisy = 0;
        int judged = 0;
        for (String id : COMPARED) {
            Ratio capacity = TourGate.capacity();
            ExampleRun run = gate.tourRun(id);
            Optional<Floor> floor = TourGate.floor(run, capacity);
            assertThat(floor).as(id + " has a serial and a parallel variant").isPresent();
            Floor f = floor.get();
            for (int a = 1; a < FLOOR_ATTEMPTS && f.verdict() != Verdict.PASS; a++) {
                capacity = TourGate.capacity();
                run = gate.tourRun(id);
                f = TourGate.floor(run, capacity).orElseThrow();
            }
            System.out.println("floor " + f);
            judged++;
            if (f.verdict() == Verdict.NOISY) noisy++;
            if (f.verdict() == Verdict.FAIL) failures.add(f.toString());

            for (Pair p : TourGate.PAIRS) {
                if (!p.example().equals(id) || !PAIRED.contains(id)) continue;
                Agreement g = new Agreement(p, TourGate.ratio(run, p.variant()), p.measure().ratio());
                for (int a = 1; a < ATTEMPTS && g.verdict() != Verdict.PASS; a++) {
                    g = new Agreement(p, TourGate.ratio(gate.tourRun(id), p.variant()), p.measure().ratio());
                }
                System.out.printf("agree %s tour %s, %s %s: %+.0f%% %s%n", id, g.tour(), p.bench(), g.bench(), 100 * g.difference(), g.verdict());
                judged++;
                if (g.verdict() == Verdict.NOISY) noisy++;
                if (g.verdict() == Verdict.FAIL) failures.add(id + ": tour " + g.tour() + " vs " + p.bench() + " " + g.bench());
            }
        }
        assertThat(failures).as("quiet measurements that miss the floor or disagree with their benchmark").isEmpty();
        assumeTrue(2 * noisy <= judged, noisy + " of " + judged + " measurements were too noisy to judge: machine busy?");
    }

    @Test
    void listedExamplesExistAndCoverThePairs() {
        // The benchmark pairs must be among the compared examples, and every listed id must exist.
        assertThat(TourGate.guideExamples()).containsAll(COMPARED);
        assertThat(COMPARED).containsAll(TourGate.PAIRS.stream().map(Pair::example).toList());
        assertThat(TourGate.PAIRS.stream().map(Pair::example).toList()).containsAll(PAIRED);
    }
}
