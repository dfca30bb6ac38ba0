package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MpiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code mpirun} for the embedded backend: starts {@code np} JVMs on this machine, each running
 * {@code hitchhiker.mpi.RankMain} with the given program, linked by one shared-memory
 * {@link Fabric}, and waits for them.
 *
 * <p><b>Output</b> of every rank reaches {@link Options#out}/{@link Options#err} whole-line
 * ({@link LinePump}), prefixed with {@code [rank]} when {@link Options#tagOutput} is set.
 *
 * <p><b>Failure.</b> When a rank exits with a non-zero status (an uncaught exception, a
 * {@code System.exit(3)}, a kill), the launcher stops the other ranks (SIGTERM, then SIGKILL
 * after a second) and returns that status, naming the rank in {@link Result#failure()}. The rank
 * named is the one whose fault it was: a rank that failed only because a peer it waited on had
 * failed or left (it says so in the shared fabric) is named only when no other rank fails within
 * {@link #BLAME_WINDOW_NANOS}. Ranks also watch the launcher and exit if it dies, so none is ever
 * orphaned; files a killed launcher leaves are removed by its ranks or by the next launch.
 */
public final class Launcher {

    private static final long KILL_AFTER_NANOS = 1_000_000_000L;
    /** How long a rank that failed because of a peer waits to be named, for the peer's own exit. */
    private static final long BLAME_WINDOW_NANOS = 1_500_000_000L;

    private Launcher() {
    }

    /**
     * How to launch.
     *
     * @param tagOutput prefix every output line with {@code [rank]}
     * @param out       where the ranks' standard output goes
     * @param err       where their standard error (and the launcher's own report) goes
     * @param jvmFlags  extra flags for every rank's JVM (e.g. {@code -Xmx1g})
     * @param classPath extra class path entries for the ranks (the program's own classes), after this JVM's
     */
    public record Options(boolean tagOutput, PrintStream out, PrintStream err, List<String> jvmFlags,
                          List<String> classPath) {

        public Options {
            jvmFlags = List.copyOf(jvmFlags);
            classPath = List.copyOf(classPath);
        }

        public Options(boolean tagOutput, PrintStream out, PrintStream err, List<String> jvmFlags) {
            this(tagOutput, out, err, jvmFlags, List.of());
        }

        /** Untagged output to this process's own stdout/stderr. */
        public static Options defaults() {
            return new Options(false, System.out, System.err, List.of(), List.of());
        }

        public Options withOutput(PrintStream newOut, PrintStream newErr) {
            return new Options(tagOutput, newOut, newErr, jvmFlags, classPath);
        }
    }

    /**
     * How a launch ended.
     *
     * @param exitStatus    0 when every rank exited with 0; else the first failing rank's status
     * @param failure       "rank 2 exited with status 137 (killed by signal 9)", or null
     * @param result        what rank 0's {@code RankProgram} returned (null for a plain main)
     * @param launchSeconds from starting the first JVM until every rank had joined the world
     * @param totalSeconds  from starting the first JVM until the last one exited
     */
    public record Result(int exitStatus, String failure, Object result, double launchSeconds, double totalSeconds) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /** Launches and returns the exit status (what {@code hhg mpirun} exits with). */
    public static int launch(int np, String mainClass, List<String> args, Options options) {
        Result r = run(np, mainClass, args, options);
        if (r.failure() != null) options.err().println("hhg mpirun: " + r.failure());
        return r.exitStatus();
    }

    /**
     * Launches {@code np} ranks of {@code mainClass} (a class with {@code main(String[])} or a
     * {@code hitchhiker.mpi.RankProgram}) and waits for them all.
     *
     * @throws IllegalArgumentException for {@code np < 1} or a class that is not on the class path
     */
    public static Result run(int np, String mainClass, List<String> args, Options options) {
        if (np < 1) throw new IllegalArgumentException("-np must be at least 1, not " + np);
        if (np > 256) throw new IllegalArgumentException("-np " + np + " is more than this launcher runs on one machine (256)");
        requireClass(mainClass, options.classPath());
        Fabric.sweep();
        Path fabricFile = Fabric.create(np);
        Path resultFile;
        try {
            resultFile = Files.createTempFile(Fabric.filePrefix(), ".result");
        } catch (IOException e) {
            EmbeddedBackend.deleteQuietly(fabricFile);
            throw new MpiException("cannot create the result file: " + e.getMessage(), e);
        }
        List<Process> ranks = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        // Ctrl-C, SIGTERM or a gone parent (exitWhenGone): no rank and no file outlives the launcher.
        Thread stopOnExit = new Thread(() -> {
            ranks.forEach(Process::destroyForcibly);
            EmbeddedBackend.deleteQuietly(fabricFile);
            EmbeddedBackend.deleteQuietly(resultFile);
        }, "hhg-mpirun-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long start = System.nanoTime();
        try {
            Fabric watch = Fabric.observe(fabricFile);
            LinkedBlockingQueue<Integer> exited = new LinkedBlockingQueue<>();
            for (int r = 0; r < np; r++) {
                ProcessBuilder pb = LaunchEnv.rankProcess(RankCommand.forRank(mainClass, args, options.jvmFlags(), options.classPath()),
                        r, np, fabricFile);
                if (r == 0) pb.environment().put(LaunchEnv.RESULT, resultFile.toString());
                Process p = pb.start();
                ranks.add(p);
                String prefix = options.tagOutput() ? "[" + r + "] " : null;
                pumps.add(new LinePump(p.getInputStream(), options.out(), prefix, "hhg-rank-out-" + r));
                pumps.add(new LinePump(p.getErrorStream(), options.err(), prefix, "hhg-rank-err-" + r));
                int rank = r;
                p.onExit().thenRun(() -> exited.add(rank));
            }
            pumps.forEach(Thread::start);

            double launchSeconds = Double.NaN;
            String failure = null;
            int status = 0;
            int remaining = np;
            int secondary = -1;      // the first rank that failed because of a peer, named if no other fails
            long blameBy = 0;
            while (remaining > 0) {
                // Every 5 ms until the ranks have joined (the launch time is measured by it), then
                // rarely: the ranks have only two cores between them on a small machine, and a
                // launcher waking 200 times a second takes one from a rank waiting for a message.
                Integer r = exited.poll(Double.isNaN(launchSeconds) ? 5 : 100, TimeUnit.MILLISECONDS);
                if (Double.isNaN(launchSeconds) && allJoined(watch, np)) {
                    launchSeconds = seconds(start);
                    // Every rank has it mapped: unlink it now, so even a killed launcher leaks no file.
                    EmbeddedBackend.deleteQuietly(fabricFile);
                }
                int blamed = -1;
                if (r != null) {
                    remaining--;
                    if (ranks.get(r).exitValue() != 0 && failure == null) {
                        if (watch.fault(r) != Fabric.PEER_FAULT) {
                            blamed = r;
                        } else if (secondary < 0) {
                            secondary = r;
                            blameBy = System.nanoTime() + BLAME_WINDOW_NANOS;
                        }
                    }
                }
                if (blamed < 0 && failure == null && secondary >= 0 && (remaining == 0 || System.nanoTime() > blameBy)) {
                    blamed = secondary;
                }
                if (blamed >= 0) {
                    int code = ranks.get(blamed).exitValue();
                    status = code;
                    failure = "rank " + blamed + " exited with status " + code + describeSignal(code)
                            + (np > 1 ? "; stopped the other " + (np - 1) + " rank" + (np > 2 ? "s" : "") : "");
                    stopAll(ranks);
                }
            }
            double total = seconds(start);
            for (Thread t : pumps) t.join(2000);
            Object result = status == 0 ? readResult(resultFile) : null;
            return new Result(status, failure, result, launchSeconds, total);
        } catch (IOException e) {
            throw new MpiException("cannot start the ranks: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpiException("interrupted while waiting for the ranks", e);
        } finally {
            ranks.forEach(Process::destroyForcibly);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            EmbeddedBackend.deleteQuietly(fabricFile);
            EmbeddedBackend.deleteQuietly(resultFile);
        }
    }

    /**
     * Makes this process exit (stopping its ranks and removing its files, as on Ctrl-C) when
     * process {@code pid} is gone: the {@code hhg} script passes its own pid, so that killing the
     * script with SIGKILL, which it cannot forward, still ends the launcher and its ranks.
     */
    public static void exitWhenGone(long pid) {
        ParentWatch.start(pid, () -> {
            System.err.println("hhg mpirun: the process that started it (" + pid + ") is gone; stopping the ranks");
            System.exit(129);
        });
    }

    private static void requireClass(String mainClass, List<String> classPath) {
        try {
            java.net.URL[] urls = new java.net.URL[classPath.size()];
            for (int i = 0; i < urls.length; i++) urls[i] = Path.of(classPath.get(i)).toUri().toURL();
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls, Launcher.class.getClassLoader())) {
                Class.forName(mainClass, false, loader);
            }
        } catch (ClassNotFoundException | LinkageError | IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("no class '" + mainClass + "' on the class path"
                    + (classPath.isEmpty() ? "" : " (with " + String.join(java.io.File.pathSeparator, classPath) + ")"));
        }
    }

    private static boolean allJoined(Fabric watch, int np) {
        for (int r = 0; r < np; r++) if (watch.state(r) == Fabric.ABSENT) return false;
        return true;
    }

    // SIGTERM first (shutdown hooks run, output is flushed), SIGKILL for whoever is left after a second.
    private static void stopAll(List<Process> ranks) {
        ranks.forEach(Process::destroy);
        Thread killer = new Thread(() -> {
            long deadline = System.nanoTime() + KILL_AFTER_NANOS;
            for (Process p : ranks) {
                long left = deadline - System.nanoTime();
                try {
                    if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) p.destroyForcibly();
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }, "hhg-mpirun-kill");
        killer.setDaemon(true);
        killer.start();
    }

    private static String describeSignal(int code) {
        if (code <= 128 || code > 128 + 64) return "";
        int signal = code - 128;
        String name = switch (signal) {
            case 6 -> ", SIGABRT";
            case 9 -> ", SIGKILL";
            case 11 -> ", SIGSEGV";
            case 15 -> ", SIGTERM";
            default -> "";
        };
        return " (killed by signal " + signal + name + ")";
    }

    private static Object readResult(Path file) {
        try {
            if (Files.size(file) == 0) return null;
            try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
                return ois.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new MpiException("cannot read rank 0's result: " + e, e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
