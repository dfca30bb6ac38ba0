package hitchhiker.mpi.ffm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job under the system's Open MPI {@code mpirun} from Java, for tests and benchmarks:
 * with the settings a small shared machine or a container running as root needs
 * ({@code --oversubscribe}, the allow-run-as-root variables, {@code mpi_yield_when_idle} so that
 * busy-polling ranks let starting ones run), output collected, and the whole process tree killed
 * if the job outlives its timeout — never an orphan rank.
 */
public final class Mpirun {

    private Mpirun() {
    }

    /** What a job printed (stdout and stderr together) and how it ended. */
    public record Outcome(int exitCode, String output, boolean timedOut) {

        /** The lines that start with {@code prefix}. */
        public List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** Why jobs cannot run here (no mpirun on PATH, or no usable libmpi), or empty when they can. */
    public static Optional<String> unavailable() {
        if (onPath("mpirun").isEmpty()) {
            return Optional.of("Open MPI's mpirun is not on PATH (apt-get install openmpi-bin libopenmpi-dev)");
        }
        NativeMpi.Availability lib = NativeMpi.check();
        return lib.usable() ? Optional.empty() : Optional.of("native MPI is not usable: " + lib.detail());
    }

    /** {@code [java, jvmOptions..., -cp, <this JVM's class path>, mainClass, args...]}, native access enabled. */
    public static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code mpirun --oversubscribe -np N <mpirunArgs> <command>} and waits at most {@code timeout}. */
    public static Outcome run(int np, List<String> mpirunArgs, List<String> command, Duration timeout)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", Integer.toString(np)));
        cmd.addAll(mpirunArgs);
        cmd.addAll(command);
        return launch(cmd, Map.of(), timeout);
    }

    /** Starts any command with the Open MPI settings (and {@code env}) in its environment, waits, and collects its output. */
    public static Outcome launch(List<String> cmd, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hhg-mpirun", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        // A job started from inside a rank must not believe it is part of that rank's world; a
        // user's own Open MPI settings (OMPI_MCA_btl=..., say) are kept.
        e.keySet().removeIf(k -> k.startsWith("HHG_MPI") || k.startsWith("OMPI_COMM_WORLD") || k.startsWith("PMIX_")
                || k.startsWith("OMPI_MCA_orte_ess") || k.startsWith("OMPI_MCA_ess"));
        e.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        e.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        e.put("OMPI_MCA_mpi_yield_when_idle", "1");
        e.putAll(env);
        Process p = pb.start();
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) kill(p);
            return new Outcome(done ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !done);
        } finally {
            kill(p);
            Files.deleteIfExists(log);
        }
    }

    private static void kill(Process p) throws InterruptedException {
        if (!p.isAlive()) return;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** An executable on PATH. */
    public static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
