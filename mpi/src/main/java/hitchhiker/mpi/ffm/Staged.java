package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A buffer as MPI may see it during a call that can wait on other processes: an off-heap
 * segment as it is, a heap segment through a native copy (copied in before, out after, as the
 * call needs). Used with try-with-resources around one MPI call.
 */
final class Staged implements AutoCloseable {

    final MemorySegment segment;
    private final MemorySegment copyBackTo;
    private final Arena arena;

    private Staged(MemorySegment segment, MemorySegment copyBackTo, Arena arena) {
        this.segment = segment;
        this.copyBackTo = copyBackTo;
        this.arena = arena;
    }

    /** A buffer MPI reads. */
    static Staged in(MemorySegment data) {
        return stage(data, true, false);
    }

    /** A buffer MPI writes. */
    static Staged out(MemorySegment data) {
        return stage(data, false, true);
    }

    /** A buffer MPI reads and writes (bcast: the root's is read, the others' written). */
    static Staged inOut(MemorySegment data) {
        return stage(data, true, true);
    }

    private static Staged stage(MemorySegment data, boolean copyIn, boolean copyOut) {
        if (data.isNative()) return new Staged(data, null, null);
        Arena arena = Arena.ofConfined();
        MemorySegment copy = arena.allocate(Math.max(1, data.byteSize()), 16).asSlice(0, data.byteSize());
        if (copyIn) copy.copyFrom(data);
        return new Staged(copy, copyOut ? data : null, arena);
    }

    @Override
    public void close() {
        if (arena == null) return;
        try {
            if (copyBackTo != null) copyBackTo.copyFrom(segment);
        } finally {
            arena.close();
        }
    }
}
