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
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parent's side of one worker JVM: its process, its pipes, and the tasks sent to it.
 *
 * <p>Tasks are assigned under the pool's lock (appended to {@link #sent} and {@link #outbox} in the
 * same order) and written by whichever thread gets the write lock first; that thread drains the
 * outbox, so writes keep assignment order and a thread that finds the lock taken can leave,
 * knowing its tasks will go out. Submitters and reader threads write only tasks that surely fit
 * in the pipe (the bytes the worker has not yet answered fit in it, or the worker is idle and
 * reading); bigger ones go to the worker's own writer thread, which may block. So a reader never
 * blocks on a write, and a worker blocked writing its results can never deadlock with us.
 */
final class WorkerHandle {

    enum State { STARTING, READY, RETIRING, GONE }

    final int index;
    final Process process;
    final DataOutputStream out;
    final DataInputStream in;
    final ConcurrentLinkedQueue<Task> outbox = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Thread writer;

    // Guarded by the pool's lock.
    final ArrayDeque<Task> sent = new ArrayDeque<>();
    final Set<Integer> functions = new HashSet<>();
    volatile State state = State.STARTING;
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
        this.writer = new Thread(this::writeLoop, "hhg-worker-" + index + "-writer");
        writer.setDaemon(true);
        writer.start();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return "worker " + index + " (pid " + process.pid() + ")";
    }

    /**
     * Tasks to keep sent to this worker: about two milliseconds of work. Tiny tasks are pipelined
     * (up to 512 at a time) so the worker never waits for the next one; tasks of 2 ms or more go
     * one at a time, since the wait between them (tens of microseconds) costs less than a task
     * queued behind a busy worker while another worker has run out of work.
     */
    int window() {
        return (int) Math.max(1, Math.min(512, 2_000_000 / Math.max(1, serviceNanos)));
    }

    /** Folds one observed service time into the running estimate. */
    void observe(long nanos) {
        serviceNanos += (nanos - serviceNanos) / 8;
    }

    /**
     * Writes the tasks in the outbox, unless another thread is already doing so. A task that
     * might not fit in the pipe is left to this worker's writer thread, so the calling thread
     * (a submitter, or a reader that must keep reading results) never blocks on a full pipe.
     */
    void pump() {
        while (!outbox.isEmpty() && writeLock.tryLock()) {
            boolean handOff = false;
            try {
                Task t;
                while ((t = outbox.peek()) != null) {
                    if (!t.fitsInPipe) {
                        handOff = true;
                        break;
                    }
                    write(outbox.poll());
                }
                out.flush();
            } catch (IOException e) {
                outbox.clear(); // the worker is gone; its reader sees EOF and hands its tasks on
            } finally {
                writeLock.unlock();
            }
            if (handOff) {
                LockSupport.unpark(writer);
                return;
            }
        }
    }

    /** The writer thread: writes whatever is in the outbox, blocking on the pipe if it must. */
    private void writeLoop() {
        while (state != State.GONE) {
            if (outbox.isEmpty()) {
                LockSupport.park(this);
                continue;
            }
            writeLock.lock();
            try {
                Task t;
                while ((t = outbox.poll()) != null) write(t);
                out.flush();
            } catch (IOException e) {
                outbox.clear();
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void write(Task t) throws IOException {
        if (t.sendFunction) Protocol.writeFunction(out, t.function.id(), t.function.bytes());
        Protocol.writeTask(out, t.id, t.function.id(), t.count, t.args);
    }

    /** Lets the writer thread end once the worker is gone. */
    void release() {
        LockSupport.unpark(writer);
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
