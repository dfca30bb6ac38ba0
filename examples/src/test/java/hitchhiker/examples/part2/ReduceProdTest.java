package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ReduceProdTest {

    /** For the property (jqwik runs it with its own lifecycle, apart from JUnit's). */
    private static StreamPool pool;

    @BeforeContainer
    static void startPool() {
        pool = new StreamPool(3);
    }

    @AfterContainer
    static void stopPool() {
        pool.close();
    }

    @Property(tries = 100)
    void parallelArrayReductionEqualsTheSerialLoop(@ForAll @IntRange(min = 0, max = 5_000) int n) {
        long[] serial = ReduceProd.serial(n);
        assertThat(ReduceProd.parallel(n, pool)).containsExactly(serial);
        assertThat(serial).containsOnly(n + 1 < 64 ? 1L << (n + 1) : 0L);
    }

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
