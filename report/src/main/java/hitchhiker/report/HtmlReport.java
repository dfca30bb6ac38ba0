package hitchhiker.report;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Failures;
import hitchhiker.examples.Variant;
import hitchhiker.examples.VariantTiming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tour's report: one self-contained HTML page (styles, script, charts and pictures inline, so
 * it opens offline and can be mailed as one file) that shows, part by part, each example's
 * parameters, result and check, its variants' timings with a speed-up chart, the pictures it made,
 * and the scaling runs with what their points support, under a description of the machine.
 *
 * <p>Everything that comes from a run is escaped. A script at the end of the page sets
 * {@code data-images-loaded="true"} on the root element once every image has decoded (and
 * {@code "false"} if one did not), so a headless browser can check the page really rendered.
 *
 * <p>Not thread-safe: add runs from one thread, then write.
 */
public final class HtmlReport {

    /** The file {@link #writeTo} writes in its directory. */
    public static final String INDEX = "index.html";
    /** Where {@code hhg tour} writes its report unless told otherwise ({@code --report DIR}). */
    public static final Path DEFAULT_DIR = Path.of("hhg-report");

    private static final int OTHER = Integer.MAX_VALUE;

    private final String title;
    private final Machine machine;
    private final Catalogue catalogue;
    private final List<ExampleRun> runs = new ArrayList<>();
    private final List<ScalingRun> scalings = new ArrayList<>();

    /**
     * @param title     the page's title
     * @param machine   the machine the runs were measured on
     * @param catalogue where examples' titles and workshop cells are looked up by id
     */
    public HtmlReport(String title, Machine machine, Catalogue catalogue) {
        this.title = title;
        this.machine = machine;
        this.catalogue = catalogue;
    }

    /** Adds an example's run, shown in its part in the order added. */
    public HtmlReport add(ExampleRun run) {
        runs.add(run);
        return this;
    }

    /** Adds a scaling run, shown at the end of its example's part. */
    public HtmlReport add(ScalingRun run) {
        scalings.add(run);
        return this;
    }

    /** Writes {@value #INDEX} into {@code dir}, creating it; returns the file written. */
    public Path writeTo(Path dir) throws IOException {
        return write(dir.resolve(INDEX));
    }

