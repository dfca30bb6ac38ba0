package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A length in bytes as MPI's {@code (int count, MPI_Datatype type)} pair. Up to 2^31 − 1 bytes
 * this is {@code (bytes, MPI_BYTE)}; beyond, MPI's {@code int} counts cannot say it, so the
 * length becomes one element of a derived type: {@code q} blocks of 1 GiB followed by the
 * remainder, a struct whose type signature is still {@code bytes × MPI_BYTE} — so it matches a
 * receive of plain bytes, and a message is never limited to 2 GiB (mpi4py's weak spot).
 *
 * <p>Derived types must be {@link #close freed}; MPI lets that happen as soon as the operation
 * using them has started.
 */
final class ByteCount implements AutoCloseable {

    /** The largest byte count sent as plain MPI_BYTE; a system property lowers it so tests reach the derived path. */
    static final long MAX_PLAIN = Long.getLong("hhg.mpi.ffm.maxPlainCount", Integer.MAX_VALUE);
    private static final long BLOCK = 1L << 30;

    final int count;
    final long type;
    private final boolean derived;

    private ByteCount(int count, long type, boolean derived) {
        this.count = count;
        this.type = type;
        this.derived = derived;
    }

    /** The pair for {@code bytes} bytes. */
    static ByteCount of(long bytes) {
        if (bytes <= MAX_PLAIN) return new ByteCount((int) bytes, LibMpi.BYTE, false);  // (scalar-replaced by the JIT)
        long block = Math.min(BLOCK, MAX_PLAIN);
        long blocks = bytes / block;
        long rest = bytes % block;
        try (Arena arena = Arena.ofConfined()) {
            Scratch s = Scratch.get();
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_contiguous.invokeExact((int) block, LibMpi.BYTE, s.handle), "MPI_Type_contiguous");
            long blockType = s.handleValue();
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_contiguous.invokeExact(Math.toIntExact(blocks), blockType, s.handle), "MPI_Type_contiguous");
            long blocksType = s.handleValue();
            MemorySegment lengths = arena.allocateFrom(ValueLayout.JAVA_INT, 1, (int) rest);
            MemorySegment displacements = arena.allocateFrom(ValueLayout.JAVA_LONG, 0, blocks * block);
            MemorySegment types = arena.allocate(16, 8);
            LibMpi.ABI.writeHandle(types, 0, blocksType);
            LibMpi.ABI.writeHandle(types, 8, LibMpi.BYTE);
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_create_struct.invokeExact(2, lengths, displacements, types, s.handle),
                    "MPI_Type_create_struct");
            long whole = s.handleValue();
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_commit.invokeExact(s.handle(whole)), "MPI_Type_commit");
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_free.invokeExact(s.handle(blockType)), "MPI_Type_free");
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_free.invokeExact(s.handle(blocksType)), "MPI_Type_free");
            return new ByteCount(1, whole, true);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void close() {
        if (!derived) return;
        // Not the thread's scratch handle: the caller may still have to read a request from it.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cell = arena.allocate(ValueLayout.JAVA_LONG);
            LibMpi.ABI.writeHandle(cell, 0, type);
            LibMpi.check((int) LibMpi.DerivedTypes.MPI_Type_free.invokeExact(cell), "MPI_Type_free");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }
}
