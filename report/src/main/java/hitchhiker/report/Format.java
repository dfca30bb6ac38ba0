package hitchhiker.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the report writes numbers, times and results, the same on the page and in the terminal. */
final class Format {

    /** Lists longer than this show their first items and a count. */
    static final int LIST_ITEMS_SHOWN = 20;
    /** A result's text is cut after this many characters. */
    static final int RESULT_CHARS = 2_000;

    private Format() {
    }

    /** A duration in the unit that keeps three significant digits readable: 1.23 s, 45.6 ms, 789 µs. */
    static String seconds(double s) {
        if (Double.isNaN(s)) return "-";
        double a = Math.abs(s);
        if (a >= 1 || a == 0) return String.format(Locale.ROOT, "%.3g s", s);
        if (a >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        if (a >= 1e-6) return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
        return String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }

    /** A speed-up: 1.87×. */
    static String times(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f×", x) : "∞";
    }

    /** An efficiency as a percentage: 94%. */
    static String percent(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f%%", 100 * x) : "-";
    }

    /**
     * A result (number, string, list or map of those) as one readable line: {@code {a: 7, b: 3.14}},
     * long lists cut to their first items with a count, the whole text cut at {@value #RESULT_CHARS}
     * characters.
     */
    static String value(Object v) {
        StringBuilder b = new StringBuilder();
        append(b, v);
        if (b.length() > RESULT_CHARS) {
            b.setLength(RESULT_CHARS);
            b.append("… (cut)");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (b.length() > RESULT_CHARS) return;
        switch (v) {
            case null -> b.append("none");
            case Map<?, ?> m -> {
                b.append('{');
                Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<?, ?> e = it.next();
                    b.append(e.getKey()).append(": ");
                    append(b, e.getValue());
                    if (it.hasNext()) b.append(", ");
                }
                b.append('}');
            }
            case List<?> l -> {
                b.append('[');
                int shown = Math.min(l.size(), LIST_ITEMS_SHOWN);
                for (int i = 0; i < shown; i++) {
                    if (i > 0) b.append(", ");
                    append(b, l.get(i));
                }
                if (l.size() > shown) b.append(", … (").append(l.size()).append(" items)");
                b.append(']');
            }
            case double[] a -> append(b, java.util.Arrays.stream(a).boxed().toList());
            case long[] a -> append(b, java.util.Arrays.stream(a).boxed().toList());
            case int[] a -> append(b, java.util.Arrays.stream(a).boxed().toList());
            default -> b.append(v);
        }
    }
}
