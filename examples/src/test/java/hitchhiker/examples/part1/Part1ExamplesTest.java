package hitchhiker.examples.part1;

import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Part1ExamplesTest {

    static List<Example> examples() {
        return Part1.examples();
    }

    private static ExampleRun runQuick(Example example, Map<String, Object> overrides, ByteArrayOutputStream printed) {
        Settings s = Settings.defaults(example, true, 2, 2, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Path.of("target", "hhg-out")).with(overrides);
        return new Harness(1, 1).run(example, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExamplePassesItsCheckAtQuickSizes(Example example) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExampleRun run = runQuick(example, Map.of(), printed);
        assertThat(run.check().passed()).as(run.check().detail()).isTrue();
        assertThat(run.variants()).isNotEmpty();
        assertThat(example.id()).startsWith("part1.");
    }

    @Test
    void helloPrintsBothProcessesAndTheChildsParentIsUs() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExampleRun run = runQuick(HelloProcess.EXAMPLE, Map.of(), printed);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("main line").contains("function f")
                .contains("parent process: " + ProcessHandle.current().pid());
        assertThat(run.check().detail()).contains("== our pid");
    }

    @Test
    void sharedPrintsWhatTheChildWrote() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        runQuick(SharedState.EXAMPLE, Map.of(), printed);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("3.1415927").contains("[0, -1, -2, -3, -4, -5, -6, -7, -8, -9]");
    }

    @Test
    void primesVariantsAgreeOnRangeAAndTheCheckCatchesAWrongCount() {
        ExampleRun run = runQuick(Primes.EXAMPLE, Map.of("range", "A"), new ByteArrayOutputStream());
        assertThat(run.check().passed()).isTrue();
        assertThat(run.check().detail()).startsWith("551 primes in range A");
        assertThat(run.variants()).extracting(v -> v.name()).containsExactly("serial", "pool map", "queue");
        assertThat(run.variants()).filteredOn(v -> v.role() == Variant.Role.PARALLEL).allMatch(v -> v.workers() == 2);
    }

    @Test
    void isPrimeAgreesWithBigInteger() {
        LongStream.range(100_000_000L, 100_002_000L).forEach(n ->
                assertThat(Primes.isPrime(n)).as("%d", n).isEqualTo(java.math.BigInteger.valueOf(n).isProbablePrime(50)));
    }

    @Test
    void piBlocksCoverEverySampleOnce() {
        assertThat(MonteCarloPi.blocks(1_000_003, 16).stream().mapToLong(MonteCarloPi.Block::samples).sum())
                .isEqualTo(1_000_003);
        assertThat(MonteCarloPi.blocks(10, 16)).hasSize(16);
    }
}
