package hitchhiker.mpi.ffm;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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
 * Runs a job under the system's {@code mpirun}, as CI does: JVM ranks on this test's class path,
 * with the settings a 2-core container running as root needs ({@code --oversubscribe}, the
 * allow-run-as-root variables, {@code mpi_yield_when_idle} so busy-polling ranks let starting
 * ones run). The job is killed, children included, if it outlives its timeout.
 *
 * <p>Where Open MPI is missing, tests that need it are skipped with the reason, except under
 * {@code CI=true}, where they fail: CI installs Open MPI, so its absence there is a broken build.
 */
final class OpenMpiJob {

    /** The JVM options every rank gets: native access, and a small, quick-starting VM for 2 cores. */
    static final List<String> RANK_JVM = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss1m", "-XX:ErrorFile=/tmp/hhg-hs_err_%p.log");

    private OpenMpiJob() {
    }

    /** What a job printed (stdout and stderr together) and how it ended. */
    record Outcome(int exitCode, String output, boolean timedOut) {

        /** The lines that start with {@code prefix}. */
        List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** The mpirun on PATH and a usable libmpi, or the test is skipped (locally) / failed (CI). */
    static Path requireOpenMpi() {
        Optional<Path> mpirun = onPath("mpirun");
        String why = null;
        if (mpirun.isEmpty()) {
            why = "Open MPI's mpirun is not on PATH (apt-get install openmpi-bin libopenmpi-dev)";
        } else {
            NativeMpi.Availability native_ = NativeMpi.check();
            if (!native_.usable()) why = "native MPI is not usable: " + native_.detail();
        }
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail("CI must have Open MPI: " + why);
            Assumptions.abort(why);
        }
        return mpirun.get();
    }

    /** {@code [java, RANK_JVM..., extraJvm..., -cp, <this class path>, mainClass, args...]}. */
    static List<String> javaCommand(List<String> extraJvm, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(RANK_JVM);
        cmd.addAll(extraJvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code mpirun --oversubscribe -np N <mpirunArgs> <command>} and waits at most {@code timeout}. */
    static Outcome run(int np, List<String> mpirunArgs, List<String> command, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(requireOpenMpi().toString(), "--oversubscribe", "-np", Integer.toString(np)));
        cmd.addAll(mpirunArgs);
        cmd.addAll(command);
        return launch(cmd, Map.of(), timeout);
    }

    /** Starts any command with the Open MPI settings in its environment, waits, and collects its output. */
    static Outcome launch(List<String> cmd, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hhg-mpirun", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("HHG_MPI") || k.startsWith("OMPI_COMM_WORLD") || k.startsWith("PMIX_"));
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

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
