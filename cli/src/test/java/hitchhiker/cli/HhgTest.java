package hitchhiker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HhgTest {

    @TempDir
    Path dir;

    Outcome hhg(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 0 && (all.get(0).equals("run") || all.get(0).equals("tour"))) {
            all.add("--out");
            all.add(dir.toString());
        }
        if (all.size() > 0 && all.get(0).equals("tour")) {
            all.add("--report");
            all.add(dir.resolve("report").toString());
        }
        return Outcome.of(FakeExamples.catalogue(), all);
    }

    @Test
    void unknownExampleIsOneLineWithSuggestionAndExitTwo() {
        Outcome o = hhg("run", "part1.sun");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("hhg: unknown example 'part1.sun' — did you mean part1.sum? (hhg list)");
        assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownParameterNamesTheAllowedOnes() {
        Outcome o = hhg("run", "part1.sum", "samples=3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("hhg: unknown parameter 'samples' for part1.sum (allowed: n, mode)");
    }

    @Test
    void nonNumericValueNamesTheParameterAndTheRange() {
        Outcome o = hhg("run", "part1.sum", "n=abc");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo(
                "hhg: parameter 'n': 'abc' is not allowed (a whole number from 1 to 1000000)");
    }

    @Test
    void outOfRangeAndBadChoiceAreRejected() {
        assertThat(hhg("run", "part1.sum", "n=0").code()).isEqualTo(2);
        Outcome o = hhg("run", "part1.sum", "mode=odd");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("parameter 'mode': 'odd' is not allowed (one of plain, fancy)");
    }

    @Test
    void wordWithoutEqualsIsRejected() {
        Outcome o = hhg("run", "part1.sum", "n");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("expected name=value, got 'n'");
    }

    @Test
    void zeroThreadsAndNegativeWorkersAreRejected() {
        Outcome threads = hhg("run", "part1.sum", "--threads", "0");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err().strip()).isEqualTo("hhg: --threads must be from 1 to 4096, not 0");
        Outcome workers = hhg("run", "part1.sum", "--workers", "-1");
        assertThat(workers.code()).isEqualTo(2);
        assertThat(workers.err().strip()).isEqualTo("hhg: --workers must be from 1 to 256, not -1");
        Outcome tour = hhg("tour", "--repeat", "0");
        assertThat(tour.code()).isEqualTo(2);
    }

    @Test
    void nonNumericOptionIsAOneLineUsageError() {
        Outcome o = hhg("run", "part1.sum", "--threads", "two");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().lines().count()).isEqualTo(1);
        assertThat(o.err()).startsWith("hhg run: ").contains("--threads").contains("two");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Outcome o = hhg("fly");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().lines().count()).isEqualTo(1);
    }

    @Test
    void runPrintsTheVariantsTheResultAndTheCheck() {
        Outcome o = hhg("run", "part1.sum", "n=100", "--repeat", "2");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("summing to 100").contains("serial").contains("halves")
                .contains("off-by-one (wrong on purpose)").contains("result: 5050")
                .contains("check:  passed — sum 5050 (expected 5050)");
    }

    @Test
    void runJsonIsExactlyOneObjectOfTheDocumentedShape() throws Exception {
        Outcome o = hhg("run", "part1.sum", "n=100", "--repeat", "3", "--json");
        assertThat(o.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(o.out().strip().lines().count()).isEqualTo(1);
        assertThat(j.get("id").asText()).isEqualTo("part1.sum");
        assertThat(j.get("params").get("n").asLong()).isEqualTo(100);
        assertThat(j.get("params").get("mode").asText()).isEqualTo("plain");
        assertThat(j.get("result").asLong()).isEqualTo(5050);
        assertThat(j.get("check").get("passed").asBoolean()).isTrue();
        assertThat(j.get("check").get("detail").asText()).contains("5050");
        JsonNode serial = j.get("variants").get("serial");
        assertThat(serial.get("median_s").asDouble()).isPositive();
        assertThat(serial.get("runs").asInt()).isGreaterThanOrEqualTo(3);
        // Below the clock's resolution (< 1 µs) no speed-up is computed; otherwise the serial one's is 1.
        assertThat(serial.get("speedup").isNull() || serial.get("speedup").asDouble() == 1.0).isTrue();
        assertThat(j.get("variants").get("off-by-one").get("speedup").isNull()).isTrue();
        assertThat(j.get("workers").asInt()).isEqualTo(2);
        // The example's own prints go to stderr so that stdout stays one JSON object.
        assertThat(o.err()).contains("summing to 100");
    }

    @Test
    void failingCheckExitsOne() {
        Outcome o = hhg("run", "part3.wrong");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("check:  FAILED — got 41, expected 42");
    }

    @Test
    void throwingVariantIsReportedWithWhatAndWhere() {
        Outcome o = hhg("run", "part2.broken");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("variant 'parallel' failed: IllegalStateException: boom (at hitchhiker.cli.FakeExamples");
    }

    @Test
    void tourRunsEveryExampleAndExitsOneWhenAnyFails() throws Exception {
        Outcome o = hhg("tour", "--quick", "--repeat", "1");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("[ 1/3] part1.sum").contains("[ 3/3] part3.wrong");
        assertThat(o.out()).contains("3 examples, 1 passed, 2 failed");
        assertThat(o.out()).contains("example").contains("speed-up").contains("efficiency");
    }

    @Test
    void tourJsonListsEveryExampleInTheRunShape() throws Exception {
        Outcome o = hhg("tour", "--quick", "--json", "--part", "1");
        assertThat(o.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("size").asText()).isEqualTo("quick");
        assertThat(j.get("examples")).hasSize(1);
        JsonNode e = j.get("examples").get(0);
        assertThat(e.get("id").asText()).isEqualTo("part1.sum");
        assertThat(e.get("params").get("n").asLong()).isEqualTo(10);
        assertThat(e.get("result").asLong()).isEqualTo(55);
    }

    @Test
    void listShowsPartsTitlesAndParameters() {
        Outcome o = hhg("list", "--params");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Part 1: processes").contains("part1.sum — sum of 1..n")
                .contains("n=1000 (quick: 10)");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String cmd : List.of("list", "run", "tour", "doctor")) {
            assertThat(hhg(cmd, "--help").code()).isZero();
            Outcome v = hhg(cmd, "--version");
            assertThat(v.code()).isZero();
            assertThat(v.out()).startsWith("hhg ");
        }
    }
}
