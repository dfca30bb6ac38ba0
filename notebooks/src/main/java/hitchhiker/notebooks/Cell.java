package hitchhiker.notebooks;

import java.util.List;

/**
 * One cell of a notebook, as stored: no outputs, no execution count.
 *
 * @param code   true for a code cell, false for markdown
 * @param source the cell's text
 * @param tags   the cell's tags, e.g. {@code experiment}
 */
public record Cell(boolean code, String source, List<String> tags) {

    /** Tag of the cells taken from a part's "Experiment" list. */
    public static final String EXPERIMENT = "experiment";

    /** nbclient's tag for cells a headless run leaves out (Jupyter's UI runs them all the same). */
    public static final String SKIP_EXECUTION = "skip-execution";

    public Cell {
        tags = List.copyOf(tags);
    }

    static Cell markdown(String source) {
        return new Cell(false, source, List.of());
    }

    static Cell code(String source, List<String> tags) {
        return new Cell(true, source, tags);
    }
}
