package hitchhiker.examples;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessTest {

    @Test
    void medianOfOddAndEvenSamples() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.best(List.of(4.0, 1.0, 3.0))).isEqualTo(1.0);
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void speedupAndEfficiencyArithmetic() {
        assertThat(Stats.speedup(2.0, 0.5)).isEqualTo(4.0);
        assertThat(Stats.efficiency(4.0, 8)).isEqualTo(0.5);
        assertThat(Stats.speedup(1.0, 0.0)).isInfinite();
    }

    @Test
    void runsWarmupsAndRepeatsAndComputesSpeedupsFromMedians() {
        AtomicInteger serialCalls = new AtomicInteger();
        // Synthetic timings: serial takes 40 ms, parallel 10 ms, so speed-up 4 on 2 workers = 200%.
        Example ex = new TestExample(List.of(
                Variant.serial("serial", () -> { serialCalls.incrementAndGet(); Thread.sleep(40); return 7; }),
                Variant.parallel("par", 2, () -> { Thread.sleep(10); return 7; }),
                Variant.wrong("racy", 2, () -> 8)));
        ExampleRun run = new Harness(2, 3).run(ex, settings(ex));
        assertThat(serialCalls).hasValue(5);
        VariantTiming serial = run.serial().orElseThrow();
        assertThat(serial.runs()).isEqualTo(3);
        VariantTiming par = run.bestParallel().orElseThrow();
        assertThat(par.name()).isEqualTo("par");
        assertThat(run.speedup(par).orElseThrow()).isBetween(2.0, 4.5);
        assertThat(run.efficiency(par).orElseThrow()).isEqualTo(run.speedup(par).orElseThrow() / 2);
        assertThat(run.speedup(run.variants().get(2))).isEmpty();
        assertThat(run.check().passed()).isTrue();
        assertThat(run.workers()).isEqualTo(2);
    }

    @Test
    void aThrowingVariantFailsTheCheckNamingIt() {
        Example ex = new TestExample(List.of(Variant.serial("serial", () -> 7),
                Variant.parallel("par", 2, () -> { throw new ArithmeticException("divide by zero"); })));
        ExampleRun run = new Harness(1, 1).run(ex, settings(ex));
        assertThat(run.check().passed()).isFalse();
        assertThat(run.check().detail()).startsWith("variant 'par' failed: ArithmeticException: divide by zero (at hitchhiker.examples.HarnessTest");
        assertThat(run.variants()).extracting(VariantTiming::name).containsExactly("serial");
    }

    @Test
    void reportsFilesTheRunWroteEvenWhenAnEarlierRunLeftThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path image = dir.resolve("picture.png");
        java.nio.file.Files.writeString(image, "old");
        java.nio.file.Files.setLastModifiedTime(image, java.nio.file.attribute.FileTime.fromMillis(0));
        java.nio.file.Files.writeString(dir.resolve("untouched.txt"), "x");
        Example ex = new TestExample(List.of(Variant.serial("serial", () -> {
            java.nio.file.Files.writeString(image, "new");
            return 7;
        })));
        Settings s = Settings.defaults(ex, false, 1, 1, new PrintStream(OutputStream.nullOutputStream()), dir);
        assertThat(new Harness(1, 1).run(ex, s).files()).containsExactly(image);
    }

    @Test
    void badHarnessSettingsAreUserErrors() {
        assertThatThrownBy(() -> new Harness(1, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("--repeat");
    }

    private static Settings settings(Example ex) {
        return Settings.defaults(ex, false, 2, 2, new PrintStream(OutputStream.nullOutputStream()), Path.of("target"));
    }

    /** Checks that every non-wrong variant returned 7. */
    private record TestExample(List<Variant> variants) implements Example {
        public String id() { return "part1.test"; }
        public String title() { return "test"; }
        public String mirrors() { return "test"; }
        public List<Param> params() { return List.of(); }
        public Workload prepare(Settings s) {
            return new Workload() {
                public List<Variant> variants() { return TestExample.this.variants; }
                public Object result(Results r) { return r.serial(); }
                public Check check(Results r) {
                    return Check.of(r.checked().stream().allMatch(v -> r.get(v.name()).equals(7)), "all 7");
                }
            };
        }
    }
}
