package hitchhiker.mpi.spi;

import hitchhiker.mpi.MpiException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Collectives written over point-to-point messages, the defaults of {@link Channel}. Each method
 * receives the channel's {@link Channel#collectiveContext() collective context}, so its traffic never
 * matches user messages; because every process calls collectives in the same order and messages
 * between a pair are non-overtaking, one tag per kind of collective is enough.
 *
 * <p>Algorithms (chosen for the small process counts of one machine, and for determinism):
 * barrier is a dissemination barrier (⌈log₂ n⌉ rounds); bcast a binomial tree; gather, scatter
 * and reductions are linear at the root, and reductions combine in rank order, so a
 * non-commutative or floating-point op gives the same result as its serial definition;
 * allgather and allreduce are a gather or reduce to rank 0 followed by a bcast (on an
 * intercommunicator, every process sends its block to every remote process, and folds what it
 * receives in rank order); alltoall is every pair at once; scan is a chain in rank order.
 */
public final class Collectives {

    private static final int BARRIER = 1, BCAST = 2, GATHER = 3, SCATTER = 4, REDUCE = 5, ALLGATHER = 6, ALLTOALL = 7, SCAN = 8;

    private Collectives() {
    }

    public static void barrier(Channel c) {
        if (c.isInter()) {
            // Everyone tells every remote process it has arrived, then hears from all of them.
            Request[] sends = new Request[c.remoteSize()];
            for (int r = 0; r < c.remoteSize(); r++) sends[r] = c.isend(MemorySegment.NULL, r, BARRIER);
            for (int r = 0; r < c.remoteSize(); r++) c.recv(MemorySegment.NULL, r, BARRIER);
            awaitAll(sends);
            return;
        }
        int n = c.size(), me = c.rank();
        for (int step = 1; step < n; step <<= 1) {
            Request s = c.isend(MemorySegment.NULL, (me + step) % n, BARRIER);
            c.recv(MemorySegment.NULL, (me - step + n) % n, BARRIER);
            s.await();
        }
    }

    public static void bcast(Channel c, MemorySegment buffer, int root) {
        if (c.isInter()) {
            if (root == Channel.ROOT) {
                Request[] sends = new Request[c.remoteSize()];
                for (int r = 0; r < sends.length; r++) sends[r] = c.isend(buffer, r, BCAST);
                awaitAll(sends);
            } else if (root != Channel.PROC_NULL) {
                expectWhole(c.recv(buffer, root, BCAST).bytes(), buffer.byteSize());
            }
            return;
        }
        int n = c.size();
        int relative = (c.rank() - root + n) % n;
        int mask = 1;
        while (mask < n) {
            if ((relative & mask) != 0) {
                expectWhole(c.recv(buffer, (relative - mask + root) % n, BCAST).bytes(), buffer.byteSize());
                break;
            }
            mask <<= 1;
        }
        mask >>= 1;
        while (mask > 0) {
            if (relative + mask < n) c.send(buffer, (relative + mask + root) % n, BCAST);
            mask >>= 1;
        }
    }

    public static void gather(Channel c, MemorySegment send, MemorySegment recv, int root) {
        int senders = c.isInter() ? c.remoteSize() : c.size();
        // Equal blocks: the root knows their size from its receive buffer, a sender from its send buffer.
        long block = c.isRoot(root) ? recv.byteSize() / Math.max(1, senders) : send.byteSize();
        long[] counts = new long[senders];
        java.util.Arrays.fill(counts, block);
        gatherv(c, send, recv, counts, root);
    }

    public static void gatherv(Channel c, MemorySegment send, MemorySegment recv, long[] counts, int root) {
        if (c.isRoot(root)) {
            Request[] recvs = new Request[counts.length];
            long offset = 0;
            for (int r = 0; r < counts.length; r++) {
                MemorySegment slot = recv.asSlice(offset, counts[r]);
                offset += counts[r];
                if (!c.isInter() && r == c.rank()) {
                    MemorySegment.copy(send, 0, slot, 0, counts[r]);
                } else {
                    recvs[r] = c.irecv(slot, r, GATHER);
                }
            }
            awaitAll(recvs);
        } else if (isSender(c, root)) {
            c.send(send, root, GATHER);
        }
    }

    public static void scatter(Channel c, MemorySegment send, MemorySegment recv, int root) {
        int receivers = c.isInter() ? c.remoteSize() : c.size();
        long[] counts = new long[receivers];
        if (c.isRoot(root)) java.util.Arrays.fill(counts, send.byteSize() / Math.max(1, receivers));
        scatterv(c, send, counts, recv, root);
    }

    public static void scatterv(Channel c, MemorySegment send, long[] counts, MemorySegment recv, int root) {
        if (c.isRoot(root)) {
            Request[] sends = new Request[counts.length];
            long offset = 0;
            for (int r = 0; r < counts.length; r++) {
                MemorySegment block = send.asSlice(offset, counts[r]);
                offset += counts[r];
                if (!c.isInter() && r == c.rank()) {
                    MemorySegment.copy(block, 0, recv, 0, counts[r]);
                } else {
                    sends[r] = c.isend(block, r, SCATTER);
                }
            }
            awaitAll(sends);
        } else if (isSender(c, root)) {
            c.recv(recv, root, SCATTER);
        }
    }

    public static void allgather(Channel c, MemorySegment send, MemorySegment recv) {
        if (c.isInter()) {
            long[] counts = new long[c.remoteSize()];
            java.util.Arrays.fill(counts, recv.byteSize() / Math.max(1, counts.length));
            allgatherv(c, send, recv, counts);
            return;
        }
        gather(c, send, recv, 0);
        bcast(c, recv, 0);
    }

