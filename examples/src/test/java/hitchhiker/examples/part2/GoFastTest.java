package hitchhiker.examples.part2;

import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.VariantTiming;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class GoFastTest {

    @Test
    void everyVariantEqualsTheSerialLoopElementByElement() {
        for (int threads : new int[] {1, 3}) {
            ExampleRun run = Part2Runs.run(GoFast.EXAMPLE, threads, "n=1001");
            assertThat(run.check().passed()).as(run.check().detail()).isTrue();
            assertThat(run.variants()).extracting(VariantTiming::name)
                    .containsExactly("serial", "simd", "parallel", "parallel+simd");
        }
    }

    @Test
    void reportsTheBestVariantBesideTheProbeAndAFreshOutput() {
        ExampleRun run = Part2Runs.run(GoFast.EXAMPLE, 2, "n=500");
        Map<String, Object> result = Part2Runs.resultMap(run.result());
        assertThat(result).containsEntry("trace", 499.0).containsEntry("bytes_per_call", 16L * 500 * 500)
                .containsEntry("probe_threads", Runtime.getRuntime().availableProcessors())
                .containsKeys("ratio_to_probe", "best_s", "probe_s", "probe_GB_per_s");
        assertThat(result.get("best_variant")).isIn("simd", "parallel", "parallel+simd");
        assertThat(Part2Runs.resultMap(result.get("fresh_output")))
                .containsEntry("variant", result.get("best_variant")).containsKeys("allocate_s", "add_s");
    }

    @Test
    void theCheckCatchesAWrongElement() {
        long[] a = new long[100];
        double[] out = new double[100];
        for (int i = 0; i < a.length; i++) a[i] = i;
        GoFastKernels.addTrace(a, 2.5, out, 0, 100);
        assertThat(GoFastKernels.firstMismatch(a, 2.5, out, 0, 100)).isEqualTo(-1);
        out[77] = Math.nextUp(out[77]);
        assertThat(GoFastKernels.firstMismatch(a, 2.5, out, 0, 100)).isEqualTo(77);
    }

    @Property(tries = 200)
    void vectorAddEqualsScalarAddOnAnyBlock(@ForAll @IntRange(min = 0, max = 300) int from,
                                            @ForAll @IntRange(min = 0, max = 300) int length,
                                            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int trace) {
        long[] a = new long[from + length + 5];
        for (int i = 0; i < a.length; i++) a[i] = (long) i * 0x9E3779B97F4A7C15L >> 7; // large, mixed signs
        double t = trace / 7.0;
        double[] scalar = new double[a.length];
        double[] vector = new double[a.length];
        GoFastKernels.addTrace(a, t, scalar, from, from + length);
        GoFastSimd.addTrace(a, t, vector, from, from + length);
        assertThat(vector).containsExactly(scalar);
    }

    @Test
    void traceOfTanhSumsTheDiagonal() {
        long[] a = {0, 9, 9, 9, 1, 9, 9, 9, 2}; // 3×3, diagonal 0, 1, 2
        assertThat(GoFastKernels.traceOfTanh(a, 3)).isEqualTo(Math.tanh(0) + Math.tanh(1) + Math.tanh(2));
    }
}
