package hitchhiker.notebooks;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/** Where the repository is, and the tools the notebook tests need from this machine. */
final class Workspace {

    private Workspace() {
    }

    /** The repository root: the nearest directory above this one with docs/ and mvnw. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("no repository root with docs/ above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /**
     * The command on the PATH. Without it the test is skipped on a developer's machine and fails
     * in CI (CI=true), where .ci/run installs it.
     */
    static Path require(String command, String debianPackages) {
        Optional<Path> found = onPath(command);
        if (found.isPresent()) return found.get();
        String why = command + " is not on the PATH (Debian: apt-get install " + debianPackages + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + "; CI=true, so this fails instead of skipping");
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /**
     * The Python that Jupyter runs on (its launcher's {@code #!} line), which has nbclient: the
     * first {@code python3} on the PATH may be another one.
     */
    static Path jupyterPython(Path jupyter) throws java.io.IOException {
        String first = Files.readAllLines(jupyter).stream().findFirst().orElse("");
        Path python = first.startsWith("#!") ? Path.of(first.substring(2).strip().split("\\s+")[0]) : null;
        if (python == null || !Files.isExecutable(python)) {
            throw new IllegalStateException("cannot tell which Python runs " + jupyter + " (first line: " + first + ")");
        }
        return python;
    }

    static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
