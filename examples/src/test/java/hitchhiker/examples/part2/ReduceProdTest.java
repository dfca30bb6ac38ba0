package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ReduceProdTest {

    @Test
    void theExamplePassesAroundTheWrapToZero() {
        for (String n : new String[] {"0", "50", "62", "63", "1000"}) {
            ExampleRun run = Part2Runs.run(ReduceProd.EXAMPLE, 2, "n=" + n);
            assertThat(run.check().passed()).as(run.check().detail()).isTrue();
        }
        assertThat(Part2Runs.resultMap(Part2Runs.run(ReduceProd.EXAMPLE, 2, "n=61").result()))
                .containsEntry("element", 1L << 62).containsEntry("all_elements_equal", true);
    }
}
