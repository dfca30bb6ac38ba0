package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Variant;
import hitchhiker.examples.VariantTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class PrangeSumTest {

    @Test
    void parallelSumIsExactlyTheClosedFormAcrossSeveralBlocks() {
        // Over 3 Mi elements: several blocks of at least 1 Mi each, so partial sums are combined.
        for (int threads : new int[] {1, 2, 4}) {
            ExampleRun run = Part2Runs.run(PrangeSum.EXAMPLE, threads, "n=3_500_001");
            assertThat(run.check().passed()).as(run.check().detail()).isTrue();
            assertThat(Part2Runs.resultMap(run.result()).get("sum")).isEqualTo(3_500_001.0 * 3_500_000 / 2);
        }
    }

    @Test
    void theRacyVariantIsLabelledWrongAndLeftOutOfTheCheck() {
        ExampleRun run = Part2Runs.run(PrangeSum.EXAMPLE, 2, "n=2_000_000");
        assertThat(run.variants()).filteredOn(v -> v.role() == Variant.Role.WRONG)
                .extracting(VariantTiming::name).containsExactly("racy +=");
        assertThat(run.speedup(run.variants().get(2))).isEmpty();
        assertThat(run.check().passed()).isTrue();
        assertThat(Part2Runs.resultMap(run.result())).containsKeys("racy_sum", "racy_lost");
    }

    @Test
    void tinyArraysWork() {
        ExampleRun run = Part2Runs.run(PrangeSum.EXAMPLE, 2, "n=1");
        assertThat(run.check().passed()).as(run.check().detail()).isTrue();
    }
}
