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
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link SerializableRunnable} in a new JVM, like Python's
 * {@code multiprocessing.Process}: {@link #start}, {@link #join}, {@link #exitCode}, {@link #pid}.
 *
 * <p>The exit code is 0 when the target returns, 1 when it throws (its stack trace goes to
 * stderr), or whatever it passed to {@code System.exit}. The child's standard output is copied to
 * {@link #output(PrintStream)} (default {@code System.out}); its standard error to ours. Like a pool
 * worker, the child exits by itself if this JVM goes away.
 */
public final class JvmProcess {

    private final byte[] target;
    private final List<String> jvmOptions = new ArrayList<>();
    private PrintStream output = System.out;
    private volatile Process process;
    private volatile Thread outputCopier;

    /** A process that will run {@code target}; serializes it now, so a bad target fails here. */
    public JvmProcess(SerializableRunnable target) {
        if (target == null) throw new IllegalArgumentException("the process target is null");
        this.target = Codec.serialize(target, "the process target");
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
            process = new ProcessBuilder(JvmCommand.of(jvmOptions, "once")).start();
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

    /** Kills the child (SIGKILL); {@link #join} then returns promptly. */
    public synchronized void kill() {
        started().destroyForcibly();
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
