package hitchhiker.notebooks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notebooks in notebooks/ are what the generator makes of docs/ today: no hand edits, no
 * stored outputs. To regenerate them after changing the guide, run this test with
 * {@code -Dnotebooks.update=true}; it rewrites the stale notebooks, then checks them.
 */
class GeneratedNotebooksTest {

    static final Path ROOT = Workspace.root();

    @Test
    void everyNotebookIsTheGeneratorsOutputForTheGuideAsItIsNow() throws Exception {
        Map<String, String> generated = NotebookGenerator.generate(ROOT);
        List<String> stale = new ArrayList<>();
        for (var e : generated.entrySet()) {
            Path file = ROOT.resolve(e.getKey());
            if (Files.isRegularFile(file) && Files.readString(file).equals(e.getValue())) continue;
            if (Boolean.getBoolean("notebooks.update")) {
                Files.writeString(file, e.getValue());
            } else {
                stale.add(e.getKey());
            }
        }
        assertThat(stale).as("notebooks that differ from docs/ (edit docs/, then run this test with "
                + "-Dnotebooks.update=true to regenerate them)").isEmpty();
        try (var files = Files.list(ROOT.resolve("notebooks"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".ipynb"))
                    .map(f -> "notebooks/" + f.getFileName()).sorted().toList())
                    .as("notebooks without a page in docs/").containsExactlyElementsOf(generated.keySet());
        }
    }

    @Test
    void sixNotebooksMirrorTheWorkshops() {
        assertThat(NotebookGenerator.PAGES).hasSize(6).startsWith("00-introduction").endsWith("05-conclusions");
    }

    @Test
    void commandsOfTheGuideBecomeCalls() {
        assertThat(CommandCell.code("./hhg run part1.pi samples=1000000 --workers 2"))
                .contains("hhg(\"run part1.pi samples=1000000 --workers 2\");");
        assertThat(CommandCell.code("./hhg mpirun -np 4 part4.hello")).contains("mpirun(4, \"part4.hello\")");
        assertThat(CommandCell.code("./hhg mpirun -np 1 part4.spawnpi N=1000000 children=2"))
                .contains("mpirun(1, \"part4.spawnpi\", \"N=1000000\", \"children=2\")");
        assertThat(CommandCell.code("./hhg mpirun -np 4 --tag-output part4.bcast"))
                .contains("hhg(\"mpirun -np 4 --tag-output part4.bcast\");");
        assertThat(CommandCell.code("echo 'System.out.println(cores())' | ./hhg shell --quiet"))
                .contains("System.out.println(cores())");
        // Commands that need a terminal or a fresh JVM stay text.
        assertThat(CommandCell.code("./hhg shell")).isEmpty();
        assertThat(CommandCell.code("./hhg bench ProcessPoolBench")).isEmpty();
        assertThat(CommandCell.code("HHG_JAVA_OPTS=-XX:+PrintCompilation ./hhg run part2.filter2d")).isEmpty();
        assertThat(CommandCell.code("mpirun -np 2 ./hhg exec part4.pi n=10000000")).isEmpty();
    }

    @Test
    void experimentsAreTaggedCellsOnePerCommandAndProseStaysMarkdown() {
        List<Cell> cells = NotebookGenerator.cells("01-processes", """
                # Part 1

                Some prose with a [link](02-jit-simd-streams.md) and the [index](README.md).

                <!-- listing: examples/Some.java#member -->
                ```java
                int member() { return 1; }
                ```

                ```
                ./hhg run part1.pi
                ```

                ## Experiment

                ```
                ./hhg run part1.pi samples=10000
                ./hhg run part1.primes range=A
                ```

                - A question.
                """);
        assertThat(cells).extracting(Cell::code).containsExactly(false, true, false, true, true, false);
        assertThat(cells.get(0).source()).startsWith("# Part 1\n\n*This notebook is generated from the guide's page")
                .contains("[link](02-jit-simd-streams.ipynb)").contains("[index](../docs/README.md)")
                .contains("```java\nint member() { return 1; }\n```").doesNotContain("<!-- listing");
        assertThat(cells.get(1).source()).isEqualTo("hhg(\"run part1.pi\");");
        assertThat(cells.get(1).tags()).isEmpty();
        assertThat(cells.get(3).tags()).containsExactly(Cell.EXPERIMENT, Cell.SKIP_EXECUTION);
        assertThat(cells.get(4).source()).isEqualTo("hhg(\"run part1.primes range=A\");");
        assertThat(cells.get(5).source()).isEqualTo("- A question.");
    }

    @Test
    void aPictureTheTextNamesIsShownAfterItsParagraph() {
        List<Cell> cells = NotebookGenerator.cells("03-openmp-threads", """
                # Part 3

                ```
                ./hhg run part3.julia
                ```

                It writes the picture to `hhg-out/part3-julia.png`.
                More of the paragraph.

                Next paragraph.
                """);
        assertThat(cells).extracting(Cell::source).containsExactly(
                cells.get(0).source(), "hhg(\"run part3.julia\");",
                "It writes the picture to `hhg-out/part3-julia.png`.\nMore of the paragraph.",
                "Path.of(\"hhg-out/part3-julia.png\")", "Next paragraph.");
    }

    @Test
    void storedNotebooksHaveNoOutputsAndUseTheJavaKernel() throws Exception {
        for (String page : NotebookGenerator.PAGES) {
            String text = Files.readString(ROOT.resolve("notebooks/" + page + ".ipynb"));
            assertThat(text).as(page).contains("\"name\": \"hitchhiker\"").doesNotContain("\"output_type\"")
                    .doesNotContain("\"execution_count\": 1");
        }
    }
}
