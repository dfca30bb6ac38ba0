package hitchhiker.kernel;

import java.util.Optional;

/**
 * A cell's leading {@code %%name} line, as IPython writes cell magics, and the Java code it stands
 * for. The kernel knows one: {@code %%timeit} times the rest of the cell with the startup's
 * {@code timeit(Runnable)} helper, as IPython's {@code %%timeit} does.
 */
record CellMagic(String name, String body) {

    /** The magics this kernel knows. */
    static final String TIMEIT = "timeit";

    /** The magic that starts the cell, if its first non-blank line is {@code %%name}. */
    static Optional<CellMagic> of(String cell) {
        String text = cell.stripLeading();
        if (!text.startsWith("%%")) return Optional.empty();
        int eol = text.indexOf('\n');
        String head = (eol < 0 ? text : text.substring(0, eol)).substring(2).trim();
        String body = eol < 0 ? "" : text.substring(eol + 1);
        return Optional.of(new CellMagic(head, body));
    }

    /** The Java code the cell runs. */
    String code() {
        if (!name.equals(TIMEIT)) {
            throw new SnippetRejectedException("unknown cell magic %%" + name + " (this kernel knows %%" + TIMEIT + ")");
        }
        if (body.isBlank()) throw new SnippetRejectedException("%%timeit needs code to time on the lines below it");
        // The body runs as a lambda's block, so its statements see the cell's variables; the
        // line break before the closing brace keeps a last-line comment from swallowing it.
        return "timeit(() -> {\n" + body + "\n});";
    }
}
