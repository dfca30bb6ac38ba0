package hitchhiker.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The main class of a worker JVM. Kept lean: it loads little beyond the JDK's I/O classes before
 * it reports ready, because pool start-up time is mostly JVM start-up time.
 *
 * <p>Mode {@code pool}: stdin carries frames from the parent (see {@link Protocol}), stdout
 * carries results back, and the task's own {@code System.out} is sent to stderr so it cannot
 * corrupt the protocol. Tasks run one at a time, in the order sent, on the main thread; each
 * result is flushed before the next task starts, so when a worker dies the parent knows exactly
 * which task was running: the oldest unanswered one.
 *
 * <p>Mode {@code once}: run one {@link SerializableRunnable} (a {@link JvmProcess}) and exit 0,
 * or 1 after printing its exception; stdout is the user's.
 *
 * <p>Either way the worker never outlives its parent: EOF on stdin ends it, and a watchdog
 * thread checks every 100 ms whether it has been re-parented (the parent died, even by kill -9,
 * while this worker was busy and not reading stdin).
 */
public final class WorkerMain {

    /** The pid of the JVM that started this one; -1 when this JVM is not a worker or child. */
    static volatile long parentPid = -1;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        parentPid = Long.parseLong(args[1]);
        watchParent(parentPid);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        if (args[0].equals("once")) {
            System.exit(runOnce(in));
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        // A task that calls System.exit must not take earlier results with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> flushQuietly(out)));
        try {
            servePool(in, out);
        } catch (EOFException e) {
            // The parent closed our stdin (pool closed) or went away.
        }
        flushQuietly(out);
        System.exit(0);
    }

    private static void servePool(DataInputStream in, DataOutputStream out) throws IOException {
        if (in.read() != Protocol.INIT) throw new IOException("protocol error: expected INIT");
        byte[] init = readBytes(in);
        if (init.length > 0) {
            try {
                ((SerializableRunnable) Codec.deserialize(init)).run();
            } catch (Throwable t) {
                out.write(Protocol.INIT_FAILED);
                writeBytes(out, throwableBytes(t));
                out.flush();
                System.exit(1);
            }
        }
        out.write(Protocol.READY);
        out.writeLong(ProcessHandle.current().pid());
        out.flush();

        Map<Integer, Object> functions = new HashMap<>();
        WireBuffer results = new WireBuffer(1 << 12);
        for (; ; ) {
            int type = in.read();
            switch (type) {
                case -1 -> {
                    return;
                }
                case Protocol.FUNCTION -> {
                    int id = in.readInt();
                    byte[] bytes = readBytes(in);
                    Object fn;
                    try {
                        fn = Codec.deserialize(bytes);
                    } catch (Throwable t) {
                        fn = t; // reported by every task that uses it
                    }
                    functions.put(id, fn);
                }
                case Protocol.TASK -> {
                    long taskId = in.readLong();
                    Object fn = functions.get(in.readInt());
                    int count = in.readInt();
                    byte[] args = readBytes(in);
                    runTask(taskId, fn, count, args, results, out);
                    out.flush();
                }
                default -> throw new IOException("protocol error: frame type " + type);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void runTask(long taskId, Object fn, int count, byte[] args, WireBuffer results,
                                DataOutputStream out) throws IOException {
        results.reset();
        int index = 0;
        try {
            if (fn instanceof Throwable t) throw t;
            SerializableFunction f = (SerializableFunction) fn;
            WireReader reader = new WireReader(args);
            for (; index < count; index++) {
                Codec.encode(results, f.apply(Codec.decode(reader)), "the task's result");
            }
        } catch (Throwable t) {
            results.reset();
            out.write(Protocol.ERROR);
            out.writeLong(taskId);
            out.writeInt(index);
            writeBytes(out, throwableBytes(t));
            if (t instanceof OutOfMemoryError) {
                // The heap may be in a bad state: leave, telling the parent the queued tasks never started.
                out.write(Protocol.RETIRE);
                out.flush();
                System.exit(Protocol.EXIT_RETIRED);
            }
            return;
        }
        out.write(Protocol.RESULT);
        out.writeLong(taskId);
        out.writeInt(results.size());
        out.write(results.array(), 0, results.size());
    }

    private static int runOnce(DataInputStream in) throws IOException {
        if (in.read() != Protocol.RUN) throw new IOException("protocol error: expected RUN");
        byte[] target = readBytes(in);
        int status;
        try {
            ((SerializableRunnable) Codec.deserialize(target)).run();
            status = 0;
        } catch (Throwable t) {
            System.err.println("Exception in process " + ProcessHandle.current().pid() + ":");
            t.printStackTrace();
            status = 1;
        }
        // As a plain main() (and Python's process bootstrap) does: threads the target started finish first.
        awaitNonDaemonThreads();
        System.out.flush();
        return status;
    }

    /** Waits until no other non-daemon thread runs. */
    static void awaitNonDaemonThreads() {
        Thread me = Thread.currentThread();
        for (; ; ) {
            Thread running = null;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t != me && t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM")) {
                    running = t;
                    break;
                }
            }
            if (running == null) return;
            try {
                running.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The exception itself if it serializes, else a faithful {@link RemoteThrowable} copy. */
    static byte[] throwableBytes(Throwable t) {
        try {
            return Codec.serialize(t, "the exception");
        } catch (RuntimeException | Error notSerializable) {
            return Codec.serialize(RemoteThrowable.copyOf(t), "the exception");
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static void flushQuietly(DataOutputStream out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // The parent is gone; nothing to tell it.
        }
    }

    /** Ends this JVM when the parent goes away, even while a task keeps the main thread busy. */
    private static void watchParent(long parentPid) {
        Thread watchdog = new Thread(() -> {
            for (; ; ) {
                long current = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (current != parentPid) Runtime.getRuntime().halt(0);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hhg-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
