package hitchhiker.mpi.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.Iterator;

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

    /** A send in flight: its request, the memory it reads, and the pooled buffer to give back (null: not pooled). */
    private record Pending(long request, MemorySegment buffer, MemorySegment pooled) {
    }

    private static final ArrayDeque<Pending> PENDING = new ArrayDeque<>();

    private BufferedSends() {
    }

    /** Copies {@code data} and starts sending the copy; returns without waiting for the receiver. */
    static void send(MemorySegment data, int dest, int tag, long comm) {
        long bytes = data.byteSize();
        MemorySegment whole = NativeBuffers.take(bytes);
        start(whole.asSlice(0, bytes).copyFrom(data), whole, dest, tag, comm);
    }

    /**
     * Starts sending native memory that nobody else will change, keeping it reachable until the
     * send completes; {@code pooled} (if not null) is the {@link NativeBuffers} buffer it lies in.
     */
    static void start(MemorySegment buffer, MemorySegment pooled, int dest, int tag, long comm) {
        reap();
        Scratch s = Scratch.get();
        try (ByteCount n = ByteCount.of(buffer.byteSize())) {
            LibMpi.check((int) LibMpi.Requests.MPI_Isend.invokeExact(buffer, n.count, n.type, dest, tag, comm, s.handle), "MPI_Isend");
        } catch (Throwable e) {
            if (pooled != null) NativeBuffers.give(pooled);
            throw LibMpi.rethrow(e);
        }
        synchronized (PENDING) {
            PENDING.add(new Pending(s.handleValue(), buffer, pooled));
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
                if (p.pooled() != null) NativeBuffers.give(p.pooled());
                LibMpi.check(rc, wait ? "MPI_Wait (a buffered send)" : "MPI_Test (a buffered send)");
            }
        }
    }
}
