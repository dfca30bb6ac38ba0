package hitchhiker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ScaleCommandTest {

    @TempDir
    Path dir;

    Outcome hhg(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve("out").toString(), "--report", dir.resolve("report").toString()));
        return Outcome.of(FakeExamples.catalogue(), all);
    }

    @Test
    void printsTheTableAndFitAndWritesThePageAndChart() throws Exception {
        Outcome o = hhg("scale", "part1.sum", "--max", "2", "--repeat", "1", "n=2000");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("part1.sum — sum of 1..n: scaling at p = 1..2")
                .containsPattern("(?m)^1 .* halves$").containsPattern("(?m)^2 .* halves$")
                .contains("No scaling model: 1 worker count above 1");
        Path page = dir.resolve("report/scale-part1.sum.html");
        Path chart = dir.resolve("report/scale-part1.sum.png");
        assertThat(o.out()).contains("report: " + page.toAbsolutePath(), "chart:  " + chart.toAbsolutePath());
        assertThat(Files.readString(page)).contains("id=\"scaling-part1.sum\"", "<td>halves</td>",
                "<img class=\"chart\" src=\"data:image/png;base64,");
        assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void oneWorkerHasNothingToFit() {
        Outcome o = hhg("scale", "part1.sum", "--max", "1", "--quick", "--repeat", "1");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("No scaling model: 0 worker counts above 1");
    }

    @Test
    void anExampleWithoutAParallelVariantFailsSayingSo() {
        Outcome o = hhg("scale", "part3.wrong", "--max", "2", "--repeat", "1");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("PROBLEM: p=1: no parallel timing (got 41, expected 42)");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Outcome max = hhg("scale", "part1.sum", "--max", "0");
        assertThat(max.code()).isEqualTo(2);
        assertThat(max.err().strip()).isEqualTo("hhg: --max must be from 1 to " + 2 * RunOptions.CORES + " (twice the " + RunOptions.CORES + " cores: past that a run measures time-sharing, not scaling), not 0");
        Outcome unknown = hhg("scale", "part1.sun");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("hhg: unknown example 'part1.sun'");
        Outcome param = hhg("scale", "part1.sum", "n=abc");
        assertThat(param.code()).isEqualTo(2);
        assertThat(param.err().strip()).isEqualTo(
                "hhg: parameter 'n': 'abc' is not allowed (a whole number from 1 to 1000000)");
    }

    @Test
    void theTourLeavesAReportWithAScalingRunPerPart() throws Exception {
        Outcome o = hhg("tour", "--quick", "--repeat", "1", "--part", "1");
        assertThat(o.code()).as(o.err()).isZero();
        Path index = dir.resolve("report/index.html");
        assertThat(o.err()).contains("scaling part1.sum", "report: " + index.toAbsolutePath());
        assertThat(Files.readString(index)).contains("id=\"example-part1.sum\"", "id=\"scaling-part1.sum\"",
                "sum of 1..n <code>part1.sum</code>");
    }

    @Test
    void aReportThatCannotBeWrittenDoesNotLoseTheToursResults() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Outcome o = Outcome.of(FakeExamples.catalogue(), List.of("tour", "--quick", "--repeat", "1", "--part", "1",
                "--out", dir.resolve("out").toString(), "--report", notADirectory.toString()));
        // Checked before any work: exit 2, one line.
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("hhg: --report " + notADirectory);
    }

    @Test
    void hasHelpAndVersion() {
        assertThat(hhg("scale", "--help").out()).contains("Usage: hhg scale", "--max=N", "NAME=VALUE");
        assertThat(hhg("scale", "--version").out()).startsWith("hhg ");
    }
}
