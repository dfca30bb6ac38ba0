package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Blocking sends of heap data beyond {@link NativeChannel#SMALL_BYTES}, done as MPI_Bsend would:
 * the bytes are copied into native memory, MPI_Isend starts, and the send returns at once — the
 * array may be reused, as a blocking send promises. MPI completes the transfer whenever the
 * process next calls it; completed sends are reaped (their memory reused) at the next buffered
 * send, and all are waited for before MPI_Finalize.
 *
 * <p>Why: heap arrays must be copied anyway (MPI may not keep pointers into a moving heap), and
 * once copied there is no reason to wait. So two ranks that first send each other a large array
 * and then receive do not deadlock, as with the embedded transport; a plain MPI_Send would (it
 * may wait for the matching receive). Off-heap segments are sent in place with MPI_Send instead,
 * with MPI's semantics, because copying them would cost the zero-copy bandwidth.
 */
final class BufferedSends {

    /** Free staging buffers kept for reuse, up to this many bytes in all. */
    private static final long POOL_BYTES = 64L << 20;

    private record Pending(long request, MemorySegment buffer) {
    }

    private static final ArrayDeque<Pending> PENDING = new ArrayDeque<>();
    private static final List<MemorySegment> POOL = new ArrayList<>();
    private static long pooled;

    private BufferedSends() {
    }

    /** Copies {@code data} and starts sending the copy; returns without waiting for the receiver. */
    static void send(MemorySegment data, int dest, int tag, long comm) {
        reap();
        long bytes = data.byteSize();
        MemorySegment whole = take(bytes);
        MemorySegment copy = whole.asSlice(0, bytes).copyFrom(data);
        Scratch s = Scratch.get();
        try (ByteCount n = ByteCount.of(bytes)) {
            LibMpi.check((int) LibMpi.Requests.MPI_Isend.invokeExact(copy, n.count, n.type, dest, tag, comm, s.handle), "MPI_Isend");
        } catch (Throwable e) {
            give(whole);
            throw LibMpi.rethrow(e);
        }
        synchronized (PENDING) {
            PENDING.add(new Pending(s.handleValue(), whole));
        }
    }

    /** Frees the buffers of the sends that have completed (MPI_Test each). */
    static void reap() {
        finish(false);
    }

    /** Waits for every buffered send (before MPI_Finalize). */
    static void drain() {
        finish(true);
    }

    private static void finish(boolean wait) {
        synchronized (PENDING) {
            Scratch s = Scratch.get();
            for (Iterator<Pending> it = PENDING.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                int rc;
                try {
                    rc = wait ? (int) LibMpi.Requests.MPI_Wait.invokeExact(s.handle(p.request()), LibMpi.NULL)
                            : (int) LibMpi.Requests.MPI_Test.invokeExact(s.handle(p.request()), s.flag, LibMpi.NULL);
                } catch (Throwable e) {
                    throw LibMpi.rethrow(e);
                }
                if (rc == 0 && !wait && s.flag.get(ValueLayout.JAVA_INT, 0) == 0) continue;
                it.remove();
                give(p.buffer());
                LibMpi.check(rc, wait ? "MPI_Wait (a buffered send)" : "MPI_Test (a buffered send)");
            }
        }
    }

    /** A native buffer of at least {@code bytes} bytes (at most twice), reused from the pool when one fits. */
    private static MemorySegment take(long bytes) {
        synchronized (POOL) {
            for (Iterator<MemorySegment> it = POOL.iterator(); it.hasNext(); ) {
                MemorySegment m = it.next();
                if (m.byteSize() >= bytes && m.byteSize() <= 2 * Math.max(bytes, 4096)) {
                    it.remove();
                    pooled -= m.byteSize();
                    return m;
                }
            }
        }
        return Arena.ofAuto().allocate(Math.max(bytes, 1), 64);
    }

    private static void give(MemorySegment whole) {
        synchronized (POOL) {
            if (pooled + whole.byteSize() > POOL_BYTES) return;  // dropped: the GC frees it
            POOL.add(whole);
            pooled += whole.byteSize();
        }
    }
}
