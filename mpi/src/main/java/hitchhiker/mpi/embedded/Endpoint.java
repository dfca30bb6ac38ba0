package hitchhiker.mpi.embedded;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One process's state in one {@link Fabric}: the queues a message-passing engine keeps (MPI's
 * "posted receives" and "unexpected messages"), the sends waiting for ring space, and the
 * progress of the message each incoming ring is delivering. Guarded by the engine's lock.
 */
final class Endpoint {

    final Fabric fabric;
    /** Receives waiting for a message, in the order they were posted (matching takes the first). */
    final List<RecvOp> posted = new ArrayList<>();
    /** Messages that arrived before a receive matched them, in arrival order. */
    final List<Unexpected> unexpected = new ArrayList<>();
    /** Sends not yet fully written into the ring to each receiver, oldest first (non-overtaking). */
    final ArrayDeque<SendOp>[] outbox;
    /** The message each sender's ring is delivering, if any. */
    final Inbound[] inbound;
    /** The next free communicator context in this fabric (agreed collectively when used). */
    int nextContext;

    @SuppressWarnings("unchecked")
    Endpoint(Fabric fabric, int firstFreeContext) {
        this.fabric = fabric;
        int n = fabric.participants();
        this.outbox = new ArrayDeque[n];
        this.inbound = new Inbound[n];
        for (int p = 0; p < n; p++) {
            outbox[p] = new ArrayDeque<>();
            inbound[p] = new Inbound();
        }
        this.nextContext = firstFreeContext;
    }

    /** A message that arrived before anyone asked for it; its bytes may still be streaming in. */
    static final class Unexpected {
        final int context, source, tag;
        final long length;
        final MemorySegment data;
        boolean complete;
        boolean sync;          // a synchronous send: its sender waits for an acknowledgement once it is matched
        RecvOp claimedBy;

        Unexpected(int context, int source, int tag, long length, MemorySegment data) {
            this.context = context;
            this.source = source;
            this.tag = tag;
            this.length = length;
            this.data = data;
        }
    }

    /** Where the message at the head of one incoming ring is going. */
    static final class Inbound {
        boolean inMessage;
        long length, copied;
        int tag;
        MemorySegment target; // null: drop the bytes (a truncated receive)
        RecvOp receiver;       // when delivering straight into a posted receive
        Unexpected stored;     // when storing an unexpected message
    }
}
