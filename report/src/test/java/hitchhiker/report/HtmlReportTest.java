package hitchhiker.report;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Check;
import hitchhiker.examples.ExampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @TempDir
    Path dir;

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void showsTheMachinePartsExamplesChecksAndScaling() throws Exception {
        String html = SyntheticRuns.report(dir).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<td>Test CPU @ 2.0GHz</td>", "<td>Test JDK 25</td>", "<td>Linux 6 (amd64)</td>",
                        "<td>2026-11-25 12:00:00 Z</td>", "<th>Cores</th><td>2</td>")
                .contains("4 examples: 3 passed their checks, 1 failed; 1 scaling run.");
        // Parts in order, with their guide titles, each linked from the contents.
        assertThat(html.indexOf("id=\"part-1\"")).isPositive()
                .isLessThan(html.indexOf("id=\"part-2\"")).isLessThan(html.indexOf("id=\"part-3\""))
                .isLessThan(html.indexOf("id=\"part-4\""));
        assertThat(html).contains("<a href=\"#part-3\">" + Catalogue.PART_TITLES.get(2) + "</a>")
                .contains("(1 example, 1 failed)");
        // Every example, its check, result and parameters.
        assertThat(html).contains("id=\"example-part1.primes\"", "id=\"example-part2.prange\"",
                "id=\"example-part3.julia\"", "id=\"example-part4.hello\"");
        assertThat(count(html, "<span class=\"badge\">PASS</span>")).isEqualTo(3);
        assertThat(count(html, "<span class=\"badge\">FAIL</span>")).isEqualTo(1);
        assertThat(html).contains("Result: <code>5411</code>", "Result: <code>{julia_fraction: 0.237197}</code>",
                "<td>resolution</td><td>2000</td>", "<td>schedule</td><td>dynamic,1</td>");
        // Variants with medians, speed-ups (2.0 / 1.1) and efficiency; the wrong one not compared.
        assertThat(html).contains("<td>pool map</td><td>parallel</td><td>2</td><td>3.30 s</td><td>1.10 s</td>"
                + "<td>9 %</td><td>1.00 s</td><td>3</td><td>1.82×</td><td>91%</td>");
        assertThat(html).contains("<tr class=\"wrong\"><td>racy</td><td>wrong (not checked)</td>")
                .containsPattern("<td>racy</td>.*<td>-</td><td>-</td></tr>");
        // Speed-up charts for the three examples with serial and parallel timings, one scaling chart.
        assertThat(count(html, "<img class=\"chart\"")).isEqualTo(4);
        assertThat(html).contains("alt=\"speed-up chart of part1.primes\"", "alt=\"scaling chart of part3.julia\"")
                .contains("No speed-up chart");
        assertThat(count(html, "<img class=\"picture\"")).isEqualTo(1);
        // The scaling table: 1.0 / 0.6 = 1.67x, and no model from one count above 1.
        assertThat(html).contains("id=\"scaling-part3.julia\"", "<td>2</td><td>1.00 s</td><td>600 ms</td>"
                + "<td>dynamic,1</td><td>1.67×</td><td>0 %</td><td>2.00×</td><td>-</td><td>passed</td>");
        assertThat(html).contains("No scaling model: 1 worker count above 1 within the 2 cores");
        // The scaling section closes its part, after the part's examples.
        assertThat(html.indexOf("id=\"scaling-part3.julia\"")).isGreaterThan(html.indexOf("id=\"example-part3.julia\""))
                .isLessThan(html.indexOf("id=\"part-4\""));
        assertThat(html).contains("data-images-loaded=\"pending\"", "naturalWidth > 0");
    }

    @Test
    void escapesEverythingThatCameFromARun() throws Exception {
        String html = SyntheticRuns.report(dir).html();
        assertThat(html).contains("<title>Synthetic &lt;tour&gt;</title>")
                .contains("sum &lt;wrong&gt; &amp; &quot;off&quot; by &#39;one&#39;")
                .contains("<td>parallel &lt;streams&gt;</td>")
                .doesNotContain("<wrong>", "<streams>", "<tour>");
        ExampleRun nasty = new ExampleRun("part1.x\"><script>alert(1)</script>", Map.of("k<", "v>"),
                List.of("</code><b>"), Check.pass("<img src=x onerror=alert(1)>"), List.of(), List.of());
        String page = new HtmlReport("t", SyntheticRuns.MACHINE, new Catalogue(List.of())).add(nasty).html();
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "</code><b>", "<td>k<")
                .contains("id=\"example-part1.x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains("[&lt;/code&gt;&lt;b&gt;]");
        assertThat(HtmlReport.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    @Test
    void writesOneSelfContainedFile() throws Exception {
        Path index = SyntheticRuns.report(dir).writeTo(dir.resolve("out"));
        assertThat(index).isEqualTo(dir.resolve("out").resolve("index.html"));
        assertThat(dir.resolve("out")).isDirectoryContaining(p -> true);
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files).containsExactly(index);
        }
        String html = Files.readString(index);
        // No external assets: every src is a data URI, no stylesheet or script is linked.
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/");
            images++;
        }
        assertThat(images).isEqualTo(5);
        assertThat(html).doesNotContain("<link", "http://", "https://", "src=\"file:");
    }

    @Test
    void chartsAreDecodablePngs() throws Exception {
        String html = SyntheticRuns.report(dir).html();
        Matcher m = Pattern.compile("<img class=\"chart\" src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        int charts = 0;
        while (m.find()) {
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(chart.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(Charts.HEIGHT);
            charts++;
        }
        assertThat(charts).isEqualTo(4);
    }

    @Test
    void largePicturesAreScaledDownAndOtherFilesListed() throws Exception {
        Path big = SyntheticRuns.picture(dir, "big.png", 2000, 1500);
        Path data = Files.writeString(dir.resolve("counts.csv"), "1,2,3\n");
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
        ExampleRun run = new ExampleRun("part3.julia", Map.of(), 1, Check.pass("ok"), List.of(),
                List.of(big, data, broken));
        String html = new HtmlReport("t", SyntheticRuns.MACHINE, new Catalogue(List.of())).add(run).html();

        Matcher m = Pattern.compile("<img class=\"picture\" src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertThat(embedded.getWidth()).isEqualTo(EmbeddedImage.MAX_SIDE);
        assertThat(embedded.getHeight()).isEqualTo(750);
        assertThat(html).contains("big.png (scaled from 2000 × 1500; full size: " + big.toAbsolutePath() + ")")
                .contains("Files written: <code>" + data + "</code>")
                .contains("<p class=\"problem\">Could not embed " + broken);
        assertThat(m.find()).isFalse();
    }

    @Test
    void aFailedRunWithoutTimingsStillShowsItsCheck() {
        ExampleRun failed = new ExampleRun("part1.pi", Map.of("samples", 10L), null,
                Check.fail("part1.pi failed: IllegalStateException: worker 1 died (at hitchhiker.process.Pool.map:12)"),
                List.of(), List.of());
        String html = new HtmlReport("t", SyntheticRuns.MACHINE, new Catalogue(List.of())).add(failed).html();
        assertThat(html).contains("<span class=\"badge\">FAIL</span> part1.pi failed: IllegalStateException: worker 1 died")
                .contains("Result: <code>none</code>").doesNotContain("<img", "class=\"variants\"", "No speed-up chart");
    }

    @Test
    void examplesOutsideThePartsGoLast() {
        ExampleRun odd = new ExampleRun("scratch.test", Map.of(), 1, Check.pass("ok"), List.of(), List.of());
        String html = new HtmlReport("t", SyntheticRuns.MACHINE, new Catalogue(List.of()))
                .add(odd).add(SyntheticRuns.primes()).html();
        assertThat(html.indexOf("id=\"part-1\"")).isLessThan(html.indexOf("id=\"other\""));
        assertThat(html).contains("<h2>Other examples</h2>");
    }
}
