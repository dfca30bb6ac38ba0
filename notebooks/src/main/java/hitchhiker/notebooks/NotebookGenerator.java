package hitchhiker.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the notebooks in {@code notebooks/} from the guide's pages in {@code docs/}, so that the
 * guide stays the one source: its prose and listings (themselves taken from the example sources)
 * become markdown cells, and its command lines become code cells that run in the Java kernel
 * ({@link CommandCell}); a part's "Experiment" commands become cells tagged {@code experiment},
 * one per command, for learners to change and rerun. Notebooks are written without outputs.
 *
 * <p>Run {@code main} (or the notebooks' staleness test with {@code -Dnotebooks.update=true})
 * after changing docs/.
 */
public final class NotebookGenerator {

    /** The guide's pages, each the source of the notebook of the same name. */
    public static final List<String> PAGES = List.of("00-introduction", "01-processes", "02-jit-simd-streams",
            "03-openmp-threads", "04-message-passing", "05-conclusions");

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern PAGE_LINK = Pattern.compile("\\]\\((0\\d-[a-z-]+)\\.md(#[^)]*)?\\)");
    private static final Pattern DOCS_LINK = Pattern.compile("\\]\\(([A-Za-z][\\w-]*\\.md)\\)");
    private static final Pattern PICTURE = Pattern.compile("`(hhg-out/[\\w.-]+\\.png)`");

    private NotebookGenerator() {
    }

    /** Writes the notebooks of the repository at {@code args[0]} (default: the current directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (var e : generate(root).entrySet()) {
            Files.writeString(root.resolve(e.getKey()), e.getValue());
            System.out.println("wrote " + e.getKey());
        }
    }

    /** Every notebook's path under the repository root and its text, in the guide's order. */
    public static Map<String, String> generate(Path root) throws IOException {
        Map<String, String> notebooks = new LinkedHashMap<>();
        for (String page : PAGES) {
            String markdown = Files.readString(root.resolve("docs").resolve(page + ".md"));
            notebooks.put("notebooks/" + page + ".ipynb", NotebookJson.write(cells(page, markdown), page.substring(0, 2)));
        }
        return notebooks;
    }

    /** The cells of one page's notebook. */
    static List<Cell> cells(String page, String markdown) {
        List<Cell> cells = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        boolean experiment = false;
        String pendingPicture = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("<!-- listing:")) continue; // the listing itself follows, as text
            if (line.startsWith("## ")) {
                flush(cells, text);
                experiment = line.startsWith("## Experiment");
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) end++;
                List<String> block = unindent(lines.subList(i + 1, Math.min(end, lines.size())), fence.group(1).length());
                List<Cell> code = fence.group(2).isEmpty() ? codeCells(block, experiment, shellSnippet(text)) : List.of();
                if (code.isEmpty()) {
                    text.addAll(lines.subList(i, Math.min(end + 1, lines.size())));
                } else {
                    flush(cells, text);
                    cells.addAll(code);
                }
                i = end;
                continue;
            }
            if (line.isBlank() && pendingPicture != null) {
                flush(cells, text);
                cells.add(Cell.code("Path.of(\"" + pendingPicture + "\")", List.of()));
                pendingPicture = null;
            }
            Matcher picture = PICTURE.matcher(line);
            if (picture.find()) pendingPicture = picture.group(1);
            text.add(links(line));
            if (i == 0) text.addAll(List.of("", preface(page)));
        }
        flush(cells, text);
        if (pendingPicture != null) cells.add(Cell.code("Path.of(\"" + pendingPicture + "\")", List.of()));
        return cells;
    }

    /** What the top of every notebook says about where it comes from and what its cells call. */
    static String preface(String page) {
        return "*This notebook is generated from the guide's page [docs/" + page + ".md](../docs/" + page + ".md),"
                + " whose code listings are the example sources: edit those, not this file. Its code cells run in"
                + " the Java kernel: `hhg(\"...\")` runs a command of the guide, `mpirun(n, \"...\")` runs an MPI"
                + " program on n ranks and returns what they printed, `timeit(() -> ...)` or a `%%timeit` cell times"
                + " code, and the toolkit is imported. Cells tagged `experiment` are the part's experiments: change"
                + " them and run them again.*";
    }

    /**
     * The cells of a command block: a code cell per command the kernel can run, the other lines
     * kept as text between them; none when no line is runnable (the block stays text).
     */
    private static List<Cell> codeCells(List<String> block, boolean experiment, boolean shellSnippet) {
        List<String> lines = block.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return List.of();
        if (shellSnippet) return List.of(Cell.code(String.join("\n", block).strip(), experiment ? experimentTags() : List.of()));
        if (lines.stream().allMatch(l -> CommandCell.code(l).isEmpty())) return List.of(); // output, or terminal commands
        List<Cell> cells = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (String line : lines) {
            Optional<String> code = CommandCell.code(line);
            if (code.isEmpty()) {
                text.add(line); // e.g. a command with environment variables for a fresh JVM: shown, not run
                continue;
            }
            if (!text.isEmpty()) cells.add(Cell.markdown("```\n" + String.join("\n", text) + "\n```"));
            text.clear();
            List<String> tags = experiment ? experimentTags()
                    : CommandCell.isLong(line) ? List.of(Cell.SKIP_EXECUTION) : List.of();
            cells.add(Cell.code(code.get(), tags));
        }
        if (!text.isEmpty()) cells.add(Cell.markdown("```\n" + String.join("\n", text) + "\n```"));
        return cells;
    }

    /** Experiments are for learners to run and change; a headless run of the notebooks leaves them out. */
    private static List<String> experimentTags() {
        return List.of(Cell.EXPERIMENT, Cell.SKIP_EXECUTION);
    }

    /** Whether the text before a block introduces it as input for {@code ./hhg shell}. */
    private static boolean shellSnippet(List<String> text) {
        for (int i = text.size() - 1; i >= 0; i--) {
            if (!text.get(i).isBlank()) return text.get(i).strip().endsWith("`./hhg shell`:");
        }
        return false;
    }

    private static List<String> unindent(List<String> block, int indent) {
        return block.stream().map(l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip()).toList();
    }

    /** Links between pages of the guide lead to the notebooks; links to other docs/ files, to those files. */
    private static String links(String line) {
        String l = PAGE_LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                "](" + m.group(1) + ".ipynb" + (m.group(2) == null ? "" : m.group(2)) + ")"));
        return DOCS_LINK.matcher(l).replaceAll(m -> Matcher.quoteReplacement("](../docs/" + m.group(1) + ")"));
    }

    private static void flush(List<Cell> cells, List<String> text) {
        int from = 0;
        int to = text.size();
        while (from < to && text.get(from).isBlank()) from++;
        while (to > from && text.get(to - 1).isBlank()) to--;
        if (from < to) cells.add(Cell.markdown(String.join("\n", text.subList(from, to))));
        text.clear();
    }
}
