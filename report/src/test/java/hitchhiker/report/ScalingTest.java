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
        assertThat(run.fit()).isPresent();
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

    @Test
    void theFitAndTableUseTheMeasuredSpeedups() {
        ScalingRun run = new ScalingRun("part1.x", List.of(
                new ScalingPoint(1, "pool", 2.0, 2.0, true, "ok"),
                new ScalingPoint(2, "pool", 2.0, 2.0 / AmdahlFit.speedup(0.3, 2), true, "ok"),
                new ScalingPoint(4, "pool", 2.0, 2.0 / AmdahlFit.speedup(0.3, 4), true, "ok")), List.of());
        assertThat(run.fit().orElseThrow().serialFraction()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(run.table()).contains("serial fraction f = 0.3000", "so at most 3.3x on any number of workers")
                .containsPattern("(?m)^4 +2\\.00 s +950 ms +2\\.11x +4 +2\\.11x  pool$");
    }

    @Test
    void theSummarySaysWhenThereIsNoLimitOrNothingToFit() {
        ScalingRun linear = new ScalingRun("part1.x", List.of(new ScalingPoint(2, "pool", 2.0, 1.0, true, "ok")),
                List.of());
        assertThat(linear.summary()).endsWith("no serial part: the speed-up grows with every worker");
        ScalingRun one = new ScalingRun("part1.x", List.of(new ScalingPoint(1, "pool", 2.0, 2.0, true, "ok")),
                List.of());
        assertThat(one.fit()).isEmpty();
        assertThat(one.summary()).isEqualTo("Amdahl fit: needs a speed-up measured on more than one worker");
    }

    @Test
    void maxBelowOneIsBadInput() {
        Recorder e = new Recorder(-1);
        assertThatThrownBy(() -> Scaling.measure(e, settings(e), 0)).isInstanceOf(BadInputException.class)
                .hasMessage("--max must be at least 1, not 0");
        assertThat(e.seen).isEmpty();
    }
}
