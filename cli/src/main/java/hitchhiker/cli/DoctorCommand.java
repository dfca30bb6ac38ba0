package hitchhiker.cli;

import hitchhiker.mpi.ffm.NativeMpi;
import hitchhiker.process.RuntimeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code hhg doctor} ("DON'T PANIC"): the workshop's environment test, for Java. Each check prints a
 * mark and, for a miss, one line of advice. Exits 1 only when something required is missing.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "DON'T PANIC: check that this machine can run every part of the guide.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Option(names = "--clean", description = {"Only remove the shared-memory files, queues and pipes left by",
            "toolkit JVMs that were killed (kill -9, a crash), then exit."})
    private boolean clean;

    /** One line of the diagnosis. */
    record Finding(Status status, String what, String advice) {
    }

    /** How a check came out; only a missing REQUIRED thing fails the doctor. */
    enum Status {
        OK("[ ok ]"), WARN("[warn]"), MISSING_OPTIONAL("[ -- ]"), MISSING_REQUIRED("[FAIL]");

        final String mark;

        Status(String mark) {
            this.mark = mark;
        }
    }

    @Override
    public Integer call() {
        if (clean) {
            List<Path> removed = RuntimeFiles.cleanLeftovers();
            for (Path p : removed) hhg.out().println("removed " + p);
            hhg.out().println(removed.isEmpty() ? "Nothing left behind in " + RuntimeFiles.base() + "."
                    : "Removed " + removed.size() + " leftover" + (removed.size() == 1 ? "" : "s") + " of JVMs no longer running.");
            return 0;
        }
        hhg.out().println("DON'T PANIC — checking this machine for the Hitchhiker's Guide to Parallelism");
        List<Finding> findings = diagnose();
        for (Finding f : findings) {
            hhg.out().println(f.status().mark + " " + f.what());
            if (f.advice() != null) hhg.out().println("       → " + f.advice());
        }
        boolean ok = findings.stream().noneMatch(f -> f.status() == Status.MISSING_REQUIRED);
        hhg.out().println(ok ? "All required checks passed." : "Something required is missing: see the advice above.");
        return ok ? 0 : 1;
    }

    static List<Finding> diagnose() {
        List<Finding> f = new ArrayList<>();
        f.add(jdk());
        f.add(cores());
        f.add(memory());
        f.add(vectorApi());
        f.add(nativeAccess());
        f.add(workerJvm());
        f.add(leftovers());
        f.add(nativeMpi());
        f.add(tool("gcc", "a C compiler for the side-by-side C benchmarks",
                "install gcc (Debian: apt-get install gcc) to compare with C + OpenMP"));
        f.add(jupyter());
        return f;
    }

    static Finding jdk() {
        Runtime.Version v = Runtime.version();
        String what = "JDK " + v + " (" + System.getProperty("java.vendor") + ")";
        return v.feature() >= 25 ? new Finding(Status.OK, what, null)
                : new Finding(Status.MISSING_REQUIRED, what, "install a JDK 25 or newer and set JAVA_HOME to it");
    }

    static Finding cores() {
        int n = Runtime.getRuntime().availableProcessors();
        String what = n + " cores available";
        return n >= 2 ? new Finding(Status.OK, what, null)
                : new Finding(Status.WARN, what, "with one core nothing runs in parallel: speed-ups will be about 1x");
    }

    static Finding memory() {
        long max = Runtime.getRuntime().maxMemory();
        long total = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String what = String.format(Locale.ROOT, "memory: %.1f GiB, JVM heap up to %.1f GiB",
                total / 1073741824.0, max / 1073741824.0);
        // part2.gofast at n = 10000 holds two 800 MB matrices.
        return max >= 2L << 30 ? new Finding(Status.OK, what, null)
                : new Finding(Status.WARN, what, "part2.gofast n=10000 needs about 2 GiB of heap: use n=1000 or give the JVM more (-Xmx)");
    }

    static Finding vectorApi() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return present ? new Finding(Status.OK, "Vector API (jdk.incubator.vector) is loaded", null)
                : new Finding(Status.WARN, "Vector API (jdk.incubator.vector) is not loaded",
                "run through ./hhg, or add --add-modules=jdk.incubator.vector; SIMD variants fall back to scalar code");
    }

    static Finding nativeAccess() {
        boolean enabled = DoctorCommand.class.getModule().isNativeAccessEnabled();
        return enabled ? new Finding(Status.OK, "native access (java.lang.foreign) is enabled", null)
                : new Finding(Status.WARN, "native access is not enabled",
                "run through ./hhg, or add --enable-native-access=ALL-UNNAMED (the native MPI backend needs it)");
    }

    /** Starts a JVM with our class path, as the process pool and mpirun do, and times it. */
    static Finding workerJvm() {
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) return new Finding(Status.MISSING_REQUIRED, "cannot find this JVM's java command",
                "run hhg from a JDK's bin/java");
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(java.get(), "-cp", System.getProperty("java.class.path"),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", WorkerProbe.class.getName())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String answer = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Finding(Status.MISSING_REQUIRED, "a worker JVM did not answer in 30 s", "check that java can start processes here");
            }
            String ms = String.format(Locale.ROOT, "%.0f ms", (System.nanoTime() - t0) / 1e6);
            return answer.equals(WorkerProbe.ANSWER) && p.exitValue() == 0
                    ? new Finding(Status.OK, "a worker JVM starts (" + ms + ")", null)
                    : new Finding(Status.MISSING_REQUIRED, "a worker JVM started but answered '" + answer + "'",
                    "parts 1 and 4 start JVMs: check the class path and java installation");
        } catch (Exception e) {
            return new Finding(Status.MISSING_REQUIRED, "a worker JVM cannot start: " + e.getMessage(),
                    "parts 1 and 4 start JVMs: check the java installation");
        }
    }

    /** Shared-memory files, queues and pipes of toolkit JVMs that were killed (they hold memory until removed). */
    static Finding leftovers() {
        int n = RuntimeFiles.leftovers().size();
        return n == 0 ? new Finding(Status.OK, "no shared files left by killed JVMs in " + RuntimeFiles.base(), null)
                : new Finding(Status.WARN, n + " set" + (n == 1 ? "" : "s") + " of shared files left by killed JVMs in "
                + RuntimeFiles.base(), "run hhg doctor --clean to remove them (the next toolkit run that shares memory does too)");
    }

    static Finding nativeMpi() {
        NativeMpi.Availability mpi = NativeMpi.check();
        if (mpi.usable()) return new Finding(Status.OK, "native MPI: " + mpi.detail(), null);
        return new Finding(Status.MISSING_OPTIONAL, "native MPI not usable (optional: part 4 runs on the embedded transport): "
                + mpi.detail(), "for clusters, install Open MPI (Debian: apt-get install openmpi-bin libopenmpi-dev)");
    }

    /** Jupyter, for {@code hhg notebook}: the command and its notebook server on the PATH. */
    static Finding jupyter() {
        return NotebookCommand.jupyter()
                .map(p -> new Finding(Status.OK, "Jupyter: the guide as notebooks, hhg notebook (" + p + ")", null))
                .orElseGet(() -> new Finding(Status.MISSING_OPTIONAL, "Jupyter not found (optional: the guide as notebooks, hhg notebook)",
                        "install it (Debian: apt-get install jupyter-notebook python3-nbclient python3-nbconvert)"));
    }

    static Finding tool(String name, String what, String advice) {
        Optional<Path> p = onPath(name);
        return p.isPresent() ? new Finding(Status.OK, name + ": " + what + " (" + p.get() + ")", null)
                : new Finding(Status.MISSING_OPTIONAL, name + " not found (optional: " + what + ")", advice);
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

}
