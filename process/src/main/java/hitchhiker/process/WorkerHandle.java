package hitchhiker.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parent's side of one worker JVM: its process, its pipes, and the tasks sent to it.
 *
 * <p>Tasks are assigned under the pool's lock (appended to {@link #sent} and {@link #outbox} in the
 * same order) and written by whichever thread gets the write lock first; that thread drains the
 * outbox, so writes keep assignment order and a thread that finds the lock taken can leave,
 * knowing its tasks will go out. The pool never lets more unanswered bytes sit in a pipe than the
 * pipe holds (unless the worker is idle and reading), so a write never blocks for long and the
 * reader thread, which also pumps, cannot deadlock with a worker blocked writing its results.
 */
final class WorkerHandle {

    enum State { STARTING, READY, RETIRING, GONE }

    final int index;
    final Process process;
    final DataOutputStream out;
    final DataInputStream in;
    final ConcurrentLinkedQueue<Task> outbox = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock();

    // Guarded by the pool's lock.
    final ArrayDeque<Task> sent = new ArrayDeque<>();
    final Set<Integer> functions = new HashSet<>();
    State state = State.STARTING;
    long unansweredBytes;
    long tasksAssigned;
    long serviceNanos = 1_000_000;
    long lastResultNanos;
    /** Set when the worker said that none of its queued tasks had started (it retired itself). */
    boolean retiredItself;
    /** Set when we asked it to stop: its exit fails nothing. */
    boolean stopRequested;

    WorkerHandle(int index, Process process) {
        this.index = index;
        this.process = process;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return "worker " + index + " (pid " + process.pid() + ")";
    }

    /** Tasks to keep queued at this worker: about a millisecond of work, at least two. */
    int window() {
        return (int) Math.max(2, Math.min(512, 1_000_000 / Math.max(1, serviceNanos)));
    }

    /** Folds one observed service time into the running estimate. */
    void observe(long nanos) {
        serviceNanos += (nanos - serviceNanos) / 8;
    }

    /** Writes every task in the outbox, unless another thread is already doing so. */
    void pump() {
        while (!outbox.isEmpty() && writeLock.tryLock()) {
            try {
                Task t;
                while ((t = outbox.poll()) != null) {
                    if (t.sendFunction) {
                        out.write(Protocol.FUNCTION);
                        out.writeInt(t.function.id());
                        out.writeInt(t.function.bytes().length);
                        out.write(t.function.bytes());
                    }
                    out.write(Protocol.TASK);
                    out.writeLong(t.id);
                    out.writeInt(t.function.id());
                    out.writeInt(t.count);
                    out.writeInt(t.args.length);
                    out.write(t.args);
                }
                out.flush();
            } catch (IOException e) {
                // The worker is gone; its reader sees EOF and hands its tasks on.
                outbox.clear();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Writes the first frame: the initializer, or an empty one. */
    void sendInit(byte[] initializer) throws IOException {
        writeLock.lock();
        try {
            out.write(Protocol.INIT);
            out.writeInt(initializer.length);
            out.write(initializer);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Asks the worker to finish: closing its stdin makes it exit 0 after its queued tasks. */
    void closeInput() {
        writeLock.lock();
        try {
            out.close();
        } catch (IOException ignored) {
            // already gone
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits for the process to end, killing it if it does not within the grace period. */
    int awaitExit(long graceMillis) {
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
