package hitchhiker.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every notebook headlessly, as CI does (nbclient, what {@code jupyter nbconvert --execute} runs on),
 * on the Java kernel at the quick sizes, and reads what came out: no cell may fail, every cell
 * that ran must have printed or shown something, and each kind of cell its own evidence — an
 * example run its passed check, an MPI program its ranks' lines, a picture its image/png.
 * Cells tagged {@code skip-execution} (the experiments, the tour) are for learners and are left out.
 */
class NotebooksRunTest {

    /** What an MPI program's ranks print, by the program the cell runs. */
    static final Map<String, String> MPI_LINES = Map.of(
            "part4.hello", "Hello, World! I am process 3 of 4",
            "part4.p2p", "rank 1 received",
            "part4.bcast", "[0.0, 1.0, 2.0, 3.0, 4.0]",
            "part4.pi", "pi is approximately",
            "part4.spawnpi", "pi is approximately");

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyNotebookRunsAtQuickSizesWithEveryCheckPassing(@TempDir Path dir) throws Exception {
        Path jupyter = Workspace.require("jupyter", "jupyter-notebook python3-nbclient python3-nbconvert");
        JupyterEnvironment env = new JupyterEnvironment(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> command = new ArrayList<>(List.of(Workspace.jupyterPython(jupyter).toString(),
                Workspace.root().resolve("notebooks/src/test/python/run_notebooks.py").toString(),
                hitchhiker.cli.KernelSpec.NAME, out.toString()));
        for (String page : NotebookGenerator.PAGES) command.add(env.notebooks.resolve(page + ".ipynb").toString());
        Path log = dir.resolve("nbconvert.log");
        long t0 = System.nanoTime();
        Process run = env.command(log, command.toArray(String[]::new)).directory(env.notebooks.toFile()).start();
        if (!run.waitFor(12, TimeUnit.MINUTES)) {
            JupyterEnvironment.stop(run);
            fail("the notebooks did not finish in 12 minutes:\n" + JupyterEnvironment.tail(log, 60));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.exitValue()).as("the notebooks' run on nbclient; its output:\n%s", JupyterEnvironment.tail(log, 80)).isZero();
        System.out.printf("the six notebooks ran in %.1f s (quick sizes, nbclient on the Java kernel):%n%s%n", seconds,
                JupyterEnvironment.tail(log, 6));

        for (String page : NotebookGenerator.PAGES) {
            ExecutedNotebook nb = ExecutedNotebook.read(out.resolve(page + ".ipynb"));
            List<ExecutedNotebook.CodeCell> ran = nb.cells().stream().filter(c -> !c.skipped()).toList();
            assertThat(ran).as(page + ": cells that ran").isNotEmpty();
            for (ExecutedNotebook.CodeCell cell : ran) {
                String where = page + ", cell " + cell.source();
                assertThat(cell.errors()).as(where).isEmpty();
                assertThat(cell.text().strip()).as(where + ": its output").isNotEmpty();
                if (cell.source().startsWith("hhg(\"run ")) {
                    assertThat(cell.text()).as(where).contains("check:  passed");
                }
                MPI_LINES.forEach((program, line) -> {
                    if (cell.source().startsWith("mpirun(") && cell.source().contains("\"" + program + "\"")) {
                        assertThat(cell.text()).as(where).contains(line);
                    }
                });
                if (cell.source().startsWith("Path.of(\"hhg-out/") && cell.source().contains(".png")) {
                    assertThat(cell.mimeTypes()).as(where).contains("image/png");
                }
            }
            for (ExecutedNotebook.CodeCell cell : nb.cells().stream().filter(ExecutedNotebook.CodeCell::skipped).toList()) {
                assertThat(cell.text()).as(page + ": a skipped cell has no output").isEmpty();
            }
        }
        String all = String.join("\n", NotebookGenerator.PAGES.stream().map(p -> {
            try {
                return ExecutedNotebook.read(out.resolve(p + ".ipynb")).cells().stream()
                        .map(ExecutedNotebook.CodeCell::text).reduce("", String::concat);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        // Evidence from each part: the doctor, a pool, the timeit helper, a team, the ranks.
        assertThat(all).contains("All required checks passed.", "part1.pi", "per call (best of",
                "Hello, World! I am process", "pi is approximately");
    }
}
