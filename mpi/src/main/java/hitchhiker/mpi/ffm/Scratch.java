package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-thread native memory for out-parameters (a status, a handle, a flag) and a staging buffer
 * for heap data that must not be handed to MPI directly, so that the hot paths allocate nothing.
 * A thread's scratch is freed by the GC when the thread ends.
 */
final class Scratch {

    /** Staging buffers up to this size are kept for reuse; bigger ones are dropped after use. */
    private static final long KEEP_STAGING = 64L << 20;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    final MemorySegment status;
    final MemorySegment handle;
    final MemorySegment message;
    final MemorySegment flag;
    /** For small heap messages: {@link NativeChannel#SMALL_BYTES} bytes. */
    final MemorySegment small;
    private MemorySegment staging;

    private Scratch() {
        // The global arena: a segment of a shared (automatic) arena makes every downcall that
        // takes it acquire and release its scope, atomically, which costs tens of nanoseconds on
        // an 8-byte ping-pong. These few hundred bytes per MPI-calling thread live as long as it.
        Arena arena = Arena.global();
        status = arena.allocate(LibMpi.ABI.statusSize(), 8);
        handle = arena.allocate(ValueLayout.JAVA_LONG);
        message = arena.allocate(ValueLayout.JAVA_LONG);
        flag = arena.allocate(ValueLayout.JAVA_INT);
        small = arena.allocate(NativeChannel.SMALL_BYTES, 64);
        staging = arena.allocate(4096, 64);
    }

    /**
     * The last thread's scratch, checked before the thread-local map: most programs call MPI from
     * one thread, and this saves the map lookup on every message. Racy on purpose — a reader sees
     * either a complete Scratch (final fields) or another thread's, which the owner check rejects.
     */
    private static Scratch last;

    private final Thread owner = Thread.currentThread();

    /** This thread's scratch. */
    static Scratch get() {
        Scratch s = last;
        if (s != null && s.owner == Thread.currentThread()) return s;
        s = CURRENT.get();
        last = s;
        return s;
    }

    /** Native memory of at least {@code bytes} bytes, valid until the next call on this thread. */
    MemorySegment staging(long bytes) {
        if (bytes <= staging.byteSize()) return staging.asSlice(0, bytes);
        MemorySegment fresh = Arena.ofAuto().allocate(Math.max(bytes, 2 * staging.byteSize()), 64);
        if (fresh.byteSize() <= KEEP_STAGING) staging = fresh;
        return fresh.asSlice(0, bytes);
    }

    /** The handle the last call wrote to {@link #handle}. */
    long handleValue() {
        return LibMpi.ABI.readHandle(handle, 0);
    }

    /** MPI_Wait on {@code request}: its return code, the status in {@link #status}. */
    int await(long request) {
        try {
            return (int) LibMpi.Requests.MPI_Wait.invokeExact(handle(request), status);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    /** MPI_Test on {@code request}: its return code, the status in {@link #status} once {@link #flagSet()}. */
    int test(long request) {
        try {
            return (int) LibMpi.Requests.MPI_Test.invokeExact(handle(request), flag, status);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    /**
     * MPI_Cancel on {@code request}, then MPI_Wait (a cancelled request still completes) and
     * MPI_Test_cancelled: the wait's return code, with {@link #flagSet()} true if it was cancelled.
     */
    int cancel(long request) {
        try {
            LibMpi.check((int) LibMpi.Requests.MPI_Cancel.invokeExact(handle(request)), "MPI_Cancel");
            int rc = (int) LibMpi.Requests.MPI_Wait.invokeExact(handle, status);
            LibMpi.check((int) LibMpi.Requests.MPI_Test_cancelled.invokeExact(status, flag), "MPI_Test_cancelled");
            return rc;
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    /** The flag the last MPI_Test or MPI_Test_cancelled wrote. */
    boolean flagSet() {
        return flag.get(ValueLayout.JAVA_INT, 0) != 0;
    }

    /** Sets {@link #handle} (MPI_Wait and MPI_Test take the request by pointer). */
    MemorySegment handle(long value) {
        LibMpi.ABI.writeHandle(handle, 0, value);
        return handle;
    }
}
