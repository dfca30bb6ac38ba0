package hitchhiker.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a notebook in Jupyter's own layout (nbformat 4.5, one-space indent, sorted keys, source as
 * a list of lines), so that a notebook saved from Jupyter without outputs diffs cleanly against the
 * generated one.
 */
final class NotebookJson {

    private NotebookJson() {
    }

    /** The notebook file's text for these cells; cell ids are {@code idPrefix-NNN}. */
    static String write(List<Cell> cells, String idPrefix) {
        List<Object> cellObjects = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            Map<String, Object> cell = new TreeMap<>();
            cell.put("cell_type", c.code() ? "code" : "markdown");
            cell.put("id", String.format("%s-%03d", idPrefix, i));
            Map<String, Object> metadata = new TreeMap<>();
            if (!c.tags().isEmpty()) metadata.put("tags", c.tags());
            cell.put("metadata", metadata);
            cell.put("source", lines(c.source()));
            if (c.code()) {
                cell.put("execution_count", null);
                cell.put("outputs", List.of());
            }
            cellObjects.add(cell);
        }
        Map<String, Object> kernelspec = new TreeMap<>(Map.of(
                "display_name", "Java 25 (Hitchhiker)", "language", "java", "name", "hitchhiker"));
        Map<String, Object> languageInfo = new TreeMap<>(Map.of(
                "codemirror_mode", "text/x-java", "file_extension", ".jshell", "mimetype", "text/x-java-source",
                "name", "java", "pygments_lexer", "java"));
        Map<String, Object> notebook = new TreeMap<>();
        notebook.put("cells", cellObjects);
        notebook.put("metadata", new TreeMap<>(Map.of("kernelspec", kernelspec, "language_info", languageInfo)));
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        StringBuilder sb = new StringBuilder();
        value(sb, notebook, 0);
        return sb.append('\n').toString();
    }

    /** Jupyter's split of a text: every line keeps its line break but the last. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int eol = text.indexOf('\n', start);
            int end = eol < 0 ? text.length() : eol + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private static void value(StringBuilder sb, Object v, int depth) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                int i = 0;
                for (var e : m.entrySet()) {
                    indent(sb, depth + 1);
                    string(sb, (String) e.getKey());
                    sb.append(": ");
                    value(sb, e.getValue(), depth + 1);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                indent(sb, depth);
                sb.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    indent(sb, depth + 1);
                    value(sb, l.get(i), depth + 1);
                    sb.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                indent(sb, depth);
                sb.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write " + v.getClass() + " as notebook JSON");
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append(" ".repeat(depth));
    }

    /** A JSON string as Python's json module writes it (ensure_ascii=False, as Jupyter saves). */
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
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
