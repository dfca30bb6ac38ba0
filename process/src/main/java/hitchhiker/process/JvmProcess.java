package hitchhiker.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link SerializableRunnable} in a new JVM, like Python's
 * {@code multiprocessing.Process}: {@link #start}, {@link #join}, {@link #terminate},
 * {@link #exitCode}, {@link #pid}, {@link #name}, {@link #daemon}.
 *
 * <p>The exit code is 0 when the target returns, 1 when it throws (its stack trace goes to
 * stderr), or whatever it passed to {@code System.exit}; a child ended by a signal has 128 plus
 * the signal's number (143 after {@link #terminate}, 137 after {@link #kill}), as a shell reports
 * it. As after a plain {@code main}, the child exits once the non-daemon threads that the target
 * started have finished. The child's standard output is copied to {@link #output(PrintStream)}
 * (default {@code System.out}); its standard error to ours.
 *
 * <p>When this JVM exits normally it waits for its non-daemon children and terminates its daemon
 * children, as Python does at exit; when it dies, every child exits by itself within about 100 ms.
 */
public final class JvmProcess {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Set<JvmProcess> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JvmProcess::atExit, "hhg-process-exit"));
    }

    private final byte[] target;
    private final List<String> jvmOptions = new ArrayList<>();
    private PrintStream output = System.out;
    private String name;
    private boolean daemon;
    private volatile Process process;
    private volatile Thread outputCopier;

    /** A process that will run {@code target}; serializes it now, so a bad target fails here. */
    public JvmProcess(SerializableRunnable target) {
        if (target == null) throw new IllegalArgumentException("the process target is null");
        this.target = Codec.serialize(target, "the process target");
        this.name = "JvmProcess-" + COUNT.incrementAndGet();
    }

    /** The name, {@code JvmProcess-N} unless set: for messages only, as in Python. */
    public synchronized String name() {
        return name;
    }

    /** Sets the name. */
    public synchronized JvmProcess name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Whether this JVM terminates the child at exit instead of waiting for it (default false). */
    public synchronized boolean daemon() {
        return daemon;
    }

    /** Sets the daemon flag; only before {@link #start}. */
    public synchronized JvmProcess daemon(boolean daemon) {
        requireNotStarted();
        this.daemon = daemon;
        return this;
    }

    /** The children started by this JVM that are still running (finished ones are forgotten). */
    public static List<JvmProcess> activeChildren() {
        CHILDREN.removeIf(p -> !p.isAlive());
        return List.copyOf(CHILDREN);
    }

    /**
     * The process that started this JVM, when this JVM is a {@link JvmProcess} child or a pool
     * worker; empty in a JVM started otherwise.
     */
    public static Optional<ProcessHandle> parentProcess() {
        long pid = WorkerMain.parentPid;
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid);
    }

    @Override
    public String toString() {
        Process p = process;
        String state = p == null ? "initial" : p.isAlive() ? "started" : "stopped exit code " + p.exitValue();
        return "JvmProcess[" + name() + ", " + state + (p == null ? "" : ", pid " + p.pid()) + (daemon ? ", daemon" : "") + "]";
    }

    /** Where the child's standard output goes (default {@code System.out}). */
    public JvmProcess output(PrintStream out) {
        requireNotStarted();
        this.output = Objects.requireNonNull(out, "out");
        return this;
    }

    /** Extra options for the child JVM, e.g. {@code -Xmx64m}. */
    public JvmProcess jvmOptions(String... options) {
        requireNotStarted();
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts the child JVM; returns at once. */
    public synchronized JvmProcess start() {
        requireNotStarted();
        try {
            process = new ProcessBuilder(JvmCommand.worker(jvmOptions, "once")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM: " + e.getMessage(), e);
        }
        JvmCommand.forwardErrors(process, "hhg-process-" + process.pid());
        outputCopier = new Thread(() -> copy(process.getInputStream(), output), "hhg-process-" + process.pid() + "-stdout");
        outputCopier.setDaemon(true);
        outputCopier.start();
        try (DataOutputStream in = new DataOutputStream(process.getOutputStream())) {
            in.write(Protocol.RUN);
            in.writeInt(target.length);
            in.write(target);
        } catch (IOException e) {
            // It died at once; its exit code says how.
        }
        CHILDREN.add(this);
        return this;
    }

    /** The child's process id. */
    public synchronized long pid() {
        return started().pid();
    }

    /** Whether the child is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits for the child to exit. */
    public void join() throws InterruptedException {
        started().waitFor();
        outputCopier.join();
    }

    /** Waits at most {@code timeout} for the child to exit; returns whether it did. */
    public boolean join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!started().waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) return false;
        outputCopier.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        return true;
    }

    /** The exit code once the child has exited; empty while it runs (or before it starts). */
    public synchronized OptionalInt exitCode() {
        if (process == null || process.isAlive()) return OptionalInt.empty();
        return OptionalInt.of(process.exitValue());
    }

    /** Kills the child (SIGKILL): no shutdown hooks run; {@link #join} then returns promptly. */
    public synchronized void kill() {
        started().destroyForcibly();
    }

    /** Asks the child to stop (SIGTERM): its shutdown hooks run, then it exits with 143. */
    public synchronized void terminate() {
        started().destroy();
    }

    /** At this JVM's exit: daemon children are terminated, the others awaited. */
    private static void atExit() {
        for (JvmProcess p : CHILDREN) {
            if (p.daemon && p.isAlive()) p.process.destroy();
        }
        for (JvmProcess p : CHILDREN) {
            try {
                p.process.waitFor();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Process started() {
        if (process == null) throw new IllegalStateException("the process has not been started");
        return process;
    }

    private void requireNotStarted() {
        if (process != null) throw new IllegalStateException("the process has already been started");
    }

    private static void copy(InputStream from, PrintStream to) {
        byte[] buf = new byte[8192];
        try (from) {
            int n;
            while ((n = from.read(buf)) > 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
