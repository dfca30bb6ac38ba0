package hitchhiker.process;

import java.io.EOFException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One end of a {@link Pipe}, like Python's {@code multiprocessing.connection.Connection}: it
 * {@link #send}s values to the other end and {@link #recv}s what the other end sent, in order.
 * Send it to another JVM by capturing it in a task or process target; it arrives mapped onto the
 * same shared memory, and from then on that JVM is this end's user.
 *
 * <p>{@link #recv} throws {@link EOFException} when nothing is left to receive and the other end
 * was closed, or its user process died; {@link #send} to a closed other end throws
 * {@link IllegalStateException}.
 */
public final class Connection implements Serializable, AutoCloseable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final Map<String, Connection> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final int end;
    private final transient MemorySegment users;
    private final transient SharedRing outgoing;
    private final transient SharedRing incoming;
    private final transient Runnable onClose;
    private transient volatile boolean closed;

    Connection(Path file, int end, MemorySegment users, MemorySegment ring0, MemorySegment ring1, Runnable onClose) {
        this.file = file;
        this.end = end;
        this.users = users;
        this.outgoing = new SharedRing(end == 0 ? ring0 : ring1, () -> false);
        this.incoming = new SharedRing(end == 0 ? ring1 : ring0, this::peerGone);
        this.onClose = onClose;
    }

    /** Sends a value (encoded as task arguments are), waiting while the pipe is full. */
    public void send(Object value) throws InterruptedException {
        requireOpen();
        try {
            outgoing.offer(Codec.encode(value, "the value sent"), -1);
        } catch (SharedRing.ClosedException e) {
            throw e.bit == SharedRing.NO_TAKES ? new IllegalStateException("the other end of the pipe is closed")
                    : new IllegalStateException("the connection is closed");
        }
    }

    /** Receives the next value, waiting until there is one; {@link EOFException} when none will come. */
    @SuppressWarnings("unchecked")
    public <T> T recv() throws InterruptedException, EOFException {
        requireOpen();
        byte[] bytes;
        try {
            bytes = incoming.poll(-1);
        } catch (SharedRing.ClosedException e) {
            throw new IllegalStateException("the connection is closed");
        }
        if (bytes == SharedRing.END) throw new EOFException("the other end of the pipe was closed and nothing is left to receive");
        return (T) Codec.decode(bytes);
    }

    /** Whether {@link #recv} would return (or throw) without waiting. */
    public boolean poll() throws InterruptedException {
        return poll(Duration.ZERO);
    }

    /** Waits at most {@code timeout} until {@link #recv} would return (or throw) without waiting. */
    public boolean poll(Duration timeout) throws InterruptedException {
        requireOpen();
        try {
            return incoming.awaitReadable(ProcessQueue.nanos(timeout));
        } catch (SharedRing.ClosedException e) {
            throw new IllegalStateException("the connection is closed");
        }
    }

    /** Closes this end: the other end's {@link #recv} gets {@link EOFException} once it has read what was sent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // Refuse the other end's sends before it can see our end-of-stream: a reply it sends on
        // that EOF must fail, not vanish into a ring nobody reads.
        incoming.close(SharedRing.NO_TAKES);
        outgoing.close(SharedRing.NO_PUTS);
        if (onClose != null) onClose.run();
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the connection is closed");
    }

    /** Whether the process using the other end has died. */
    private boolean peerGone() {
        long pid = (long) LONG.getVolatile(users, (long) (1 - end) * Long.BYTES);
        return pid != 0 && !RuntimeFiles.ownerRunning(pid, null);
    }

    /** Records this JVM as the user of this end. */
    void claim() {
        LONG.setVolatile(users, (long) end * Long.BYTES, ProcessHandle.current().pid());
    }

    @Serial
    private Object writeReplace() {
        return new Ref(file.toString(), end);
    }

    /** What travels: the pipe's shared memory and which end. */
    private record Ref(String file, int end) implements Serializable {
        @Serial
        private Object readResolve() {
            return IN_THIS_JVM.computeIfAbsent(file + "#" + end, k -> {
                Connection c = Pipe.attach(Path.of(file), end);
                c.claim();
                return c;
            });
        }
    }
}
