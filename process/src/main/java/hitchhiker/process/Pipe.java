package hitchhiker.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A two-way channel between two JVMs, like Python's {@code multiprocessing.Pipe()}: two
 * {@link Connection}s, each of which sends to and receives from the other. Keep one end and send
 * the other to a child (capture it in the child's target):
 *
 * <pre>{@code
 * Pipe pipe = Pipe.open();
 * Connection child = pipe.second();
 * new JvmProcess(() -> child.send("hello")).start();
 * String greeting = pipe.first().recv();
 * }</pre>
 *
 * <p>Each direction is a ring of shared memory (see {@link SharedRing}); values larger than it
 * stream through. The memory is freed when both ends are closed in this JVM, or when it exits.
 *
 * @param first  one end
 * @param second the other end
 */
public record Pipe(Connection first, Connection second) implements AutoCloseable {

    /** Bytes of each direction's ring, as much as a Linux pipe holds. */
    static final long RING_BYTES = 1 << 16;
    private static final long USERS = 64;

    /** Opens a new pipe owned by this JVM. */
    public static Pipe open() {
        Path file = RuntimeFiles.newPath("pipe-", ".ring");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pipe's shared memory " + file, e);
        }
        MemorySegment all = SharedMemory.map(file, bytes(), Arena.ofAuto(), true);
        SharedRing.create(ring(all, 0), RING_BYTES, 0);
        SharedRing.create(ring(all, 1), RING_BYTES, 0);
        AtomicInteger open = new AtomicInteger(2);
        Runnable onClose = () -> {
            if (open.decrementAndGet() == 0) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort; the owner's directory goes at exit
                }
            }
        };
        Connection a = new Connection(file, 0, all.asSlice(0, USERS), ring(all, 0), ring(all, 1), onClose);
        Connection b = new Connection(file, 1, all.asSlice(0, USERS), ring(all, 0), ring(all, 1), onClose);
        a.claim();
        b.claim();
        return new Pipe(a, b);
    }

    /** Maps one end of an existing pipe (another JVM's). */
    static Connection attach(Path file, int end) {
        MemorySegment all;
        try {
            all = SharedMemory.map(file, bytes(), Arena.ofAuto(), false);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("the pipe " + file + " is gone: both ends were closed or its owner exited", e);
        }
        return new Connection(file, end, all.asSlice(0, USERS), ring(all, 0), ring(all, 1), null);
    }

    private static long bytes() {
        return USERS + 2 * SharedRing.bytesFor(RING_BYTES);
    }

    private static MemorySegment ring(MemorySegment all, int which) {
        long size = SharedRing.bytesFor(RING_BYTES);
        return all.asSlice(USERS + which * size, size);
    }

    /** Closes both ends in this JVM. */
    @Override
    public void close() {
        first.close();
        second.close();
    }
}
