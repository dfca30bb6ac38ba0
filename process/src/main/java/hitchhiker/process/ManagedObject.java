package hitchhiker.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The handle of one object served by a {@link ProcessManager}: which manager, which object. In
 * the manager's JVM a call runs directly; elsewhere it is a request over the manager's socket.
 */
final class ManagedObject implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What a client may do to a served map or list. */
    @SuppressWarnings("unchecked")
    enum Op {
        GET {
            Object apply(Object t, Object[] a) {
                return ((Map<Object, Object>) t).get(a[0]);
            }
        },
        PUT {
            Object apply(Object t, Object[] a) {
                return ((Map<Object, Object>) t).put(a[0], a[1]);
            }
        },
        REMOVE {
            Object apply(Object t, Object[] a) {
                return ((Map<Object, Object>) t).remove(a[0]);
            }
        },
        CONTAINS {
            Object apply(Object t, Object[] a) {
                return ((Map<Object, Object>) t).containsKey(a[0]);
            }
        },
        SIZE {
            Object apply(Object t, Object[] a) {
                return t instanceof Map<?, ?> m ? m.size() : ((List<?>) t).size();
            }
        },
        COPY {
            Object apply(Object t, Object[] a) {
                return t instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : new ArrayList<>((List<?>) t);
            }
        },
        CLEAR {
            Object apply(Object t, Object[] a) {
                if (t instanceof Map<?, ?> m) m.clear();
                else ((List<?>) t).clear();
                return null;
            }
        },
        MERGE_ADD {
            Object apply(Object t, Object[] a) {
                // An atomic read-modify-write for counters: map[key] += delta.
                return ((Map<Object, Object>) t).merge(a[0], a[1], (x, y) -> add((Number) x, (Number) y));
            }
        },
        APPEND {
            Object apply(Object t, Object[] a) {
                return ((List<Object>) t).add(a[0]);
            }
        },
        GET_AT {
            Object apply(Object t, Object[] a) {
                return ((List<Object>) t).get((Integer) a[0]);
            }
        },
        SET_AT {
            Object apply(Object t, Object[] a) {
                return ((List<Object>) t).set((Integer) a[0], a[1]);
            }
        },
        REMOVE_AT {
            Object apply(Object t, Object[] a) {
                return ((List<Object>) t).remove((int) (Integer) a[0]);
            }
        };

        abstract Object apply(Object target, Object[] args);

        private static Number add(Number x, Number y) {
            if (x instanceof Double || y instanceof Double) return x.doubleValue() + y.doubleValue();
            if (x instanceof Long || y instanceof Long) return x.longValue() + y.longValue();
            return x.intValue() + y.intValue();
        }
    }

    private static final Map<String, ConcurrentLinkedQueue<Connection>> IDLE = new ConcurrentHashMap<>();

    private final String socket;
    private final int id;
    private final long ownerPid;

    ManagedObject(String socket, int id, long ownerPid) {
        this.socket = socket;
        this.id = id;
        this.ownerPid = ownerPid;
    }

    /** Runs {@code op} on the served object and returns its result, or throws what it threw. */
    Object call(Op op, Object... args) {
        ProcessManager here = ProcessManager.IN_THIS_JVM.get(socket);
        if (here != null) return here.apply(id, op, args);
        if (ownerPid == Backoff.PID) throw new IllegalStateException("the manager is closed");
        ConcurrentLinkedQueue<Connection> idle = IDLE.computeIfAbsent(socket, k -> new ConcurrentLinkedQueue<>());
        Connection c = idle.poll();
        try {
            if (c == null) c = new Connection(Path.of(socket));
            byte[] body = Codec.encode(args, "the arguments");
            c.out.write(op.ordinal());
            c.out.writeInt(id);
            c.out.writeInt(body.length);
            c.out.write(body);
            c.out.flush();
            boolean ok = c.in.readBoolean();
            byte[] answer = new byte[c.in.readInt()];
            c.in.readFully(answer);
            idle.add(c);
            if (ok) return Codec.decode(answer);
            Throwable t = (Throwable) Codec.deserialize(answer);
            if (t instanceof RuntimeException r) throw r;
            throw new IllegalStateException(t);
        } catch (IOException e) {
            if (c != null) c.close();
            throw new IllegalStateException("the manager (pid " + ownerPid + ") closed or went away", e);
        }
    }

    /** A client's connection to the manager. */
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
