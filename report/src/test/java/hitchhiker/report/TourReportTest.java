package hitchhiker.report;

import hitchhiker.examples.Check;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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

    /** Paints a 40 × 30 picture, or 10 × 10 at quick sizes, into its output directory. */
    static final class Painter implements hitchhiker.examples.Example {
        public String id() { return "part3.painter"; }
        public String title() { return "paints"; }
        public String mirrors() { return "a test"; }
        public List<hitchhiker.examples.Param> params() { return List.of(); }
        public hitchhiker.examples.Workload prepare(hitchhiker.examples.Settings s) throws Exception {
            java.nio.file.Files.createDirectories(s.outputDir());
            SyntheticRuns.picture(s.outputDir(), "painted.png", s.quick() ? 10 : 40, s.quick() ? 10 : 30);
            return new hitchhiker.examples.Workload() {
                public List<Variant> variants() {
                    return List.of(Variant.serial("serial", () -> 1), Variant.parallel("parallel", 2, () -> 1));
                }
                public Object result(hitchhiker.examples.Results r) { return r.serial(); }
                public Check check(hitchhiker.examples.Results r) { return Check.pass("ok"); }
            };
        }
    }

    @Test
    void writesTheRunsAndAScalingRunWithoutTouchingTheToursPictures(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var painter = new Painter();
        var settings = hitchhiker.examples.Settings.defaults(painter, false, 2, 2,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), dir.resolve("out"));
        ExampleRun run = new hitchhiker.examples.Harness(1, 1).run(painter, settings);
        assertThat(run.files()).containsExactly(dir.resolve("out/painted.png"));
        var progress = new java.io.ByteArrayOutputStream();

        Path index = TourReport.write(new hitchhiker.examples.Catalogue(List.of(painter)), List.of(run),
                dir.resolve("report"), 2, new java.io.PrintStream(progress, true));

        assertThat(progress.toString()).contains("scaling part3.painter", "p = 1..2", "ok");
        String html = java.nio.file.Files.readString(index);
        assertThat(html).contains(HtmlReport.escape(TourReport.TITLE), "id=\"example-part3.painter\"", "id=\"scaling-part3.painter\"");
        var m = java.util.regex.Pattern.compile("<img class=\"picture\" src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).isTrue();
        var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(m.group(1))));
        assertThat(picture.getWidth()).as("the tour's own picture, not the quick one scaling made").isEqualTo(40);
    }
}
