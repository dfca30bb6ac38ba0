package hitchhiker.cli;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON: maps, iterables, arrays of primitives, strings, numbers, booleans and null.
 * Small on purpose — we only ever write JSON, and a library would be larger than this class.
 */
public final class Json {

    private Json() {
    }

    /** The value as compact JSON text. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> real(sb, d);
            case Float f -> real(sb, f.doubleValue());
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    append(sb, e.getValue());
                }
                sb.append('}');
            }
            case Iterable<?> it -> {
                sb.append('[');
                Iterator<?> i = it.iterator();
                while (i.hasNext()) {
                    append(sb, i.next());
                    if (i.hasNext()) sb.append(',');
                }
                sb.append(']');
            }
            case int[] a -> append(sb, java.util.Arrays.stream(a).boxed().toList());
            case long[] a -> append(sb, java.util.Arrays.stream(a).boxed().toList());
            case double[] a -> append(sb, java.util.Arrays.stream(a).boxed().toList());
            case Object[] a -> append(sb, java.util.Arrays.asList(a));
            case Enum<?> e -> string(sb, e.name().toLowerCase(Locale.ROOT));
            default -> string(sb, v.toString());
        }
    }

    /** NaN and infinities have no JSON form: they become null rather than invalid JSON. */
    private static void real(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) sb.append("null");
        else sb.append(d);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
