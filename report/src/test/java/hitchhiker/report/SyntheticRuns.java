package hitchhiker.report;

import hitchhiker.examples.Check;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Variant;
import hitchhiker.examples.VariantTiming;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Made-up runs with known numbers, so the report can be tested without running any example. */
final class SyntheticRuns {

    /** The colour filling the synthetic picture; the browser test looks for it in the screenshot. */
    static final Color PICTURE_COLOUR = new Color(0xC0, 0x10, 0xC0);

    static final Machine MACHINE = new Machine(2, "Test CPU @ 2.0GHz", "Test JDK 25", "Linux 6 (amd64)",
            ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC));

    private SyntheticRuns() {
    }

    static VariantTiming timing(String name, Variant.Role role, int workers, double... seconds) {
        return new VariantTiming(name, role, workers, seconds[0] * 3, java.util.Arrays.stream(seconds).boxed().toList());
    }

    /** part1.primes-like: serial 2 s, pool of 2 at 1.1 s. */
    static ExampleRun primes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("range", "B");
        return new ExampleRun("part1.primes", params, 5411L, Check.pass("5411 primes in every variant (expected 5411)"),
                List.of(timing("serial", Variant.Role.SERIAL, 1, 2.0, 2.1, 1.9),
                        timing("pool map", Variant.Role.PARALLEL, 2, 1.1, 1.0, 1.2),
                        timing("queue", Variant.Role.PARALLEL, 2, 1.3, 1.25, 1.35)),
                List.of());
    }

    /** A check that failed, with text that must be escaped. */
    static ExampleRun failedSum() {
        return new ExampleRun("part2.prange", Map.of("n", 100_000_000L), 4.5e15,
                Check.fail("sum <wrong> & \"off\" by 'one'"),
                List.of(timing("serial", Variant.Role.SERIAL, 1, 0.08, 0.081, 0.079),
                        timing("parallel <streams>", Variant.Role.PARALLEL, 2, 0.045, 0.044, 0.046),
                        timing("racy", Variant.Role.WRONG, 2, 0.03, 0.03, 0.03)),
                List.of());
    }

    /** part3.julia-like with a picture it wrote. */
    static ExampleRun julia(Path picture) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("resolution", 2000L);
        params.put("schedule", "dynamic,1");
        return new ExampleRun("part3.julia", params, Map.of("julia_fraction", 0.237197),
                Check.pass("counts equal serial in every schedule"),
                List.of(timing("serial", Variant.Role.SERIAL, 1, 2.6, 2.7, 2.65),
                        timing("static", Variant.Role.PARALLEL, 2, 1.6, 1.7, 1.65),
                        timing("dynamic,1", Variant.Role.PARALLEL, 2, 1.4, 1.45, 1.42),
                        timing("guided", Variant.Role.PARALLEL, 2, 1.45, 1.5, 1.47)),
                List.of(picture));
    }

    /** An example with a single variant: no chart, no speed-up. */
    static ExampleRun hello() {
        return new ExampleRun("part4.hello", Map.of(), List.of("rank 0 of 4", "rank 1 of 4", "rank 2 of 4", "rank 3 of 4"),
                Check.pass("every rank once"), List.of(timing("hello", Variant.Role.PARALLEL, 4, 0.2, 0.21, 0.19)),
                List.of());
    }

    /** Serial 1.0 s, then 1.67x at 2 workers, on a 2-core machine: too few points for a model. */
    static ScalingRun julia2() {
        return new ScalingRun("part3.julia", List.of(
                new ScalingPoint(1, "static", 1.0, 1.02, true, "ok"),
                new ScalingPoint(2, "dynamic,1", 1.0, 0.6, true, "ok")), List.of(), List.of(), 2);
    }

    /** A picture of {@code width} × {@code height} in {@link #PICTURE_COLOUR} with a white frame. */
    static Path picture(Path dir, String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(PICTURE_COLOUR);
        g.fillRect(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A report holding every kind of section. */
    static HtmlReport report(Path pictureDir) throws IOException {
        return new HtmlReport("Synthetic <tour>", MACHINE, new hitchhiker.examples.Catalogue(List.of()))
                .add(primes())
                .add(failedSum())
                .add(julia(picture(pictureDir, "julia.png", 400, 300)))
                .add(hello())
                .add(julia2());
    }
}
