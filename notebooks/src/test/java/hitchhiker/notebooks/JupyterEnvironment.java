package hitchhiker.notebooks;

import hitchhiker.cli.KernelSpec;
import hitchhiker.cli.NotebookHelpers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Jupyter of the tests' own: its kernel spec (the Java kernel on this JVM's class path, at the
 * quick sizes), its runtime and configuration directories under a temporary directory, so that the
 * user's Jupyter setup neither helps nor harms, and a copy of the notebooks to run.
 */
final class JupyterEnvironment {

    final Path dir;
    final Path notebooks;

    JupyterEnvironment(Path dir) throws IOException {
        this.dir = dir;
        KernelSpec.forThisJvm(Map.of(NotebookHelpers.SIZE_VARIABLE, "quick"))
                .writeTo(dir.resolve("jupyter/kernels").resolve(KernelSpec.NAME));
        notebooks = Files.createDirectories(dir.resolve("notebooks"));
        try (Stream<Path> files = Files.list(Workspace.root().resolve("notebooks"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                Files.copy(nb, notebooks.resolve(nb.getFileName()));
            }
        }
    }

    /** A process builder for a Jupyter command in this environment, its output to {@code log}. */
    ProcessBuilder command(Path log, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", dir.resolve("jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        return pb;
    }

    /** Ends a process and everything it started (kernels, ranks, workers): politely, then for sure. */
    static void stop(Process p) throws InterruptedException {
        var descendants = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
        for (ProcessHandle h : descendants) {
            h.destroy();
        }
        for (ProcessHandle h : descendants) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            var all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
