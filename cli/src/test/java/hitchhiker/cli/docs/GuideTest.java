package hitchhiker.cli.docs;

import hitchhiker.examples.Catalogue;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide in docs/ against the code: every listing is the current text of its member, every
 * quoted hhg command parses on the real command tree, every example id exists.
 *
 * <p>To regenerate the listings after changing an example, run this test with
 * {@code -Ddocs.update=true} (see docs/README.md); it rewrites the stale pages, then checks them.
 */
class GuideTest {

    static final Path ROOT = repositoryRoot();

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("no repository root with docs/ above " + Path.of("").toAbsolutePath());
        return dir;
    }

    final Listings listings = new Listings(ROOT);

    /** The classes `./hhg bench` runs: those of bench/ with a JMH benchmark or a main method. */
    static java.util.Set<String> benchmarks() throws java.io.IOException {
        Path sources = ROOT.resolve("bench/src/main/java");
        try (var files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("@Benchmark") || text.contains("static void main");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> sources.relativize(f).toString().replaceAll("\\.java$", "").replace('/', '.'))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void theGuideHasItsPagesInOrder() {
        assertThat(listings.pages()).extracting(p -> p.getFileName().toString()).startsWith(
                "00-introduction.md", "01-processes.md", "02-jit-simd-streams.md", "03-openmp-threads.md",
                "04-message-passing.md", "05-conclusions.md");
    }

    @Test
    void everyPartEndsWithExperimentsAndTakingItFurther() throws Exception {
        for (Path page : listings.pages().subList(1, 5)) {
            List<String> headings = Files.readAllLines(page).stream().filter(l -> l.startsWith("## ")).toList();
            assertThat(headings).as(page.getFileName().toString()).endsWith("## Experiment", "## Taking it further");
        }
    }

    @Test
    void theGuideMentionsEveryExample() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path page : listings.pages()) all.append(Files.readString(page));
        var mentioned = GuideCheck.exampleIds(all.toString());
        assertThat(Catalogue.guide().all()).extracting(hitchhiker.examples.Example::id)
                .allSatisfy(id -> assertThat(mentioned).as("example ids mentioned in docs/").contains(id));
    }

    @Test
    void everyListingIsTheCurrentTextOfItsMember() throws Exception {
        List<String> stale = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path page : listings.pages()) {
            String rendered;
            try {
                rendered = listings.render(page);
            } catch (IllegalArgumentException e) {   // names the page, the line and the member or file
                missing.add(e.getMessage());
                continue;
            }
            if (rendered.equals(Files.readString(page))) continue;
            if (Boolean.getBoolean("docs.update")) {
                Files.writeString(page, rendered);
            } else {
                stale.add(ROOT.relativize(page).toString());
            }
        }
        assertThat(missing).as("listings whose member or file is gone").isEmpty();
        assertThat(stale).as("pages with stale listings; regenerate with: ./mvnw -B -q -pl cli -am test "
                + "-Dtest=GuideTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true").isEmpty();
    }

    @Test
    void everyQuotedCommandParsesAndEveryExampleIdExists() throws Exception {
        GuideCheck check = new GuideCheck(Catalogue.guide(), benchmarks());
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path page : listings.pages()) {
            String text = Files.readString(page);
            commands += QuotedCommands.in(text).size();
            check.problems(text).forEach(p -> problems.add(page.getFileName() + " " + p));
        }
        assertThat(problems).isEmpty();
        assertThat(commands).as("commands quoted in the guide").isGreaterThan(20);
    }
}
