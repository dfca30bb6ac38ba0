package hitchhiker.report;

import hitchhiker.examples.Check;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TourReportTest {

    private static ExampleRun run(String id, boolean passed, double serialSeconds, boolean parallel) {
        var variants = new java.util.ArrayList<>(List.of(
                SyntheticRuns.timing("serial", Variant.Role.SERIAL, 1, serialSeconds)));
        if (parallel) variants.add(SyntheticRuns.timing("parallel", Variant.Role.PARALLEL, 2, serialSeconds / 2));
        return new ExampleRun(id, Map.of(), 1, Check.of(passed, "x"), variants, List.of());
    }

    @Test
    void scalesThePreferredExampleOfEachPartWhenItCan() {
        List<ExampleRun> runs = List.of(
                run("part3.fib", true, 5.0, true),
                run("part3.julia", true, 1.0, true),
                run("part1.pi", true, 0.1, true),
                run("part1.primes", true, 3.0, true));
        assertThat(TourReport.scalingChoices(runs)).containsExactly("part1.pi", "part3.julia");
    }

    @Test
    void otherwiseTheLongestPassingSerialRunWithAParallelVariant() {
        List<ExampleRun> runs = List.of(
                run("part2.prange", false, 9.0, true),      // preferred, but its check failed
                run("part2.gofast", true, 2.0, true),
                run("part2.filter2d", true, 4.0, true),
                run("part2.reduceprod", true, 8.0, false),  // no parallel variant
                run("part4.hello", true, 1.0, false));      // nothing in part 4 to scale
        assertThat(TourReport.scalingChoices(runs)).containsExactly("part2.filter2d");
    }
}
