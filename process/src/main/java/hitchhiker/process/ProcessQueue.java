package hitchhiker.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A FIFO queue shared by several JVMs, like Python's {@code multiprocessing.Queue}: any number of
 * producers and consumers in the creating JVM and in the workers or processes it starts.
 *
 * <p>The JVM that creates the queue owns it: the items live in a {@link LinkedBlockingQueue} of
 * encoded bytes there, and a thread serves other JVMs over a Unix domain socket. Pass the queue to
 * another JVM by capturing it in a task or process target; it arrives as a client of the same
 * queue. A client's {@code get} with a timeout is one request and one answer: the owner waits, so
 * no polling. Items are encoded as task arguments are (so they must be serializable).
 *
 * <p>Each remote operation costs a socket round trip (tens of microseconds), so a queue suits
 * tasks that are long compared to that; for many tiny items use a {@link ProcessPool} with chunks.
 *
 * @param <T> the item type
 */
public final class ProcessQueue<T> implements Serializable, AutoCloseable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final byte PUT = 1, GET = 2, SIZE = 3;
    private static final byte OK = 0, TIMED_OUT = 1;
    private static final Map<Path, ProcessQueue<?>> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Path socket;
    private final transient LinkedBlockingQueue<byte[]> items; // the owner's; null in a client
    private final transient ServerSocketChannel server;
    private final transient ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final transient Map<SocketChannel, Thread> served = new ConcurrentHashMap<>();
    private transient volatile boolean closed;

    /** An unbounded queue owned by this JVM. */
    public ProcessQueue() {
        this(0);
    }

    /** A queue owned by this JVM that holds at most {@code capacity} items (0: unbounded). */
    public ProcessQueue(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("queue capacity must be 0 (unbounded) or more, not " + capacity);
        this.items = new LinkedBlockingQueue<>(capacity == 0 ? Integer.MAX_VALUE : capacity);
        this.socket = Path.of(System.getProperty("java.io.tmpdir"), "hhg-queue-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".sock");
        try {
            this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the queue's socket " + socket, e);
        }
        socket.toFile().deleteOnExit();
        IN_THIS_JVM.put(socket, this);
        Thread acceptor = new Thread(this::accept, "hhg-queue-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private ProcessQueue(Path socket) {
        this.socket = socket;
        this.items = null;
        this.server = null;
    }

    /** Adds an item, waiting while the queue is full. */
    public void put(T item) throws InterruptedException {
        try {
            put(item, null);
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Adds an item, waiting at most {@code timeout} while the queue is full. */
    public void put(T item, Duration timeout) throws InterruptedException, TimeoutException {
        byte[] bytes = Codec.encode(item, "the queue item");
        long nanos = nanos(timeout);
        if (items != null) {
            requireOpen();
            offer(bytes, nanos);
        } else if (call(PUT, nanos, bytes) == null) {
            throw new TimeoutException("queue still full after " + timeout);
        }
    }

    /** Removes and returns the oldest item, waiting until there is one. */
    public T get() throws InterruptedException {
        try {
            return get(null);
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Removes and returns the oldest item, waiting at most {@code timeout}. */
    @SuppressWarnings("unchecked")
    public T get(Duration timeout) throws InterruptedException, TimeoutException {
        long nanos = nanos(timeout);
        byte[] bytes;
        if (items != null) {
            requireOpen();
            bytes = poll(nanos);
        } else {
            bytes = call(GET, nanos, null);
        }
        if (bytes == null) throw new TimeoutException("queue still empty after " + timeout);
        return (T) Codec.decode(bytes);
    }

    /** The number of items now in the queue (a snapshot). */
    public int size() {
        if (items != null) return items.size();
        try {
            byte[] answer = call(SIZE, -1, null);
            return (int) WireBuffer.INT.get(answer, 0);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes this end: the owner stops serving and deletes the socket, and every {@code get} or
     * {@code put}, here or in other JVMs, waiting or later, throws {@link IllegalStateException};
     * a client just closes its connections.
     */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) c.close();
        if (server != null) {
            IN_THIS_JVM.remove(socket);
            try {
                server.close();
                for (var e : served.entrySet()) {
                    e.getKey().close();
                    e.getValue().interrupt(); // it may be waiting for an item
                }
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    // ---- owner side ----

    private void offer(byte[] bytes, long nanos) throws InterruptedException, TimeoutException {
        if (nanos < 0) items.put(bytes);
        else if (!items.offer(bytes, nanos, TimeUnit.NANOSECONDS)) throw new TimeoutException("queue still full");
    }

    /**
     * Waits in slices of at most 100 ms, so a consumer blocked here learns within that time that
     * the queue was closed instead of waiting forever.
     */
    private byte[] poll(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (; ; ) {
            requireOpen();
            long left = nanos < 0 ? CLOSE_CHECK_NANOS : Math.min(CLOSE_CHECK_NANOS, deadline - System.nanoTime());
            byte[] item = items.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (item != null || (nanos >= 0 && deadline - System.nanoTime() <= 0)) return item;
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                Thread t = new Thread(() -> serve(ch), "hhg-queue-connection");
                t.setDaemon(true);
                served.put(ch, t);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers one client connection's requests, one at a time, until it closes. */
    private void serve(SocketChannel ch) {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 14));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 14));
            for (; ; ) {
                int op = in.read();
                if (op < 0 || closed) return;
                long nanos = in.readLong();
                byte[] item = new byte[in.readInt()];
                in.readFully(item);
                switch (op) {
                    case PUT -> {
                        try {
                            offer(item, nanos);
                            out.write(OK);
                        } catch (TimeoutException e) {
                            out.write(TIMED_OUT);
                        }
                        out.writeInt(0);
                    }
                    case GET -> {
                        byte[] got = poll(nanos);
                        if (got == null) {
                            out.write(TIMED_OUT);
                            out.writeInt(0);
                        } else {
                            out.write(OK);
                            out.writeInt(got.length);
                            out.write(got);
                        }
                    }
                    case SIZE -> {
                        out.write(OK);
                        out.writeInt(4);
                        out.writeInt(items.size());
                    }
                    default -> {
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // client gone or owner closing
        } finally {
            served.remove(ch);
        }
    }

    // ---- client side ----

    /** One request and its answer: the answer's bytes, or null for a timeout. */
    private byte[] call(byte op, long nanos, byte[] item) throws InterruptedException, TimeoutException {
        requireOpen();
        Connection c = idle.poll();
        try {
            if (c == null) c = new Connection(socket);
            c.out.write(op);
            c.out.writeLong(nanos);
            byte[] body = item == null ? new byte[0] : item;
            c.out.writeInt(body.length);
            c.out.write(body);
            c.out.flush();
            int status = c.in.read();
            if (status < 0) throw new IOException("end of stream");
            byte[] answer = new byte[c.in.readInt()];
            c.in.readFully(answer);
            idle.add(c);
            return status == OK ? answer : null;
        } catch (IOException e) {
            if (c != null) c.close();
            if (Thread.interrupted()) throw new InterruptedException();
            throw new IllegalStateException("the queue's owner closed it or went away (" + socket + ")", e);
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the queue is closed");
    }

    private static long nanos(Duration timeout) {
        return timeout == null ? -1 : Math.max(0, timeout.toNanos());
    }

    @Serial
    private Object writeReplace() {
        return new Ref(socket.toString());
    }

    /** What travels: the socket's path. */
    private record Ref(String socket) implements Serializable {
        @Serial
        private Object readResolve() {
            Path p = Path.of(socket);
            ProcessQueue<?> q = IN_THIS_JVM.get(p);
            if (q == null) q = IN_THIS_JVM.computeIfAbsent(p, ProcessQueue::new);
            return q;
        }
    }

    /** A client's connection to the owner. */
    private static final class Connection {
        final SocketChannel channel;
        final DataInputStream in;
        final DataOutputStream out;

        Connection(Path socket) throws IOException {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 14));
            out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 14));
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
