package hitchhiker.report;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingTest {

    private static final Harness ONCE = new Harness(1, 1);

    /** Records the settings of every run; fails to prepare at {@code failAt} workers. */
    static final class Recorder implements Example {
        final List<Settings> seen = new ArrayList<>();
        final int failAt;
        boolean serialOnlyOnOne;

        Recorder(int failAt) {
            this.failAt = failAt;
        }

        public String id() { return "part3.recorder"; }
        public String title() { return "records its settings"; }
        public String mirrors() { return "a test"; }
        public List<Param> params() { return List.of(Param.integer("n", 10, 1, 100, "size").quick(5L)); }
        public Workload prepare(Settings s) {
            seen.add(s);
            if (s.threads() == failAt) throw new IllegalStateException("no team of " + failAt);
            return new Workload() {
                public List<Variant> variants() {
                    if (s.threads() == 1 && serialOnlyOnOne) return List.of(Variant.serial("serial", () -> 1));
                    return List.of(Variant.serial("serial", () -> 1),
                            Variant.parallel("fixed two", 2, () -> 1),
                            Variant.parallel("team of " + s.threads(), s.threads(), () -> 1));
                }
                public Object result(Results r) { return r.serial(); }
                public Check check(Results r) { return Check.of(s.threads() != 3, "threads " + s.threads()); }
            };
        }
    }

    private static Settings settings(Example e) {
        return Settings.defaults(e, true, 7, 9, new PrintStream(OutputStream.nullOutputStream()), null)
                .with(Map.of("n", 6L));
    }

    @Test
    void runsEveryCountWithThreadsAndWorkersSetToIt() {
        Recorder e = new Recorder(-1);
        ScalingRun run = Scaling.measure(e, settings(e), 4, ONCE);
        assertThat(e.seen).extracting(Settings::threads).containsExactly(1, 2, 3, 4);
        assertThat(e.seen).extracting(Settings::workers).containsExactly(1, 2, 3, 4);
        assertThat(e.seen).allSatisfy(s -> {
            assertThat(s.quick()).isTrue();
            assertThat(s.values()).containsEntry("n", 6L);
        });
        assertThat(run.example()).isEqualTo("part3.recorder");
        assertThat(run.points()).extracting(ScalingPoint::workers).containsExactly(1, 2, 3, 4);
        assertThat(run.points()).allSatisfy(p -> {
            assertThat(p.serialSeconds()).isPositive();
            assertThat(p.parallelSeconds()).isPositive();
            assertThat(p.variant()).isIn("fixed two", "team of " + p.workers());
        });
    }

    @Test
    void aFailedCheckIsKeptAndMarksTheRun() {
        Recorder e = new Recorder(-1);
        ScalingRun run = Scaling.measure(e, settings(e), 3, ONCE);
        assertThat(run.points().get(2).checkPassed()).isFalse();
        assertThat(run.points().get(2).checkDetail()).isEqualTo("threads 3");
        assertThat(run.passed()).isFalse();
        assertThat(run.table()).contains("CHECK FAILED: threads 3");
    }

    @Test
    void aCountThatFailsIsAProblemAndTheOthersStillCount() {
        Recorder e = new Recorder(2);
        ScalingRun run = Scaling.measure(e, settings(e), 3, ONCE);
        assertThat(run.points()).extracting(ScalingPoint::workers).containsExactly(1, 3);
        assertThat(run.problems()).singleElement().asString()
                .startsWith("p=2: no serial timing (part3.recorder failed: IllegalStateException: no team of 2");
        assertThat(run.passed()).isFalse();
    }

    @Test
    void aCountWithNoParallelVariantIsANoteNotAProblem() {
        Recorder e = new Recorder(-1);
        e.serialOnlyOnOne = true;
        ScalingRun run = Scaling.measure(e, settings(e), 2, ONCE);
        assertThat(run.points()).extracting(ScalingPoint::workers).containsExactly(2);
        assertThat(run.notes()).containsExactly("p=1: no parallel variant at this count");
        assertThat(run.problems()).isEmpty();
        assertThat(run.passed()).isTrue();
    }

    /** The Universal Scalability Law's speed-up for σ, κ on p workers. */
    private static double usl(double sigma, double kappa, int p) {
        return p / (1 + sigma * (p - 1) + kappa * p * (p - 1.0));
    }

    private static ScalingRun uslRun(double sigma, double kappa, int cores, int... counts) {
        List<ScalingPoint> points = new java.util.ArrayList<>();
        for (int p : counts) points.add(new ScalingPoint(p, "pool", 2.0, 2.0 / usl(sigma, kappa, p), true, "ok"));
        return new ScalingRun("part1.x", points, List.of(), List.of(), cores);
    }

    @Test
    void theModelRecoversContentionAndCoherenceFromFourCounts() {
        ScalingRun run = uslRun(0.05, 0.002, 8, 1, 2, 3, 4);
        ScalingModel m = run.fit().orElseThrow();
        assertThat(m.sigma()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.kappa()).isCloseTo(0.002, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.speedup(16)).isCloseTo(usl(0.05, 0.002, 16), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(run.summaryLines()).hasSize(2);
        assertThat(run.summaryLines().get(1)).startsWith("Model predictions, not measurements").contains("p=8:", "p=64:")
                .doesNotContain("p=4:");
        assertThat(run.table()).containsPattern("(?m)^4 +2\\.00 s .* 4  pool$");
    }

    @Test
    void noisyPointsWidenThePredictedRange() {
        ScalingRun exact = uslRun(0.1, 0, 8, 1, 2, 3, 4);
        List<ScalingPoint> noisy = new java.util.ArrayList<>(exact.points());
        ScalingPoint three = noisy.get(2);
        noisy.set(2, new ScalingPoint(3, "pool", 2.0, three.parallelSeconds() * 1.1, true, "ok"));
        ScalingModel m = new ScalingRun("part1.x", noisy, List.of(), List.of(), 8).fit().orElseThrow();
        double[] range = m.range(32);
        assertThat(range[1] - range[0]).isGreaterThan(0.1);
        double[] tight = exact.fit().orElseThrow().range(32);
        assertThat(tight[1] - tight[0]).isLessThan(1e-9);
    }

    @Test
    void tooFewCountsWithinTheCoresGiveNoModelAndNoPrediction() {
        ScalingRun two = uslRun(0.1, 0, 2, 1, 2);
        assertThat(two.fit()).isEmpty();
        assertThat(two.summary()).isEqualTo("No scaling model: 1 worker count above 1 within the 2 cores, and a model"
                + " needs 3; no prediction past p = 2 (measure on a machine with more cores).");
        // Oversubscribed counts measure time-sharing: they are shown, not fitted.
        ScalingRun over = uslRun(0.1, 0, 2, 1, 2, 3, 4);
        assertThat(over.fit()).isEmpty();
        assertThat(over.table()).contains("(more workers than cores)");
    }

    @Test
    void maxBelowOneIsBadInput() {
        Recorder e = new Recorder(-1);
        assertThatThrownBy(() -> Scaling.measure(e, settings(e), 0)).isInstanceOf(BadInputException.class)
                .hasMessage("--max must be at least 1, not 0");
        assertThat(e.seen).isEmpty();
    }
}
