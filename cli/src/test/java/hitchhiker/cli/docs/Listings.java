package hitchhiker.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fills the guide's code listings from the example sources, so that no listing is ever pasted.
 *
 * <p>In a Markdown page, a directive line names a member of a source file, relative to the
 * repository root, and the fenced block right after it holds that member's text:
 *
 * <pre>
 * &lt;!-- listing: examples/src/main/java/hitchhiker/examples/part3/Julia.java#escapeTime --&gt;
 * ```java
 * (filled in from the source)
 * ```
 * </pre>
 *
 * {@link #render} returns the page with every such block replaced by the current text of its
 * member (a block is added when the directive has none); a page is stale when that differs from
 * the page on disk. The member is found by {@link JavaMembers}. {@link GuideTest} checks the
 * pages of {@code docs/} on every build, and updates them when asked to.
 */
public final class Listings {

    /** {@code <!-- listing: path#member -->}, alone on its line. */
    static final Pattern DIRECTIVE = Pattern.compile("^<!--\\s*listing:\\s*(\\S+?)#(.+?)\\s*-->\\s*$");

    private static final String FENCE = "```";

    private final Path root;

    /** Listings whose paths are relative to the repository at {@code root}. */
    public Listings(Path root) {
        this.root = root;
    }

    /** One directive of a page: where it is and what it names. */
    public record Directive(Path page, int line, String file, String member) {
        @Override
        public String toString() {
            return page.getFileName() + ":" + line + ": " + file + "#" + member;
        }
    }

    /** Every listing directive of a page, in order. */
    public List<Directive> directives(Path page) {
        List<String> lines = read(page).lines().toList();
        List<Directive> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DIRECTIVE.matcher(lines.get(i));  // at the left margin: an indented one is an example of the syntax
            if (m.matches()) out.add(new Directive(page, i + 1, m.group(1), m.group(2)));
        }
        return out;
    }

    /** The current text of a directive's member; {@link IllegalArgumentException} says why when there is none. */
    public String member(Directive d) {
        Path file = root.resolve(d.file()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(d.page().getFileName() + ":" + d.line() + ": no source file " + d.file());
        }
        try {
            return JavaMembers.extract(read(file), d.file(), d.member());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(d.page().getFileName() + ":" + d.line() + ": " + e.getMessage(), e);
        }
    }

    /** The page with every listing block filled from the sources. */
    public String render(Path page) {
        List<String> lines = read(page).lines().toList();
        List<Directive> directives = directives(page);
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Directive d : directives) {
            int at = d.line() - 1;
            while (i <= at) out.append(lines.get(i++)).append('\n');
            // Skip the block that follows, if there is one: its old text is replaced.
            if (i < lines.size() && lines.get(i).strip().startsWith(FENCE)) {
                int close = i + 1;
                while (close < lines.size() && !lines.get(close).strip().equals(FENCE)) close++;
                if (close == lines.size()) {
                    throw new IllegalArgumentException(page.getFileName() + ":" + (i + 1) + ": listing block is not closed");
                }
                i = close + 1;
            }
            out.append(FENCE).append("java\n").append(member(d)).append('\n').append(FENCE).append('\n');
        }
        while (i < lines.size()) out.append(lines.get(i++)).append('\n');
        return out.toString();
    }

    /** Whether the page on disk differs from its rendering. */
    public boolean stale(Path page) {
        return !render(page).equals(read(page));
    }

    /** The guide's pages: every {@code .md} file of {@code docs/}, in name order. */
    public List<Path> pages() {
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
