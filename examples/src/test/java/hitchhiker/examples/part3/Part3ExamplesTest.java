package hitchhiker.examples.part3;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Part 3's examples pass their checks at small sizes. */
@Timeout(60)
class Part3ExamplesTest {

    @TempDir
    Path out;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ExampleRun run(Example e, int threads, Map<String, Object> overrides) {
        Settings s = Settings.defaults(e, true, threads, 1, new PrintStream(printed, true, StandardCharsets.UTF_8), out)
                .with(overrides);
        return new Harness(1, 1).run(e, s);
    }

    @Test
    void partThreeListsItsExamplesInGuideOrder() {
        assertThat(Part3.examples()).extracting(Example::id)
                .containsExactly("part3.fib", "part3.prange", "part3.threads", "part3.julia");
    }

    @Test
    void fibOf90IsTheKnownValue() {
        ExampleRun r = run(Fib.EXAMPLE, 1, Map.of());
        assertThat(r.check().passed()).as(r.check().detail()).isTrue();
        assertThat(r.result()).isEqualTo(2880067194370816120L);
        assertThat(run(Fib.EXAMPLE, 1, Map.of("n", 10L)).result()).isEqualTo(55L);
    }

    @Test
    void prangeSumsToFourHundredThirtyFive() {
        ExampleRun r = run(PrangeSum.EXAMPLE, 2, Map.of());
        assertThat(r.check().passed()).as(r.check().detail()).isTrue();
        assertThat(r.result()).isEqualTo(435L);
        ExampleRun dynamic = run(PrangeSum.EXAMPLE, 3, Map.of("n", 100_001L, "schedule", "dynamic,7"));
        assertThat(dynamic.check().passed()).as(dynamic.check().detail()).isTrue();
    }

    @Test
    void everyThreadReportsOnce() {
        ExampleRun r = run(ThreadIds.EXAMPLE, 3, Map.of());
        assertThat(r.check().passed()).as(r.check().detail()).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("thread 0 of 3", "thread 1 of 3", "thread 2 of 3");
    }

    @Test
    void juliaCountsEqualSerialForEverySchedule() {
        ExampleRun r = run(JuliaSet.EXAMPLE, 2, Map.of("resolution", 120L));
        assertThat(r.check().passed()).as(r.check().detail()).isTrue();
        assertThat(r.variants()).extracting(v -> v.name())
                .containsExactly("serial", "static", "static,1", "dynamic,1", "guided");
        assertThat(r.files()).singleElement().satisfies(p -> assertThat(Files.size(p)).isPositive());
        ExampleRun one = run(JuliaSet.EXAMPLE, 3, Map.of("resolution", 50L, "schedule", "guided,4"));
        assertThat(one.check().passed()).as(one.check().detail()).isTrue();
    }

    @Test
    void juliaFractionAtTheDefaultsIsTheNotebooksValue() {
        JuliaSet.Grid g = JuliaSet.Grid.defaults(2000);
        int[] counts = new int[g.side() * g.side()];
        JuliaSet.parallel(g, counts, 2, hitchhiker.omp.Schedule.dynamic(1));
        assertThat(Math.round(JuliaSet.fraction(g, counts) * 1e6) / 1e6).isEqualTo(0.237197);
    }

    @Test
    void aBadScheduleIsOneClearLine() {
        var julia = JuliaSet.EXAMPLE;
        var p = julia.params().stream().filter(x -> x.name().equals("schedule")).findFirst().orElseThrow();
        assertThatThrownBy(() -> p.parse("fastest")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("schedule");
    }
}
