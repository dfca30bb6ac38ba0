package hitchhiker.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared objects served by this JVM, like Python's {@code multiprocessing.Manager()}: a
 * {@link SharedDict}, a {@link SharedList} and a {@link SharedNamespace} live here, and the copies
 * that other JVMs get (capture them in a task or process target) forward every call to this JVM
 * over a Unix domain socket in this JVM's directory of shared files. Each call is one round trip
 * (tens of microseconds), atomic with respect to other calls on the same object.
 * {@link #queue} gives a {@link ProcessQueue}, which needs no server.
 *
 * <p>{@link #close} stops serving: later calls from other JVMs throw {@link IllegalStateException}.
 */
public final class ProcessManager implements AutoCloseable {

    static final Map<String, ProcessManager> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<Integer, Object> objects = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<SocketChannel, Boolean> connections = new ConcurrentHashMap<>();
    private final List<ProcessQueue<?>> queues = new ArrayList<>();
    private volatile boolean closed;

    /** Starts serving. */
    public ProcessManager() {
        this.socket = RuntimeFiles.newPath("manager-", ".sock");
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the manager's socket " + socket, e);
        }
        IN_THIS_JVM.put(socket.toString(), this);
        Thread acceptor = new Thread(this::accept, "hhg-manager-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A new empty dictionary served by this manager. */
    public <K, V> SharedDict<K, V> dict() {
        return new SharedDict<>(register(new LinkedHashMap<>()));
    }

    /** A new empty list served by this manager. */
    public <T> SharedList<T> list() {
        return new SharedList<>(register(new ArrayList<>()));
    }

    /** A new namespace (named attributes) served by this manager. */
    public SharedNamespace namespace() {
        return new SharedNamespace(register(new LinkedHashMap<String, Object>()));
    }

    /** A new queue; closed with the manager. */
    public synchronized <T> ProcessQueue<T> queue() {
        requireOpen();
        ProcessQueue<T> q = new ProcessQueue<>();
        queues.add(q);
        return q;
    }

    /** Stops serving and closes the queues it made. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        IN_THIS_JVM.remove(socket.toString());
        try {
            server.close();
            for (SocketChannel c : connections.keySet()) c.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // best effort; the owner's directory goes at exit
        }
        for (ProcessQueue<?> q : queues) q.close();
    }

    private ManagedObject register(Object target) {
        requireOpen();
        int id = nextId.getAndIncrement();
        objects.put(id, target);
        return new ManagedObject(socket.toString(), id, ProcessHandle.current().pid());
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the manager is closed");
    }

    /** Runs one operation on a served object, here. */
    Object apply(int id, ManagedObject.Op op, Object[] args) {
        requireOpen();
        Object target = objects.get(id);
        if (target == null) throw new IllegalStateException("no managed object " + id);
        synchronized (target) {
            return op.apply(target, args);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                connections.put(ch, Boolean.TRUE);
                Thread t = new Thread(() -> serve(ch), "hhg-manager-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers one client connection: each request is an op, an object id and the encoded arguments. */
    private void serve(SocketChannel ch) {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 14));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 14));
            for (; ; ) {
                int op = in.read();
                if (op < 0) return;
                int id = in.readInt();
                byte[] args = new byte[in.readInt()];
                in.readFully(args);
                byte[] answer;
                boolean ok;
                try {
                    answer = Codec.encode(apply(id, ManagedObject.Op.values()[op], (Object[]) Codec.decode(args)), "the result");
                    ok = true;
                } catch (RuntimeException e) {
                    answer = WorkerMain.throwableBytes(e);
                    ok = false;
                }
                out.writeBoolean(ok);
                out.writeInt(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // client gone or manager closing
        } finally {
            connections.remove(ch);
        }
    }
}
