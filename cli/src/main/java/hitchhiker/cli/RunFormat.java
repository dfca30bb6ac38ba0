package hitchhiker.cli;

import hitchhiker.examples.Durations;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.RunNotes;
import hitchhiker.examples.VariantTiming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How an {@link ExampleRun} is shown: as a table for people and as the documented JSON shape for scripts. */
final class RunFormat {

    private RunFormat() {
    }

    /**
     * {@code {"id", "params", "result", "check": {"passed", "detail"}, "variants": {name: {"median_s",
     * "runs", ...}}, "workers"}}, as DESIGN.md documents it; extra fields per variant say more.
     */
    static Map<String, Object> json(ExampleRun run) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", run.example());
        o.put("size", run.size().word());
        o.put("params", new LinkedHashMap<>(run.params()));
        o.put("result", run.result());
        // In the documented order: Map.of would iterate in an order that changes from JVM to JVM.
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("passed", run.check().passed());
        check.put("detail", run.check().detail());
        o.put("check", check);
        Map<String, Object> variants = new LinkedHashMap<>();
        for (VariantTiming v : run.variants()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("median_s", v.median());
            t.put("runs", v.runs());
            double[] ci = v.interval();
            t.put("ci95_s", List.of(ci[0], ci[1]));
            t.put("noisy", v.noisy());
            t.put("best_s", v.best());
            t.put("first_s", v.firstSeconds());
            t.put("warmups", v.warmups());
            t.put("workers", v.workers());
            t.put("role", v.role());
            t.put("speedup", run.speedup(v).orElse(null));
            t.put("efficiency", run.efficiency(v).orElse(null));
            run.overhead(v).ifPresent(n -> t.put("overhead", n));
            variants.put(v.name(), t);
        }
        o.put("variants", variants);
        o.put("notes", RunNotes.of(run));
        o.put("workers", run.workers());
        if (!run.files().isEmpty()) o.put("files", run.files().stream().map(Object::toString).toList());
        return o;
    }

    /** The variants' timings as a table, then the result, the check and the notes that explain the numbers. */
    static String text(ExampleRun run) {
        Table t = new Table("variant", "workers>", "first s>", "median s>", "±>", "runs>", "speed-up>", "efficiency>");
        for (VariantTiming v : run.variants()) {
            Optional<Double> s = run.speedup(v);
            t.row(v.name() + switch (v.role()) {
                        case WRONG -> " (wrong on purpose)";
                        case OVERHEAD_BOUND -> " (overhead-bound)";
                        default -> "";
                    },
                    Integer.toString(v.workers()), seconds(v.firstSeconds()), seconds(v.median()),
                    String.format(Locale.ROOT, "%.0f%%%s", v.uncertainty() * 100, v.noisy() ? "!" : ""),
                    Integer.toString(v.runs()), s.map(RunFormat::ratio).orElse("-"),
                    run.efficiency(v).map(RunFormat::percent).orElse("-"));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("  params: ").append(params(run.params())).append("   (size preset: ").append(run.size().word())
                .append(")\n");
        if (!run.variants().isEmpty()) sb.append(t.render("  "));
        sb.append("  result: ").append(resultText(run.result(), Integer.MAX_VALUE)).append('\n');
        sb.append("  check:  ").append(run.check().passed() ? "passed" : "FAILED").append(" — ")
                .append(run.check().detail()).append('\n');
        for (var f : run.files()) sb.append("  wrote:  ").append(f).append('\n');
        for (String n : RunNotes.of(run)) sb.append("  note:   ").append(n).append('\n');
        return sb.toString();
    }

    static String params(Map<String, Object> params) {
        if (params.isEmpty()) return "(none)";
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The result on one line, cut to {@code max} characters. */
    static String resultText(Object result, int max) {
        String s = switch (result) {
            case null -> "-";
            case Double d -> String.format(Locale.ROOT, "%.10g", d);
            case Map<?, ?> m -> Json.write(m);
            case List<?> l -> Json.write(l);
            default -> result.toString();
        };
        s = s.replace('\n', ' ');
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String seconds(double s) {
        if (Durations.unresolved(s)) return "< 1 µs";
        if (s >= 100) return String.format(Locale.ROOT, "%.1f", s);
        if (s >= 1) return String.format(Locale.ROOT, "%.3f", s);
        return String.format(Locale.ROOT, "%.4f", s);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String percent(double e) {
        return String.format(Locale.ROOT, "%.0f%%", e * 100);
    }
}