    /** Writes the page to {@code file}, creating its directory; returns {@code file}. */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, html(), StandardCharsets.UTF_8);
        return file;
    }

    /** The whole page. */
    public String html() {
        Map<Integer, List<ExampleRun>> runsByPart = new TreeMap<>();
        Map<Integer, List<ScalingRun>> scalingsByPart = new TreeMap<>();
        runs.forEach(r -> runsByPart.computeIfAbsent(part(r.example()), k -> new ArrayList<>()).add(r));
        scalings.forEach(s -> scalingsByPart.computeIfAbsent(part(s.example()), k -> new ArrayList<>()).add(s));
        TreeSet<Integer> parts = new TreeSet<>(runsByPart.keySet());
        parts.addAll(scalingsByPart.keySet());

        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\" data-images-loaded=\"pending\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(title).raw("</title>\n<style>").raw(STYLE).raw("</style>\n</head>\n<body>\n");
        header(h, parts, runsByPart);
        h.raw("<main>\n");
        for (int part : parts) {
            h.raw("<section class=\"part\" id=\"").text(partAnchor(part)).raw("\">\n<h2>").text(partTitle(part))
                    .raw("</h2>\n");
            for (ExampleRun r : runsByPart.getOrDefault(part, List.of())) example(h, r);
            for (ScalingRun s : scalingsByPart.getOrDefault(part, List.of())) scaling(h, s);
            h.raw("</section>\n");
        }
        h.raw("</main>\n");
        h.raw("<footer><p>Speed-up is the serial variant's median divided by the variant's median, both from the "
                + "same run (medians of the timed repeats after warm-up; the first call, which includes JIT "
                + "compilation, is shown apart). Efficiency is speed-up per worker. Variants marked <em>wrong</em> "
                + "are deliberately incorrect (e.g. a data race) and are neither checked nor compared. Scaling "
                + "runs fit Gunther's Universal Scalability Law S(p) = S(1) p / (1 + σ(p − 1) + κ p(p − 1)) when at least "
                + "three worker counts above one were measured within the cores; predictions past the measured "
                + "counts are labelled as the model's, with the range of the leave-one-out fits.</p></footer>\n");
        h.raw("<script>").raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header(Html h, Iterable<Integer> parts, Map<Integer, List<ExampleRun>> runsByPart) {
        long passed = runs.stream().filter(r -> r.check().passed()).count();
        long failed = runs.size() - passed;
        List<String> summary = new ArrayList<>();
        if (!runs.isEmpty()) {
            summary.add(plural(runs.size(), "example") + ": " + passed + " passed "
                    + (passed == 1 ? "its check" : "their checks") + ", " + failed + " failed");
        }
        if (!scalings.isEmpty()) summary.add(plural(scalings.size(), "scaling run"));
        if (summary.isEmpty()) summary.add("Nothing ran");
        h.raw("<header>\n<h1>").text(title).raw("</h1>\n<p class=\"summary\">").text(String.join("; ", summary) + ".")
                .raw("</p>\n<table class=\"machine\">\n");
        row(h, "th", "Cores", String.valueOf(machine.cores()));
        row(h, "th", "CPU", machine.cpu());
        row(h, "th", "JDK", machine.jdk());
        row(h, "th", "OS", machine.os());
        row(h, "th", "Date", machine.dateText());
        h.raw("</table>\n<nav><ul>\n");
        for (int part : parts) {
            List<ExampleRun> in = runsByPart.getOrDefault(part, List.of());
            long bad = in.stream().filter(r -> !r.check().passed()).count();
            h.raw("<li><a href=\"#").text(partAnchor(part)).raw("\">").text(partTitle(part)).raw("</a> ")
                    .text("(" + plural(in.size(), "example") + (bad == 0 ? "" : ", " + bad + " failed") + ")")
                    .raw("</li>\n");
        }
        h.raw("</ul></nav>\n</header>\n");
    }

    private void example(Html h, ExampleRun r) {
        Optional<Example> ex = catalogue.find(r.example());
        h.raw("<article class=\"example\" id=\"example-").text(r.example()).raw("\">\n<h3>");
        ex.ifPresent(e -> h.text(e.title()).raw(" "));
        h.raw("<code>").text(r.example()).raw("</code></h3>\n");
        ex.ifPresent(e -> h.raw("<p class=\"mirrors\">Mirrors: ").text(e.mirrors()).raw("</p>\n"));
        boolean ok = r.check().passed();
        h.raw("<p class=\"check ").raw(ok ? "pass" : "fail").raw("\"><span class=\"badge\">").raw(ok ? "PASS" : "FAIL")
                .raw("</span> ").text(r.check().detail()).raw("</p>\n");
        h.raw("<p class=\"result\">Result: <code>").text(Format.value(r.result())).raw("</code></p>\n");
        for (String note : hitchhiker.examples.RunNotes.of(r)) h.raw("<p class=\"note\">").text(note).raw("</p>\n");
        h.raw("<p class=\"preset\">Sizes: the <em>").text(r.size().word()).raw("</em> preset")
                .raw(r.size() == hitchhiker.examples.Size.QUICK ? " (--quick: small sizes, so start-up costs weigh more)" : "")
                .raw(". In the guide: <code>").text(Catalogue.guideFile(r.example())).raw("</code></p>\n");
        if (!r.params().isEmpty()) {
            h.raw("<table class=\"params\">\n<tr><th>parameter</th><th>value</th></tr>\n");
            // Declaration order where the catalogue knows the example; sorted otherwise (the map has none).
            List<String> names = ex.map(e -> e.params().stream().map(p -> p.name())
                    .filter(r.params()::containsKey).toList()).orElse(List.of());
            if (names.size() != r.params().size()) names = r.params().keySet().stream().sorted().toList();
            for (String name : names) row(h, "td", name, Format.value(r.params().get(name)));
            h.raw("</table>\n");
        }
        variants(h, r);
        Optional<byte[]> chart = Charts.speedups(r);
        if (chart.isPresent()) {
            figure(h, "chart", EmbeddedImage.dataUri("image/png", chart.get()), "speed-up chart of " + r.example(),
                    "Speed-up of each variant over serial (blue) beside the ideal for its workers (grey).",
                    Charts.WIDTH, Charts.HEIGHT);
        } else if (!r.variants().isEmpty()) {
            h.raw("<p class=\"no-chart\">No speed-up chart: it needs a serial and a parallel timing.</p>\n");
        }
        files(h, r.files());
        h.raw("</article>\n");
    }

    private static void variants(Html h, ExampleRun r) {
        if (r.variants().isEmpty()) return;
        h.raw("<table class=\"variants\">\n<tr><th>variant</th><th>role</th><th>workers</th><th>first call</th>"
                + "<th>median</th><th>±</th><th>best</th><th>runs</th><th>speed-up</th><th>efficiency</th></tr>\n");
        for (VariantTiming v : r.variants()) {
            String role = v.role().name().toLowerCase(Locale.ROOT);
            h.raw("<tr class=\"").raw(role).raw("\">");
            cell(h, v.name());
            cell(h, switch (v.role()) {
                case WRONG -> "wrong (not checked)";
                case OVERHEAD_BOUND -> "overhead-bound";
                default -> role;
            });
            cell(h, String.valueOf(v.workers()));
            cell(h, Format.seconds(v.firstSeconds()));
            cell(h, Format.seconds(v.median()));
            cell(h, String.format(Locale.ROOT, "%.0f %%%s", v.uncertainty() * 100, v.noisy() ? " (noisy)" : ""));
            cell(h, Format.seconds(v.best()));
            cell(h, String.valueOf(v.runs()));
            cell(h, r.speedup(v).map(Format::times).or(() -> r.overhead(v)).orElse("-"));
            cell(h, r.efficiency(v).map(Format::percent).orElse("-"));
            h.raw("</tr>\n");
        }
        h.raw("</table>\n");
    }

    private static void files(Html h, List<Path> files) {
        List<Path> others = new ArrayList<>();
        for (Path f : files) {
            if (EmbeddedImage.mediaType(f).isEmpty()) {
                others.add(f);
                continue;
            }
            try {
                EmbeddedImage img = EmbeddedImage.of(f);
                String name = f.getFileName().toString();
                figure(h, "picture", img.dataUri(), name, img.note().isEmpty() ? name : name + " (" + img.note() + ")",
                        0, 0);
            } catch (IOException | RuntimeException e) {
                h.raw("<p class=\"problem\">Could not embed ").text(f.toString()).raw(": ")
                        .text(Failures.describe(e)).raw("</p>\n");
            }
        }
        if (!others.isEmpty()) {
            h.raw("<p class=\"files\">Files written: ");
            for (int i = 0; i < others.size(); i++) {
                if (i > 0) h.raw(", ");
                h.raw("<code>").text(others.get(i).toString()).raw("</code>");
            }
            h.raw("</p>\n");
        }
    }

    private void scaling(Html h, ScalingRun s) {
        h.raw("<section class=\"scaling\" id=\"scaling-").text(s.example()).raw("\">\n<h3>Scaling: ");
        catalogue.find(s.example()).ifPresent(e -> h.text(e.title()).raw(" "));
        h.raw("<code>").text(s.example()).raw("</code></h3>\n");
        h.raw("<table class=\"scaling\">\n<tr><th>p</th><th>serial</th><th>best parallel</th><th>variant</th>"
                + "<th>speed-up</th><th>±</th><th>ideal</th><th>model</th><th>check</th></tr>\n");
        Optional<ScalingModel> fit = s.fit();
        for (ScalingPoint p : s.points()) {
            h.raw("<tr>");
            cell(h, String.valueOf(p.workers()));
            cell(h, Format.seconds(p.serialSeconds()));
            cell(h, Format.seconds(p.parallelSeconds()));
            cell(h, p.variant());
            cell(h, Format.times(p.speedup()));
            cell(h, String.format(Locale.ROOT, "%.0f %%", p.uncertainty() * 100));
            cell(h, Format.times(p.workers()));
            cell(h, fit.map(f -> Format.times(f.speedup(p.workers()))).orElse("-"));
            cell(h, p.checkPassed() ? "passed" : "FAILED: " + p.checkDetail());
            h.raw("</tr>\n");
        }
        h.raw("</table>\n");
        for (String note : s.notes()) h.raw("<p class=\"note\">").text(note).raw("</p>\n");
        for (String problem : s.problems()) h.raw("<p class=\"problem\">").text(problem).raw("</p>\n");
        for (String line : s.summaryLines()) h.raw("<p class=\"fit\">").text(line).raw("</p>\n");
        if (!s.points().isEmpty()) {
            figure(h, "chart", EmbeddedImage.dataUri("image/png", Charts.scaling(s)), "scaling chart of " + s.example(),
                    "Measured speed-up (blue), the ideal S = p (dashed) and, where the points support one, the fitted"
                            + " scalability model (orange).",
                    Charts.WIDTH, Charts.HEIGHT);
        }
        h.raw("</section>\n");
    }

    private static void figure(Html h, String kind, String src, String alt, String caption, int width, int height) {
        h.raw("<figure class=\"").raw(kind).raw("\"><img class=\"").raw(kind).raw("\" src=\"").raw(src)
                .raw("\" alt=\"").text(alt).raw("\"");
        if (width > 0) h.raw(" width=\"" + width + "\" height=\"" + height + "\"");
        h.raw("><figcaption>").text(caption).raw("</figcaption></figure>\n");
    }

    private static void row(Html h, String headCell, String name, String value) {
        h.raw("<tr><").raw(headCell).raw(">").text(name).raw("</").raw(headCell).raw("><td>").text(value)
                .raw("</td></tr>\n");
    }

    private static void cell(Html h, String text) {
        h.raw("<td>").text(text).raw("</td>");
    }

    /** The part number in an id {@code partN.name}, or a number after every part for other ids. */
    static int part(String exampleId) {
        int part = Catalogue.part(exampleId);
        return part > 0 ? part : OTHER;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String partTitle(int part) {
        if (part == OTHER) return "Other examples";
        return part >= 1 && part <= Catalogue.PART_TITLES.size() ? Catalogue.PART_TITLES.get(part - 1) : "Part " + part;
    }

    private static String partAnchor(int part) {
        return part == OTHER ? "other" : "part-" + part;
    }

    /** Text for HTML content and attribute values: the five characters that could end either. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A page under construction: markup written as is, text always escaped. */
    private static final class Html {
        private final StringBuilder b = new StringBuilder(1 << 16);

        Html raw(String markup) {
            b.append(markup);
            return this;
        }

        Html text(String text) {
            b.append(escape(text));
            return this;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;\
            max-width:1040px;margin:0 auto;padding:1em 1.5em;background:#fff}
            h1{font-size:1.7em;margin:.2em 0}h2{border-bottom:2px solid #1f77b4;padding-bottom:.2em;margin-top:2em}
            h3{margin:1.6em 0 .4em}code{font:13px ui-monospace,"DejaVu Sans Mono",monospace;background:#f3f3f3;\
            padding:0 .25em;border-radius:3px;word-break:break-word}
            table{border-collapse:collapse;margin:.5em 0;font-size:14px}th,td{border:1px solid #ddd;\
            padding:.2em .6em;text-align:left;vertical-align:top}th{background:#f6f6f6}
            table.variants td:nth-child(n+3),table.scaling td{font-variant-numeric:tabular-nums}
            tr.wrong td{color:#888;font-style:italic}
            .check .badge{font-weight:bold;padding:0 .45em;border-radius:3px;color:#fff}
            .check.pass .badge{background:#2ca02c}.check.fail .badge{background:#d62728}
            .check.fail{color:#a00}.problem{color:#a00}.summary{font-size:1.1em}
            figure{margin:.8em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:13px;color:#555}.fit{font-weight:600}
            footer{margin-top:3em;border-top:1px solid #ddd;font-size:13px;color:#555}
            """;

    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); });
              var root = document.documentElement;
              root.setAttribute('data-images', String(images.length));
              root.setAttribute('data-broken-images', String(broken.length));
              root.setAttribute('data-images-loaded', broken.length === 0 ? 'true' : 'false');
            });
            """;
}