    public static void allgatherv(Channel c, MemorySegment send, MemorySegment recv, long[] counts) {
        if (c.isInter()) {
            // Every process of one group sends its block to every process of the other.
            int m = c.remoteSize();
            Request[] all = new Request[2 * m];
            long offset = 0;
            for (int r = 0; r < m; r++) {
                all[r] = c.irecv(recv.asSlice(offset, counts[r]), r, ALLGATHER);
                offset += counts[r];
            }
            for (int r = 0; r < m; r++) all[m + r] = c.isend(send, r, ALLGATHER);
            awaitAll(all);
            return;
        }
        gatherv(c, send, recv, counts, 0);
        bcast(c, recv, 0);
    }

    public static void alltoall(Channel c, MemorySegment send, MemorySegment recv) {
        int n = c.isInter() ? c.remoteSize() : c.size();
        long[] sendCounts = new long[n], recvCounts = new long[n];
        java.util.Arrays.fill(sendCounts, send.byteSize() / Math.max(1, n));
        java.util.Arrays.fill(recvCounts, recv.byteSize() / Math.max(1, n));
        alltoallv(c, send, sendCounts, recv, recvCounts);
    }

    public static void alltoallv(Channel c, MemorySegment send, long[] sendCounts, MemorySegment recv, long[] recvCounts) {
        int n = sendCounts.length;
        Request[] all = new Request[2 * n];
        long in = 0, out = 0;
        for (int r = 0; r < n; r++) {
            MemorySegment slot = recv.asSlice(in, recvCounts[r]);
            MemorySegment block = send.asSlice(out, sendCounts[r]);
            in += recvCounts[r];
            out += sendCounts[r];
            if (!c.isInter() && r == c.rank()) {
                MemorySegment.copy(block, 0, slot, 0, Math.min(block.byteSize(), slot.byteSize()));
                continue;
            }
            all[r] = c.irecv(slot, r, ALLTOALL);
            all[n + r] = c.isend(block, r, ALLTOALL);
        }
        awaitAll(all);
    }

    public static void scan(Channel c, MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op, boolean exclusive) {
        requireIntra(c, exclusive ? "exscan" : "scan");
        long bytes = send.byteSize();
        int me = c.rank();
        try (Arena arena = Arena.ofConfined()) {
            // acc = send_0 op ... op send_(me-1), from the left neighbour; then pass on acc op send_me.
            MemorySegment acc = arena.allocate(Math.max(1, bytes), 8).asSlice(0, bytes);
            if (me > 0) expectWhole(c.recv(acc, me - 1, SCAN).bytes(), bytes);
            MemorySegment inclusive = acc;
            if (me == 0) {
                inclusive = send;
            } else {
                if (exclusive) MemorySegment.copy(acc, 0, recv, 0, bytes);
                op.combine(acc, send, type, bytes / type.bytes());
            }
            if (!exclusive) MemorySegment.copy(inclusive, 0, recv, 0, bytes);
            if (me + 1 < c.size()) c.send(inclusive, me + 1, SCAN);
        }
    }

    public static void reduce(Channel c, MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op,
                              int root) {
        if (c.isRoot(root)) {
            // An intercommunicator's root contributes nothing: its recv says how big the blocks are.
            long bytes = c.isInter() ? recv.byteSize() : send.byteSize();
            int senders = c.isInter() ? c.remoteSize() : c.size();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment incoming = arena.allocate(Math.max(1, bytes), 8).asSlice(0, bytes);
                MemorySegment acc = arena.allocate(Math.max(1, bytes), 8).asSlice(0, bytes);
                for (int r = 0; r < senders; r++) {
                    MemorySegment block = incoming;
                    if (!c.isInter() && r == c.rank()) {
                        block = send;
                    } else {
                        expectWhole(c.recv(incoming, r, REDUCE).bytes(), bytes);
                    }
                    if (r == 0) {
                        MemorySegment.copy(block, 0, acc, 0, bytes);
                    } else {
                        op.combine(acc, block, type, bytes / type.bytes());
                    }
                }
                MemorySegment.copy(acc, 0, recv, 0, bytes);
            }
        } else if (isSender(c, root)) {
            c.send(send, root, REDUCE);
        }
    }

    public static void allreduce(Channel c, MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op) {
        if (c.isInter()) {
            // Each group gets the remote group's blocks and folds them in rank order.
            long bytes = recv.byteSize();
            int m = c.remoteSize();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment all = arena.allocate(Math.max(1, bytes * m), 8).asSlice(0, bytes * m);
                allgather(c, send, all);
                MemorySegment.copy(all, 0, recv, 0, bytes);
                for (int r = 1; r < m; r++) op.combine(recv, all.asSlice(r * bytes, bytes), type, bytes / type.bytes());
            }
            return;
        }
        reduce(c, send, recv, type, op, 0);
        bcast(c, recv, 0);
    }

    /** Waits for every non-null request. */
    public static void awaitAll(Request[] requests) {
        for (Request r : requests) if (r != null) r.await();
    }

    private static boolean isSender(Channel c, int root) {
        return c.isInter() ? root >= 0 : c.rank() != root;
    }

    private static void requireIntra(Channel c, String what) {
        if (c.isInter()) throw new UnsupportedOperationException(what + " on an intercommunicator");
    }

    private static void expectWhole(long got, long expected) {
        if (got != expected) {
            throw new MpiException("collective message of " + got + " bytes where " + expected
                    + " were expected: do all processes pass matching sizes?");
        }
    }
}
