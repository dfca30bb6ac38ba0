package hitchhiker.bench.omp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A C + OpenMP reference kernel from {@code bench/src/main/c}: found on the class path (the bench
 * jar carries the sources under {@code c/}) or in the source tree, built with
 * {@code gcc -O3 -fopenmp} into a temporary directory, and run in the same run as the Java side.
 */
final class NativeReference {

    private final Path binary;

    private NativeReference(Path binary) {
        this.binary = binary;
    }

    /**
     * Builds the named C source, or says in one line why it cannot (no gcc, no OpenMP, no source).
     *
     * @return the built program, or empty after printing the reason
     */
    static Optional<NativeReference> build(String source) {
        try {
            Path dir = Files.createTempDirectory("hhg-omp-bench");
            dir.toFile().deleteOnExit();
            Path src = dir.resolve(source);
            try (InputStream in = NativeReference.class.getResourceAsStream("/c/" + source)) {
                Path tree = Path.of("bench", "src", "main", "c", source);
                if (in != null) Files.copy(in, src);
                else if (Files.exists(tree)) Files.copy(tree, src);
                else {
                    System.out.println("C reference skipped: source " + source + " not found");
                    return Optional.empty();
                }
            }
            Path bin = dir.resolve(source.replace(".c", ""));
            List<String> cmd = List.of("gcc", "-O3", "-fopenmp", "-o", bin.toString(), src.toString(), "-lm");
            Result r;
            try {
                r = run(cmd, Map.of(), 120);
            } catch (IOException e) {
                System.out.println("C reference skipped: gcc not found (" + e.getMessage() + ")");
                return Optional.empty();
            }
            if (r.exit != 0) {
                System.out.println("C reference skipped: gcc -O3 -fopenmp failed: " + r.output.strip());
                return Optional.empty();
            }
            src.toFile().deleteOnExit();
            bin.toFile().deleteOnExit();
            return Optional.of(new NativeReference(bin));
        } catch (IOException | InterruptedException e) {
            System.out.println("C reference skipped: " + e);
            return Optional.empty();
        }
    }

    /** Runs the program with OMP_NUM_THREADS set; its standard output lines, or an exception saying what failed. */
    List<String> run(int threads, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(args);
        Result r = run(cmd, Map.of("OMP_NUM_THREADS", Integer.toString(threads)), 600);
        if (r.exit != 0) throw new IOException(binary.getFileName() + " exited with " + r.exit + ": " + r.output.strip());
        return r.output.lines().toList();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) throw new IOException(cmd.getFirst() + " timed out");
            return new Result(p.exitValue(), out);
        } finally {
            p.destroyForcibly();
        }
    }
}
