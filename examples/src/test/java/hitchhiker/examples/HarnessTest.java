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
        Example ex = testExample(List.of(
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
        Example ex = testExample(List.of(Variant.serial("serial", () -> 7),
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
        Example ex = testExample(List.of(Variant.serial("serial", () -> {
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

    /** An example of these variants that checks that every non-wrong one returned 7. */
    private static Example testExample(List<Variant> variants) {
        return new ExampleSpec("part1.test", "test", "test", List.of(), (s, work) -> {
            variants.forEach(work::add);
            work.result(Results::serial);
            work.check(r -> Check.unless(r.eachChecked((name, got) -> got.equals(7) ? null : name + " gave " + got), "all 7"));
        });
    }

    @Test
    void whatTheSetupOpenedIsClosedLastFirstAlsoWhenItFailsHalfway() throws Exception {
        List<String> closed = new java.util.ArrayList<>();
        ExampleSpec fine = new ExampleSpec("part1.fine", "t", "m", List.of(), (s, work) -> {
            work.open(() -> closed.add("first"));
            work.open(() -> closed.add("second"));
            work.add(Variant.serial("serial", () -> 7)).check(r -> Check.pass("ok"));
        });
        try (Workload w = fine.prepare(settings(fine))) {
            assertThat(w.variants()).extracting(Variant::name).containsExactly("serial");
        }
        assertThat(closed).containsExactly("second", "first");

        closed.clear();
        ExampleSpec failing = new ExampleSpec("part1.failing", "t", "m", List.of(), (s, work) -> {
            work.open(() -> closed.add("pool"));
            throw new BadInputException("too big");
        });
        assertThatThrownBy(() -> failing.prepare(settings(failing))).hasMessage("too big");
        assertThat(closed).containsExactly("pool");

        ExampleSpec unchecked = new ExampleSpec("part1.unchecked", "t", "m", List.of(),
                (s, work) -> work.add(Variant.serial("serial", () -> 7)));
        assertThatThrownBy(() -> unchecked.prepare(settings(unchecked))).hasMessageContaining("a variant and a check");
    }

    @Test
    void aCheckListsWhatIsWrongAfterWhatWasCompared() {
        assertThat(Check.unless(List.of(), "sum 3")).isEqualTo(Check.pass("sum 3"));
        assertThat(Check.unless(List.of("par gave 4", "simd gave 5"), "sum 3"))
                .isEqualTo(Check.fail("sum 3; par gave 4; simd gave 5"));
    }
}
