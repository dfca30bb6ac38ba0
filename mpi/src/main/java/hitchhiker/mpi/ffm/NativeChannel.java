package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MessageTruncatedException;
import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Channel;
import hitchhiker.mpi.spi.Collectives;
import hitchhiker.mpi.spi.ElementType;
import hitchhiker.mpi.spi.ReduceOp;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A communicator of the native backend: an {@code MPI_Comm} of the system's MPI library, with
 * point-to-point and every collective mapped onto MPI's own functions.
 *
 * <p><b>Memory.</b> Off-heap segments go to MPI as they are, with no copy (a blocking send of one
 * then has MPI_Send's semantics: a large one may wait for its receive). Heap segments (Java
 * arrays) move while the garbage collector runs, so MPI may only see them during a critical
 * downcall ({@code Linker.Option.critical(true)}), in which the calling thread holds off every
 * safepoint — and with it every GC and every other thread that needs one — until the call
 * returns. A receive, or a send in rendezvous, waits on another process for as long as that
 * takes, so large heap messages must not go that way; and for small ones a critical downcall
 * measured slower here than a copy (8-byte ping-pong, one way: 0.43 µs with critical sends from
 * the array, 0.33 µs copying through native memory). So heap data always goes through native
 * memory:
 * <ul>
 *   <li>sends up to {@link #DIRECT_SEND_BYTES} go through per-thread scratch memory with a plain
 *       MPI_Send; larger ones, and every send to oneself, are copied and buffered
 *       ({@link BufferedSends}), so they return at once;</li>
 *   <li>receives up to {@link #SMALL_BYTES} land in scratch memory, larger ones in a per-thread
 *       staging buffer, and are copied out;</li>
 *   <li>nonblocking calls and collectives stage through native memory the call owns.</li>
 * </ul>
 * For big messages, off-heap segments are the fast path (the benchmark's 4 MiB bandwidth).
 * Object messages travel in frames ({@link #FRAME_HEADER}), so that their receives are real
 * MPI receives, posted in order.
 *
 * <p>MPI's own reductions may combine in any order (Open MPI chooses by message size and group
 * size), so a floating-point sum can differ in its last bits from the embedded transport's
 * rank-order fold; integer results are exact either way.
 *
 * <p><b>Collectives</b> use MPI's (MPI_Bcast, MPI_Reduce, ...), except reductions with a
 * user-defined operation (or a logical one on floating-point data), which fall back to the SPI's
 * portable algorithms over a private duplicate of this communicator.
 */
final class NativeChannel implements Channel {

    /** Heap messages up to this size are copied through per-thread native memory. */
    static final long SMALL_BYTES = Long.getLong("hhg.mpi.ffm.smallBytes", 4096);

    /**
     * Heap sends up to this size go out with a plain MPI_Send; larger ones are buffered
     * ({@link BufferedSends}). It is below the eager limit of Open MPI's shared-memory and TCP
     * transports (4 KiB and 64 KiB) less their headers, so such a send completes without waiting
     * for its receive, as the embedded transport's do. (Open MPI's {@code self} transport is eager
     * only up to 1 KiB and would make a send to oneself wait forever, so sends to self are always buffered.)
     */
    static final long DIRECT_SEND_BYTES = Long.getLong("hhg.mpi.ffm.directSendBytes", 960);

    /**
     * Object messages ({@link #sendAnySize}) travel as a <em>frame</em>: a 16-byte header
     * (magic, body tag, length) followed by the bytes when they fit in {@link #SMALL_BYTES}; a
     * longer message's bytes follow as a second message, its body, on the hidden duplicate of
     * the communicator with the body tag the header names. So an object receive posts a real
     * MPI_Irecv of one frame at once, and receives match in the order they were posted, as MPI
     * requires, whatever the length of the message that arrives.
     */
    static final int FRAME_HEADER = 16;
    static final int FRAME_MAGIC = 0x4848_4f42; // "HHOB"
    /** Body tags cycle through [FIRST_BODY_TAG, 32767], above the tags the hidden collectives use (MPI guarantees 32767). */
    private static final int FIRST_BODY_TAG = 64, BODY_TAGS = 32767 - FIRST_BODY_TAG + 1;

    final long comm;
    private final boolean inter;
    private final int rank;
    private final int size;
    private final int remoteSize;
    private final boolean predefined;
    private final NativeChannel collective;
    private final java.util.concurrent.atomic.AtomicInteger bodies = new java.util.concurrent.atomic.AtomicInteger();
    private boolean freed;

    /**
     * Wraps an MPI communicator; {@code predefined} ones (world, self) are never freed. Collective
     * over the communicator's group: it duplicates the communicator (MPI_Comm_dup) for the
     * collectives written in Java and for the bodies of long object messages.
     */
    NativeChannel(long comm, boolean predefined) {
        this(comm, predefined, false);
    }

    private NativeChannel(long comm, boolean predefined, boolean hidden) {
        this.comm = comm;
        this.predefined = predefined;
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.MPI_Comm_set_errhandler.invokeExact(comm, LibMpi.ERRORS_RETURN), "MPI_Comm_set_errhandler");
            LibMpi.check((int) LibMpi.MPI_Comm_test_inter.invokeExact(comm, s.flag), "MPI_Comm_test_inter");
            inter = s.flag.get(ValueLayout.JAVA_INT, 0) != 0;
            LibMpi.check((int) LibMpi.MPI_Comm_rank.invokeExact(comm, s.flag), "MPI_Comm_rank");
            rank = s.flag.get(ValueLayout.JAVA_INT, 0);
            LibMpi.check((int) LibMpi.MPI_Comm_size.invokeExact(comm, s.flag), "MPI_Comm_size");
            size = s.flag.get(ValueLayout.JAVA_INT, 0);
            if (inter) {
                LibMpi.check((int) LibMpi.MPI_Comm_remote_size.invokeExact(comm, s.flag), "MPI_Comm_remote_size");
                remoteSize = s.flag.get(ValueLayout.JAVA_INT, 0);
            } else {
                remoteSize = size;
            }
            if (hidden) {
                collective = this;
            } else {
                LibMpi.check((int) LibMpi.Communicators.MPI_Comm_dup.invokeExact(comm, s.handle), "MPI_Comm_dup");
                collective = new NativeChannel(s.handleValue(), false, true);
            }
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isInter() {
        return inter;
    }

    @Override
    public int remoteSize() {
        return remoteSize;
    }

    // ---- point to point -------------------------------------------------------------------

    @Override
    public void send(MemorySegment data, int dest, int tag) {
        long bytes = data.byteSize();
        boolean direct = data.isNative();
        if ((direct || bytes <= DIRECT_SEND_BYTES) && bytes <= ByteCount.MAX_PLAIN && (dest != rank || inter)) {
            // The hot path, kept small so that the JIT inlines it whole into the caller's loop.
            MemorySegment buf = direct ? data : Scratch.get().small.copyFrom(data);
            int rc;
            try {
                rc = (int) LibMpi.MPI_Send.invokeExact(buf, (int) bytes, LibMpi.BYTE, peer(dest), tag, comm);
            } catch (Throwable e) {
                throw LibMpi.rethrow(e);
            }
            if (rc != 0) LibMpi.check(rc, "MPI_Send");
            return;
        }
        sendOther(data, dest, tag);
    }

    /** Heap data beyond {@link #DIRECT_SEND_BYTES} and sends to self (buffered), and messages beyond int counts. */
    private void sendOther(MemorySegment data, int dest, int tag) {
        if (dest == PROC_NULL) return;
        if (!data.isNative() || (dest == rank && !inter)) {
            BufferedSends.send(data, peer(dest), tag, comm);
            return;
        }
        int rc;
        try (ByteCount n = ByteCount.of(data.byteSize())) {
            rc = (int) LibMpi.MPI_Send.invokeExact(data, n.count, n.type, peer(dest), tag, comm);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        LibMpi.check(rc, "MPI_Send");
    }

    @Override
    public Status recv(MemorySegment into, int source, int tag) {
        long capacity = into.byteSize();
        boolean direct = into.isNative();
        if ((direct || capacity <= SMALL_BYTES) && capacity <= ByteCount.MAX_PLAIN) {
            // The hot path. A small heap buffer is received into per-thread native memory and copied.
            Scratch s = Scratch.get();
            MemorySegment buf = direct ? into : s.small;
            int rc;
            try {
                rc = (int) LibMpi.MPI_Recv.invokeExact(buf, (int) capacity, LibMpi.BYTE, peer(source), tagOf(tag), comm, s.status);
            } catch (Throwable e) {
                throw LibMpi.rethrow(e);
            }
            if (rc != 0) throw failure(rc, "MPI_Recv", s.status, capacity);
            Status st = status(s.status);
            if (!direct) MemorySegment.copy(buf, 0, into, 0, st.bytes());
            return st;
        }
        return recvOther(into, source, tag);
    }

    /** Heap buffers beyond {@link #SMALL_BYTES} (through per-thread native memory), and messages beyond int counts. */
    private Status recvOther(MemorySegment into, int source, int tag) {
        Scratch s = Scratch.get();
        long capacity = into.byteSize();
        MemorySegment buf = into.isNative() ? into : s.staging(capacity);
        int rc;
        try (ByteCount n = ByteCount.of(capacity)) {
            rc = (int) LibMpi.MPI_Recv.invokeExact(buf, n.count, n.type, peer(source), tagOf(tag), comm, s.status);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        if (rc != 0) throw failure(rc, "MPI_Recv", s.status, capacity);
        Status st = status(s.status);
        if (buf != into) MemorySegment.copy(buf, 0, into, 0, st.bytes());
        return st;
    }

    @Override
    public Request isend(MemorySegment data, int dest, int tag) {
        long bytes = data.byteSize();
        MemorySegment pooled = data.isNative() ? null : NativeBuffers.take(bytes);
        MemorySegment buf = pooled == null ? data : pooled.asSlice(0, bytes).copyFrom(data);
        Scratch s = Scratch.get();
        try (ByteCount n = ByteCount.of(bytes)) {
            LibMpi.check((int) LibMpi.Requests.MPI_Isend.invokeExact(buf, n.count, n.type, peer(dest), tag, comm, s.handle), "MPI_Isend");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return new NativeRequest(this, s.handleValue(), buf, pooled, null, new Status(dest, tag, bytes));
    }

    @Override
    public Request issend(MemorySegment data, int dest, int tag) {
        long bytes = data.byteSize();
        MemorySegment pooled = data.isNative() ? null : NativeBuffers.take(bytes);
        MemorySegment buf = pooled == null ? data : pooled.asSlice(0, bytes).copyFrom(data);
        Scratch s = Scratch.get();
        try (ByteCount n = ByteCount.of(bytes)) {
            LibMpi.check((int) LibMpi.Requests.MPI_Issend.invokeExact(buf, n.count, n.type, peer(dest), tag, comm, s.handle), "MPI_Issend");
        } catch (Throwable e) {
            if (pooled != null) NativeBuffers.give(pooled);
            throw LibMpi.rethrow(e);
        }
        return new NativeRequest(this, s.handleValue(), buf, pooled, null, new Status(dest, tag, bytes));
    }

    @Override
    public Request irecv(MemorySegment into, int source, int tag) {
        long capacity = into.byteSize();
        MemorySegment pooled = into.isNative() ? null : NativeBuffers.take(capacity);
        MemorySegment buf = pooled == null ? into : pooled.asSlice(0, capacity);
        Scratch s = Scratch.get();
        try (ByteCount n = ByteCount.of(capacity)) {
            LibMpi.check((int) LibMpi.Requests.MPI_Irecv.invokeExact(buf, n.count, n.type, peer(source), tagOf(tag), comm, s.handle), "MPI_Irecv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return new NativeRequest(this, s.handleValue(), buf, pooled, into.isNative() ? null : into, null);
    }

    @Override
    public Request irecvAnySize(int source, int tag) {
        if (source == PROC_NULL) return Request.completed(Request.EMPTY);
        return AnySizeRequest.post(this, peer(source), tagOf(tag));
    }

    @Override
    public Request recvAnySize(int source, int tag) {
        if (source == PROC_NULL) return Request.completed(Request.EMPTY);
        return AnySizeRequest.receive(this, peer(source), tagOf(tag));
    }

    @Override
    public void sendAnySize(MemorySegment data, int dest, int tag) {
        if (dest == PROC_NULL) return;
        long bytes = data.byteSize();
        if (bytes + FRAME_HEADER <= DIRECT_SEND_BYTES && (dest != rank || inter)) {
            // The hot path: the frame in scratch memory, one MPI_Send.
            MemorySegment frame = Scratch.get().small;
            writeFrameHeader(frame, -1, bytes);
            MemorySegment.copy(data, 0, frame, FRAME_HEADER, bytes);
            int rc;
            try {
                rc = (int) LibMpi.MPI_Send.invokeExact(frame, (int) (bytes + FRAME_HEADER), LibMpi.BYTE, dest, tag, comm);
            } catch (Throwable e) {
                throw LibMpi.rethrow(e);
            }
            if (rc != 0) LibMpi.check(rc, "MPI_Send");
            return;
        }
        MemorySegment pooled = frame(data, dest);
        BufferedSends.start(pooled.asSlice(0, frameBytes(data)), pooled, peer(dest), tag, comm);
    }

    @Override
    public Request isendAnySize(MemorySegment data, int dest, int tag) {
        return sendFrame(data, dest, tag, false);
    }

    @Override
    public Request issendAnySize(MemorySegment data, int dest, int tag) {
        return sendFrame(data, dest, tag, true);
    }

    private Request sendFrame(MemorySegment data, int dest, int tag, boolean synchronous) {
        if (dest == PROC_NULL) return Request.completed(Request.EMPTY);
        MemorySegment pooled = frame(data, dest);
        MemorySegment buf = pooled.asSlice(0, frameBytes(data));
        Scratch s = Scratch.get();
        try {
            int rc = synchronous
                    ? (int) LibMpi.Requests.MPI_Issend.invokeExact(buf, (int) buf.byteSize(), LibMpi.BYTE, peer(dest), tag, comm, s.handle)
                    : (int) LibMpi.Requests.MPI_Isend.invokeExact(buf, (int) buf.byteSize(), LibMpi.BYTE, peer(dest), tag, comm, s.handle);
            LibMpi.check(rc, synchronous ? "MPI_Issend" : "MPI_Isend");
        } catch (Throwable e) {
            NativeBuffers.give(pooled);
            throw LibMpi.rethrow(e);
        }
        return new NativeRequest(this, s.handleValue(), buf, pooled, null, new Status(dest, tag, data.byteSize()));
    }

    private static long frameBytes(MemorySegment data) {
        return FRAME_HEADER + (data.byteSize() + FRAME_HEADER <= SMALL_BYTES ? data.byteSize() : 0);
    }

    /**
     * The frame of an object message in a pooled native buffer (to hand back once sent); a body
     * that does not fit is already on its way, buffered, so the sender never waits for the receiver.
     */
    private MemorySegment frame(MemorySegment data, int dest) {
        long bytes = data.byteSize();
        MemorySegment pooled = NativeBuffers.take(SMALL_BYTES);
        if (bytes + FRAME_HEADER <= SMALL_BYTES) {
            writeFrameHeader(pooled, -1, bytes);
            MemorySegment.copy(data, 0, pooled, FRAME_HEADER, bytes);
            return pooled;
        }
        int bodyTag = FIRST_BODY_TAG + Math.floorMod(bodies.getAndIncrement(), BODY_TAGS);
        writeFrameHeader(pooled, bodyTag, bytes);
        // The body goes first: MPI orders the two messages only within their own communicators,
        // and the receiver posts the body's receive only after the frame has arrived.
        if (data.isNative()) {
            BufferedSends.start(data, null, peer(dest), bodyTag, collective.comm);
        } else {
            BufferedSends.send(data, peer(dest), bodyTag, collective.comm);
        }
        return pooled;
    }

    private static void writeFrameHeader(MemorySegment frame, int bodyTag, long bytes) {
        frame.set(ValueLayout.JAVA_INT, 0, FRAME_MAGIC);
        frame.set(ValueLayout.JAVA_INT, 4, bodyTag);
        frame.set(ValueLayout.JAVA_LONG, 8, bytes);
    }

    /** The hidden duplicate: collectives written in Java and object bodies travel there. */
    NativeChannel hiddenDuplicate() {
        return collective;
    }

    @Override
    public Status probe(int source, int tag) {
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Requests.MPI_Probe.invokeExact(peer(source), tagOf(tag), comm, s.status), "MPI_Probe");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return status(s.status);
    }

    @Override
    public Status iprobe(int source, int tag) {
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Requests.MPI_Iprobe.invokeExact(peer(source), tagOf(tag), comm, s.flag, s.status), "MPI_Iprobe");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return s.flag.get(ValueLayout.JAVA_INT, 0) == 0 ? null : status(s.status);
    }

    // ---- collectives ------------------------------------------------------------------------

    @Override
    public Channel collectiveContext() {
        return collective;
    }

    @Override
    public void barrier() {
        try {
            LibMpi.check((int) LibMpi.MPI_Barrier.invokeExact(comm), "MPI_Barrier");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void bcast(MemorySegment buffer, int root) {
        try (Staged b = Staged.inOut(buffer); ByteCount n = ByteCount.of(buffer.byteSize())) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Bcast.invokeExact(b.segment, n.count, n.type, peer(root), comm), "MPI_Bcast");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void gather(MemorySegment send, MemorySegment recv, int root) {
        boolean receiving = isRoot(root);
        int block = intCount(receiving && inter ? recv.byteSize() / Math.max(1, remoteSize) : send.byteSize(), "gather");
        try (Staged s = Staged.in(sending(root) ? send : MemorySegment.NULL);
             Staged r = Staged.out(receiving ? recv : MemorySegment.NULL)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Gather.invokeExact(s.segment, block, LibMpi.BYTE, r.segment, block, LibMpi.BYTE,
                    peer(root), comm), "MPI_Gather");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void gatherv(MemorySegment send, MemorySegment recv, long[] counts, int root) {
        boolean receiving = isRoot(root);
        try (Arena arena = Arena.ofConfined();
             Staged s = Staged.in(sending(root) ? send : MemorySegment.NULL);
             Staged r = Staged.out(receiving ? recv : MemorySegment.NULL)) {
            MemorySegment[] layout = receiving ? countsAndDisplacements(arena, counts, "gatherv") : new MemorySegment[] {
                    MemorySegment.NULL, MemorySegment.NULL};
            LibMpi.check((int) LibMpi.Collectives.MPI_Gatherv.invokeExact(s.segment, intCount(sending(root) ? send.byteSize() : 0, "gatherv"),
                    LibMpi.BYTE, r.segment, layout[0], layout[1], LibMpi.BYTE, peer(root), comm), "MPI_Gatherv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void scatter(MemorySegment send, MemorySegment recv, int root) {
        boolean sendingRoot = isRoot(root);
        int block = intCount(sendingRoot ? send.byteSize() / Math.max(1, inter ? remoteSize : size) : recv.byteSize(), "scatter");
        boolean receiving = inter ? root >= 0 : true;
        try (Staged s = Staged.in(sendingRoot ? send : MemorySegment.NULL);
             Staged r = Staged.out(receiving ? recv : MemorySegment.NULL)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Scatter.invokeExact(s.segment, block, LibMpi.BYTE, r.segment, block, LibMpi.BYTE,
                    peer(root), comm), "MPI_Scatter");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void scatterv(MemorySegment send, long[] counts, MemorySegment recv, int root) {
        boolean sendingRoot = isRoot(root);
        boolean receiving = inter ? root >= 0 : true;
        try (Arena arena = Arena.ofConfined();
             Staged s = Staged.in(sendingRoot ? send : MemorySegment.NULL);
             Staged r = Staged.out(receiving ? recv : MemorySegment.NULL)) {
            MemorySegment[] layout = sendingRoot ? countsAndDisplacements(arena, counts, "scatterv") : new MemorySegment[] {
                    MemorySegment.NULL, MemorySegment.NULL};
            LibMpi.check((int) LibMpi.Collectives.MPI_Scatterv.invokeExact(s.segment, layout[0], layout[1], LibMpi.BYTE, r.segment,
                    intCount(receiving ? recv.byteSize() : 0, "scatterv"), LibMpi.BYTE, peer(root), comm), "MPI_Scatterv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void allgather(MemorySegment send, MemorySegment recv) {
        int block = intCount(send.byteSize(), "allgather");
        try (Staged s = Staged.in(send); Staged r = Staged.out(recv)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Allgather.invokeExact(s.segment, block, LibMpi.BYTE, r.segment, block, LibMpi.BYTE, comm),
                    "MPI_Allgather");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void allgatherv(MemorySegment send, MemorySegment recv, long[] counts) {
        try (Arena arena = Arena.ofConfined(); Staged s = Staged.in(send); Staged r = Staged.out(recv)) {
            MemorySegment[] layout = countsAndDisplacements(arena, counts, "allgatherv");
            LibMpi.check((int) LibMpi.Collectives.MPI_Allgatherv.invokeExact(s.segment, intCount(send.byteSize(), "allgatherv"), LibMpi.BYTE,
                    r.segment, layout[0], layout[1], LibMpi.BYTE, comm), "MPI_Allgatherv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void alltoall(MemorySegment send, MemorySegment recv) {
        int n = inter ? remoteSize : size;
        int sendBlock = intCount(send.byteSize() / Math.max(1, n), "alltoall"), recvBlock = intCount(recv.byteSize() / Math.max(1, n), "alltoall");
        try (Staged s = Staged.in(send); Staged r = Staged.out(recv)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Alltoall.invokeExact(s.segment, sendBlock, LibMpi.BYTE, r.segment, recvBlock,
                    LibMpi.BYTE, comm), "MPI_Alltoall");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void alltoallv(MemorySegment send, long[] sendCounts, MemorySegment recv, long[] recvCounts) {
        try (Arena arena = Arena.ofConfined(); Staged s = Staged.in(send); Staged r = Staged.out(recv)) {
            MemorySegment[] out = countsAndDisplacements(arena, sendCounts, "alltoallv");
            MemorySegment[] in = countsAndDisplacements(arena, recvCounts, "alltoallv");
            LibMpi.check((int) LibMpi.Collectives.MPI_Alltoallv.invokeExact(s.segment, out[0], out[1], LibMpi.BYTE, r.segment, in[0], in[1],
                    LibMpi.BYTE, comm), "MPI_Alltoallv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void scan(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op, boolean exclusive) {
        long mpiOp = Types.op(op, type);
        if (mpiOp == 0) {
            Collectives.scan(collectiveContext(), send, recv, type, op, exclusive);
            return;
        }
        int count = intCount(send.byteSize() / type.bytes(), "scan");
        // Staged both ways: MPI_Exscan leaves rank 0's receive buffer as it was.
        try (Staged s = Staged.in(send); Staged r = Staged.inOut(recv)) {
            int rc = exclusive
                    ? (int) LibMpi.Collectives.MPI_Exscan.invokeExact(s.segment, r.segment, count, Types.datatype(type), mpiOp, comm)
                    : (int) LibMpi.Collectives.MPI_Scan.invokeExact(s.segment, r.segment, count, Types.datatype(type), mpiOp, comm);
            LibMpi.check(rc, exclusive ? "MPI_Exscan" : "MPI_Scan");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void reduce(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op, int root) {
        long mpiOp = Types.op(op, type);
        if (mpiOp == 0) {
            Collectives.reduce(collectiveContext(), send, recv, type, op, root);
            return;
        }
        boolean receiving = isRoot(root);
        long bytes = receiving && inter ? recv.byteSize() : send.byteSize();
        int count = intCount(bytes / type.bytes(), "reduce");
        try (Staged s = Staged.in(sending(root) ? send : MemorySegment.NULL);
             Staged r = Staged.out(receiving ? recv : MemorySegment.NULL)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Reduce.invokeExact(s.segment, r.segment, count, Types.datatype(type), mpiOp,
                    peer(root), comm), "MPI_Reduce");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void allreduce(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op) {
        long mpiOp = Types.op(op, type);
        if (mpiOp == 0) {
            Collectives.allreduce(collectiveContext(), send, recv, type, op);
            return;
        }
        int count = intCount(send.byteSize() / type.bytes(), "allreduce");
        try (Staged s = Staged.in(send); Staged r = Staged.out(recv)) {
            LibMpi.check((int) LibMpi.Collectives.MPI_Allreduce.invokeExact(s.segment, r.segment, count, Types.datatype(type), mpiOp, comm),
                    "MPI_Allreduce");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    // ---- communicator management -----------------------------------------------------------

    @Override
    public Channel split(int color, int key) {
        Scratch s = Scratch.get();
        try {
            int mpiColor = color == UNDEFINED ? LibMpi.ABI.undefined() : color;
            LibMpi.check((int) LibMpi.Communicators.MPI_Comm_split.invokeExact(comm, mpiColor, key, s.handle), "MPI_Comm_split");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        long created = s.handleValue();
        return created == LibMpi.COMM_NULL ? null : new NativeChannel(created, false);
    }

    @Override
    public Channel dup() {
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Communicators.MPI_Comm_dup.invokeExact(comm, s.handle), "MPI_Comm_dup");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return new NativeChannel(s.handleValue(), false);
    }

    @Override
    public int compare(Channel other) {
        if (other == this) return IDENT;
        if (!(other instanceof NativeChannel o)) return UNEQUAL;
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Communicators.MPI_Comm_compare.invokeExact(comm, o.comm, s.flag), "MPI_Comm_compare");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        return LibMpi.ABI.compareResult(s.flag.get(ValueLayout.JAVA_INT, 0));
    }

    @Override
    public Channel spawn(String mainClass, List<String> args, int count, int root) {
        try (Arena arena = Arena.ofConfined()) {
            // Only the root's command, arguments and count mean anything (MPI ignores the others').
            MemorySegment program = MemorySegment.NULL, argv = MemorySegment.NULL;
            if (rank == root) {
                List<String> command = JavaCommand.forMain(mainClass, args);
                argv = arena.allocate(ValueLayout.ADDRESS, command.size());  // argv[size-1] is the NULL terminator
                for (int i = 1; i < command.size(); i++) argv.setAtIndex(ValueLayout.ADDRESS, i - 1, arena.allocateFrom(command.get(i)));
                program = arena.allocateFrom(command.get(0));
            }
            Scratch s = Scratch.get();
            LibMpi.check((int) LibMpi.Communicators.MPI_Comm_spawn.invokeExact(program, argv, rank == root ? count : 0, LibMpi.INFO_NULL,
                    root, comm, s.handle, MemorySegment.NULL), "MPI_Comm_spawn");
            return new NativeChannel(s.handleValue(), false);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public synchronized void disconnect() {
        if (predefined || freed) return;
        freed = true;
        release(LibMpi.Communicators.MPI_Comm_disconnect, "MPI_Comm_disconnect");
    }

    @Override
    public synchronized void close() {
        if (predefined || freed) return;
        freed = true;
        release(LibMpi.Communicators.MPI_Comm_free, "MPI_Comm_free");
    }

    private void release(java.lang.invoke.MethodHandle how, String function) {
        if (collective != this) collective.close();
        try {
            LibMpi.check((int) how.invokeExact(Scratch.get().handle(comm)), function);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    // ---- translation between the SPI and MPI --------------------------------------------------

    /** The MPI value of an SPI rank argument (the special ranks differ between the two). */
    private static int peer(int rank) {
        return switch (rank) {
            case ANY_SOURCE -> LibMpi.ABI.anySource();
            case PROC_NULL -> LibMpi.ABI.procNull();
            case ROOT -> LibMpi.ABI.root();
            default -> rank;
        };
    }

    private static int tagOf(int tag) {
        return tag == ANY_TAG ? LibMpi.ABI.anyTag() : tag;
    }

    /** The SPI status of an MPI status. */
    Status status(MemorySegment mpi) {
        int source = mpi.get(ValueLayout.JAVA_INT, LibMpi.ABI.statusSourceOffset());
        int tag = mpi.get(ValueLayout.JAVA_INT, LibMpi.ABI.statusTagOffset());
        if (source == LibMpi.ABI.procNull()) source = PROC_NULL;
        if (tag == LibMpi.ABI.anyTag()) tag = ANY_TAG;
        return new Status(source, tag, LibMpi.ABI.statusBytes(mpi));
    }

    /** The exception for a failed receive: truncation as the API's own exception, anything else as MPI says. */
    RuntimeException failure(int rc, String function, MemorySegment mpiStatus, long capacity) {
        if (LibMpi.errorClass(rc) == LibMpi.ABI.errTruncate()) {
            Status st = status(mpiStatus);
            return new MessageTruncatedException(new Status(st.source(), st.tag(), Math.max(st.bytes(), capacity + 1)), capacity);
        }
        return new MpiNativeException(function, rc, LibMpi.errorString(rc));
    }

    private boolean receivingRoot(int root) {
        return inter ? root == ROOT : rank == root;
    }

    private boolean sending(int root) {
        return inter ? root >= 0 : true;
    }

    private static int intCount(long bytes, String what) {
        if (bytes > Integer.MAX_VALUE) {
            throw new MpiException(what + " of blocks over 2 GiB is not supported by the native backend; "
                    + "send the data point to point instead");
        }
        return (int) bytes;
    }

    /** MPI's int counts and displacements of blocks of {@code counts[i]} bytes laid end to end. */
    private static MemorySegment[] countsAndDisplacements(Arena arena, long[] counts, String what) {
        MemorySegment c = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, counts.length));
        MemorySegment d = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, counts.length));
        long offset = 0;
        for (int i = 0; i < counts.length; i++) {
            c.setAtIndex(ValueLayout.JAVA_INT, i, intCount(counts[i], what));
            d.setAtIndex(ValueLayout.JAVA_INT, i, intCount(offset, what));
            offset += counts[i];
        }
        return new MemorySegment[] {c, d};
    }

    @Override
    public String toString() {
        return "native communicator (rank " + rank + " of " + size + (inter ? ", remote " + remoteSize : "") + ")";
    }
}
