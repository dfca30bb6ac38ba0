package hitchhiker.process;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memory that several JVMs see at once: a file mapped into each of them with
 * {@code java.lang.foreign} (in {@code /dev/shm} where there is one, so it never touches a disk).
 *
 * <p>The JVM that creates it owns the file and deletes it on {@link #close}, or at exit; after a
 * crash, the next start removes it (see {@link RuntimeFiles}). Capture an instance in
 * a task or process target and it arrives in the other JVM mapped onto the same file (once per
 * JVM). Reads and writes are volatile and the update methods are atomic (hardware atomics on the
 * shared page), so counters updated from many processes add up exactly; use {@code compareAndSet}
 * for anything more.
 *
 * <p>Memory consistency effects of the shared values ({@link SharedInt}, {@link SharedLong},
 * {@link SharedDouble} and the arrays' elements): each read and write is a volatile access of the
 * shared page, in every JVM. Within a JVM, actions in a thread prior to a write (or an atomic
 * update) <i>happen-before</i> actions in another thread that follow a read of the value it wrote.
 * Across JVMs the access to the value itself is ordered the same way (hardware atomics and fences on
 * the same physical page), but only values in shared memory travel: other state must be sent too.
 */
public abstract sealed class SharedMemory implements Serializable, AutoCloseable
        permits SharedInt, SharedLong, SharedDouble, SharedIntArray, SharedLongArray, SharedDoubleArray,
        ProcessLock, ProcessRLock, ProcessSemaphore, ProcessEvent, ProcessCondition, ProcessBarrier {

    @Serial
    private static final long serialVersionUID = 1L;

    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    static final VarHandle DOUBLE = ValueLayout.JAVA_DOUBLE.varHandle();

    private static final Map<Path, SharedMemory> ATTACHED = new ConcurrentHashMap<>();

    private final Path file;
    private final long byteSize;
    private final transient boolean owner;
    private final transient Arena arena;
    /** The mapped bytes; subclasses access them through the handles above. */
    final transient MemorySegment segment;

    /** Creates and maps a new zero-filled file of {@code byteSize} bytes. */
    SharedMemory(long byteSize) {
        if (byteSize < 0) throw new IllegalArgumentException("negative size");
        this.byteSize = byteSize;
        this.owner = true;
        this.file = RuntimeFiles.newPath("shared-", ".bin");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory " + file, e);
        }
        this.arena = Arena.ofShared();
        this.segment = map(file, byteSize, arena, true);
    }

    /** Maps an existing file (another JVM's shared memory). */
    SharedMemory(Path file, long byteSize) {
        this.file = file;
        this.byteSize = byteSize;
        this.owner = false;
        this.arena = Arena.ofShared();
        this.segment = map(file, byteSize, arena, false);
    }

    /** Maps {@code byteSize} bytes of {@code file}, first sizing it (zero-filled) when {@code create}. */
    static MemorySegment map(Path file, long byteSize, Arena arena, boolean create) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long mapped = Math.max(8, byteSize);
            if (create) ch.truncate(0).write(java.nio.ByteBuffer.allocate(1), mapped - 1);
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, mapped, arena).asSlice(0, byteSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map shared memory " + file, e);
        }
    }

    /** The size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** Unmaps the memory (later use throws {@link IllegalStateException}); the owner also deletes the file. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) arena.close();
        if (owner) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort; the owner's directory goes at exit
            }
        } else {
            ATTACHED.remove(file, this);
        }
    }

    static long offset(int index, int length, int elementSize) {
        return (long) Objects.checkIndex(index, length) * elementSize;
    }

    @Serial
    Object writeReplace() {
        return new Ref(getClass().getSimpleName(), file.toString(), byteSize);
    }

    /** What travels: which kind, which file, how big. */
    private record Ref(String kind, String file, long byteSize) implements Serializable {
        @Serial
        private Object readResolve() {
            return ATTACHED.computeIfAbsent(Path.of(file), p -> switch (kind) {
                case "SharedInt" -> new SharedInt(p);
                case "SharedLong" -> new SharedLong(p);
                case "SharedDouble" -> new SharedDouble(p);
                case "SharedIntArray" -> new SharedIntArray(p, byteSize);
                case "SharedLongArray" -> new SharedLongArray(p, byteSize);
                case "SharedDoubleArray" -> new SharedDoubleArray(p, byteSize);
                case "ProcessLock" -> new ProcessLock(p);
                case "ProcessRLock" -> new ProcessRLock(p);
                case "ProcessSemaphore" -> new ProcessSemaphore(p);
                case "ProcessEvent" -> new ProcessEvent(p);
                case "ProcessCondition" -> new ProcessCondition(p);
                case "ProcessBarrier" -> new ProcessBarrier(p);
                default -> throw new IllegalStateException("unknown shared memory kind " + kind);
            });
        }
    }
}
