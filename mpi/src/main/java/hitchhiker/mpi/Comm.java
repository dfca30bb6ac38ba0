package hitchhiker.mpi;

import hitchhiker.mpi.spi.Channel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A communicator: a group of processes that exchange messages (mpi4py's {@code Comm}).
 *
 * <p>Two kinds of message are kept apart, as mpi4py keeps {@code send} and {@code Send} apart:
 * <ul>
 *   <li><b>Objects</b> — {@link #send}, {@link #recv}, {@link #bcast}, {@link #scatter},
 *       {@link #gather}, {@link #allgather}, {@link #reduce}, {@link #allreduce}, {@link #isend},
 *       {@link #irecv}: any {@link java.io.Serializable} value, serialized with Java
 *       serialization. Convenient; costs serialization. Any size (past 2 GiB too); an object
 *       receive takes the whole message, so it is never truncated.</li>
 *   <li><b>Buffers</b> — the same names ending in {@code Buffer} ({@link #sendBuffer},
 *       {@link #recvBuffer}, {@link #bcastBuffer}, ...): a {@link Buffer} over a primitive array
 *       or a {@link MemorySegment}, moved in bulk, with no serialization and no per-element
 *       copying. A message longer than the receive buffer fails with
 *       {@link MessageTruncatedException}.</li>
 * </ul>
 *
 * <p>Beyond these: {@link #sendrecv}, synchronous sends ({@link #ssend}, {@link #ssendBuffer}),
 * persistent requests ({@link #sendInit}, {@link #recvInit}), {@link #alltoall}, prefix
 * reductions ({@link #scan}, {@link #exscan}, {@link #scanBuffer}), {@link #reduceScatterBuffer},
 * {@link Buffer#IN_PLACE} for the buffer collectives, and communicators made with {@link #dup},
 * {@link #split} and {@link #splitType}, compared with {@link #compare}.
 *
 * <p>Ranks, tags and roots are checked here, so a mistake (a destination out of range, a negative
 * tag) is an {@link IllegalArgumentException} naming the value, whatever the backend. Every
 * process of the group calls a collective, in the same order. On an intercommunicator (from
 * {@link #spawn}), point-to-point ranks name the remote group, and a collective's root is
 * {@link Mpi#ROOT} in the root process, {@link Mpi#PROC_NULL} in its group-mates and the root's
 * rank in the remote group.
 *
 * <p><b>Threads.</b> A communicator may be used from several threads of one process at once (MPI's
 * {@code MPI_THREAD_MULTIPLE}; the native backend as far as the library provides it): each call
 * is atomic with respect to matching, and messages between one pair of ranks on one communicator
 * never overtake one another. Collectives must still be called in the same order by every rank.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread prior to sending a message (any send,
 * blocking or not, objects or buffers) <i>happen-before</i> actions subsequent to the return of
 * the receive that matches it, or to the completion of that receive's {@link Request}, in the
 * receiving thread — when both ranks are threads of one JVM; between processes, the receiver
 * sees at least the bytes the message carried. A buffer passed to a blocking send may be reused
 * as soon as the send returns; one passed to a nonblocking send or receive may be touched again
 * only after its request has completed.
 */
public class Comm implements AutoCloseable {

    private static final int DEFAULT_TAG = 0;

    private final Channel channel;
    private volatile boolean freed;

    /** A communicator over a backend's channel (backends and tests create these; programs use {@link Mpi#world()}). */
    public Comm(Channel channel) {
        this.channel = Objects.requireNonNull(channel);
    }

    /** This process's rank in the group, 0 .. size()-1. */
    public int rank() {
        return channel.rank();
    }

    /** The number of processes in the group. */
    public int size() {
        return channel.size();
    }

    /** Whether this is an intercommunicator (from {@link #spawn} or {@link Mpi#parent()}). */
    public boolean isInter() {
        return channel.isInter();
    }

    /** The size of the remote group of an intercommunicator; {@link #size()} otherwise. */
    public int remoteSize() {
        return channel.remoteSize();
    }

    /** The backend channel under this communicator. */
    public Channel channel() {
        return channel;
    }

    // ---- objects: point to point ----------------------------------------------------------------

    /** Sends an object to {@code dest} with tag 0. */
    public void send(Object value, int dest) {
        send(value, dest, DEFAULT_TAG);
    }

    /** Sends an object; returns when it has been handed to the transport. */
    public void send(Object value, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        channel.sendAnySize(Serial.serialize(value), dest, tag);
    }

    /** Receives an object from any rank, with any tag. */
    public <T> T recv() {
        return recv(Mpi.ANY_SOURCE, Mpi.ANY_TAG);
    }

    /** Receives an object from {@code source} (or {@link Mpi#ANY_SOURCE}), with any tag. */
    public <T> T recv(int source) {
        return recv(source, Mpi.ANY_TAG);
    }

    /** Receives an object from {@code source} with {@code tag} (either may be a wildcard). */
    public <T> T recv(int source, int tag) {
        return this.<T>recvMessage(source, tag).value();
    }

    /** Receives an object with its status (who sent it, with which tag). */
    public <T> Message<T> recvMessage(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        hitchhiker.mpi.spi.Request r = channel.recvAnySize(source, tag);
        Status status = r.await();
        return new Message<>(Serial.deserialize(r.payload()), status);
    }

    /** Starts sending an object (serialized now, so the object may change afterwards). */
    public Request isend(Object value, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        return new Request(channel.isendAnySize(Serial.serialize(value), dest, tag));
    }

    /**
     * Starts receiving an object of any size. The receive is posted now: receives that match the
     * same messages get them in the order they were posted, as MPI requires.
     */
    public <T> ReceiveRequest<T> irecv(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        return new ReceiveRequest<>(channel.irecvAnySize(source, tag));
    }

    /** Waits until a matching message is available and returns its status, without receiving it. */
    public Status probe(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        return channel.probe(source, tag);
    }

    /** The status of a matching message if one is available now. */
    public Optional<Status> iprobe(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        return Optional.ofNullable(channel.iprobe(source, tag));
    }

    /** A synchronous send of an object (MPI_Ssend): returns once a receive has matched it. */
    public void ssend(Object value, int dest, int tag) {
        issend(value, dest, tag).waitFor();
    }

    /** Starts a synchronous send of an object (MPI_Issend): the request completes once a receive has matched it. */
    public Request issend(Object value, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        return new Request(channel.issendAnySize(Serial.serialize(value), dest, tag));
    }

    /**
     * Sends {@code value} to {@code dest} and receives an object from {@code source} at once
     * (MPI_Sendrecv), so a ring shift cannot deadlock.
     */
    public <T> T sendrecv(Object value, int dest, int sendTag, int source, int recvTag) {
        checkDest(dest);
        checkSendTag(sendTag);
        checkSource(source);
        checkRecvTag(recvTag);
        hitchhiker.mpi.spi.Request sent = channel.isendAnySize(Serial.serialize(value), dest, sendTag);
        hitchhiker.mpi.spi.Request got = channel.recvAnySize(source, recvTag);
        sent.await();
        return Serial.deserialize(got.payload());
    }

    // ---- objects: collectives --------------------------------------------------------------------

    /** Blocks until every process of the group has called it. */
    public void barrier() {
        channel.barrier();
    }

    /** Returns the root's {@code value} in every process (the argument is ignored elsewhere). */
    public <T> T bcast(T value, int root) {
        checkRoot(root);
        if (isInter() && root == Mpi.PROC_NULL) return value;
        boolean sender = channel.isRoot(root);
        MemorySegment bytes = sender ? Serial.serialize(value) : null;
        MemorySegment length = longs(1);
        if (sender) length.set(ValueLayout.JAVA_LONG, 0, bytes.byteSize());
        channel.bcast(length, root);
        if (!sender) bytes = allocate(length.get(ValueLayout.JAVA_LONG, 0));
        channel.bcast(bytes, root);
        return sender ? value : Serial.deserialize(bytes);
    }

    /** The root's list has one value per rank; rank i receives element i. */
    public <T> T scatter(List<? extends T> values, int root) {
        checkRoot(root);
        if (isInter() && root == Mpi.PROC_NULL) return null;
        boolean sender = channel.isRoot(root);
        int receivers = isInter() ? remoteSize() : size();
        MemorySegment all = MemorySegment.NULL;
        MemorySegment lengths = longs(receivers);
        long[] counts = new long[receivers];
        if (sender) {
            Objects.requireNonNull(values, "the root of scatter needs a list of values");
            if (values.size() != receivers) {
                throw new IllegalArgumentException("scatter needs one value per rank: " + values.size() + " for " + receivers);
            }
            List<MemorySegment> parts = new ArrayList<>(receivers);
            long total = 0;
            for (int r = 0; r < receivers; r++) {
                MemorySegment s = Serial.serialize(values.get(r));
                parts.add(s);
                counts[r] = s.byteSize();
                lengths.setAtIndex(ValueLayout.JAVA_LONG, r, s.byteSize());
                total += s.byteSize();
            }
            all = allocate(total);
            long at = 0;
            for (MemorySegment s : parts) {
                MemorySegment.copy(s, 0, all, at, s.byteSize());
                at += s.byteSize();
            }
            if (isInter()) {
                channel.scatter(lengths, MemorySegment.NULL, root);
                channel.scatterv(all, counts, MemorySegment.NULL, root);
                return null;
            }
        }
        MemorySegment mine = longs(1);
        channel.scatter(lengths, mine, root);
        MemorySegment bytes = allocate(mine.get(ValueLayout.JAVA_LONG, 0));
        channel.scatterv(all, counts, bytes, root);
        return Serial.deserialize(bytes);
    }

    /** Every rank's value, in rank order, at the root; {@code null} elsewhere. */
    public <T> List<T> gather(T value, int root) {
        checkRoot(root);
        if (isInter() && root == Mpi.PROC_NULL) return null;
        boolean receiver = channel.isRoot(root);
        int senders = isInter() ? remoteSize() : size();
        MemorySegment bytes = isInter() && receiver ? MemorySegment.NULL : Serial.serialize(value);
        MemorySegment length = longs(1);
        length.set(ValueLayout.JAVA_LONG, 0, bytes.byteSize());
        MemorySegment lengths = receiver ? longs(senders) : MemorySegment.NULL;
        channel.gather(isInter() && receiver ? MemorySegment.NULL : length, lengths, root);
        if (!receiver) {
            channel.gatherv(bytes, MemorySegment.NULL, new long[0], root);
            return null;
        }
        long[] counts = lengths.toArray(ValueLayout.JAVA_LONG);
        MemorySegment all = allocate(Arrays.stream(counts).sum());
        channel.gatherv(bytes, all, counts, root);
        return split(all, counts);
    }

    /** Every rank's value, in rank order, in every rank (on an intercommunicator: the remote group's values). */
    public <T> List<T> allgather(T value) {
        MemorySegment bytes = Serial.serialize(value);
        MemorySegment length = longs(1);
        length.set(ValueLayout.JAVA_LONG, 0, bytes.byteSize());
        MemorySegment lengths = longs(remoteSize());
        channel.allgather(length, lengths);
        long[] counts = lengths.toArray(ValueLayout.JAVA_LONG);
        MemorySegment all = allocate(Arrays.stream(counts).sum());
        channel.allgatherv(bytes, all, counts);
        return split(all, counts);
    }

    /** {@code v0 op v1 op ... op v(n-1)}, combined in rank order, at the root; {@code null} elsewhere. */
    public <T> T reduce(T value, Op op, int root) {
        Objects.requireNonNull(op, "op");
        List<T> all = gather(value, root);
        return all == null ? null : fold(all, op);
    }

    /** {@code v0 op v1 op ... op v(n-1)} in every rank (on an intercommunicator: of the remote group's values). */
    public <T> T allreduce(T value, Op op) {
        Objects.requireNonNull(op, "op");
        return fold(allgather(value), op);
    }

    /** Rank i gets element i of every rank's list, in rank order (MPI_Alltoall of objects): one value per rank in, one per rank out. */
    public <T> List<T> alltoall(List<? extends T> values) {
        int n = remoteSize();
        Objects.requireNonNull(values, "alltoall needs a list of values");
        if (values.size() != n) throw new IllegalArgumentException("alltoall needs one value per rank: " + values.size() + " for " + n);
        long[] sendCounts = new long[n];
        List<MemorySegment> parts = new ArrayList<>(n);
        MemorySegment lengths = longs(n);
        for (int r = 0; r < n; r++) {
            MemorySegment part = Serial.serialize(values.get(r));
            parts.add(part);
            sendCounts[r] = part.byteSize();
            lengths.setAtIndex(ValueLayout.JAVA_LONG, r, part.byteSize());
        }
        MemorySegment incoming = longs(n);
        channel.alltoall(lengths, incoming);
        long[] recvCounts = incoming.toArray(ValueLayout.JAVA_LONG);
        MemorySegment all = allocate(Arrays.stream(sendCounts).sum());
        long at = 0;
        for (MemorySegment part : parts) {
            MemorySegment.copy(part, 0, all, at, part.byteSize());
            at += part.byteSize();
        }
        MemorySegment got = allocate(Arrays.stream(recvCounts).sum());
        channel.alltoallv(all, sendCounts, got, recvCounts);
        return split(got, recvCounts);
    }

    /** {@code v0 op v1 op ... op v(rank)} in each rank (MPI_Scan of objects). */
    public <T> T scan(T value, Op op) {
        Objects.requireNonNull(op, "op");
        requireIntra("scan");
        return fold(allgather(value).subList(0, rank() + 1), op);
    }

    /** {@code v0 op ... op v(rank-1)} in each rank, {@code null} in rank 0 (MPI_Exscan of objects). */
    public <T> T exscan(T value, Op op) {
        Objects.requireNonNull(op, "op");
        requireIntra("exscan");
        List<T> all = allgather(value);
        return rank() == 0 ? null : fold(all.subList(0, rank()), op);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fold(List<T> values, Op op) {
        Object acc = values.getFirst();
        for (int i = 1; i < values.size(); i++) acc = op.apply(acc, values.get(i));
        return (T) acc;
    }

    private static <T> List<T> split(MemorySegment all, long[] counts) {
        List<T> values = new ArrayList<>(counts.length);
        long at = 0;
        for (long c : counts) {
            values.add(Serial.deserialize(all.asSlice(at, c)));
            at += c;
        }
        return values;
    }

    // ---- buffers: point to point -------------------------------------------------------------

    /** Sends a buffer's elements (MPI_Send). */
    public void sendBuffer(Buffer buffer, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        channel.send(Objects.requireNonNull(buffer, "buffer").segment(), dest, tag);
    }

    /** Receives into a buffer; fails with {@link MessageTruncatedException} if the message is longer. */
    public Status recvBuffer(Buffer buffer, int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        return channel.recv(Objects.requireNonNull(buffer, "buffer").segment(), source, tag);
    }

    /** Starts sending a buffer; do not change it until the request completes. */
    public Request isendBuffer(Buffer buffer, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        return new Request(channel.isend(Objects.requireNonNull(buffer, "buffer").segment(), dest, tag));
    }

    /** Starts receiving into a buffer; do not read it until the request completes. */
    public Request irecvBuffer(Buffer buffer, int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        return new Request(channel.irecv(Objects.requireNonNull(buffer, "buffer").segment(), source, tag));
    }

    /** A synchronous send (MPI_Ssend): returns once a receive has matched the message. */
    public void ssendBuffer(Buffer buffer, int dest, int tag) {
        issendBuffer(buffer, dest, tag).waitFor();
    }

    /** Starts a synchronous send (MPI_Issend): the request completes once a receive has matched the message. */
    public Request issendBuffer(Buffer buffer, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        return new Request(channel.issend(Objects.requireNonNull(buffer, "buffer").segment(), dest, tag));
    }

    /** Sends {@code send} to {@code dest} and receives into {@code recv} from {@code source} at once (MPI_Sendrecv). */
    public Status sendrecvBuffer(Buffer send, int dest, int sendTag, Buffer recv, int source, int recvTag) {
        checkDest(dest);
        checkSendTag(sendTag);
        checkSource(source);
        checkRecvTag(recvTag);
        hitchhiker.mpi.spi.Request sent = channel.isend(Objects.requireNonNull(send, "send").segment(), dest, sendTag);
        Status got = channel.recv(Objects.requireNonNull(recv, "recv").segment(), source, recvTag);
        sent.await();
        return got;
    }

    /** Sends {@code buffer}'s contents and receives into the same buffer (MPI_Sendrecv_replace). */
    public Status sendrecvReplaceBuffer(Buffer buffer, int dest, int sendTag, int source, int recvTag) {
        Objects.requireNonNull(buffer, "buffer");
        MemorySegment copy = allocate(buffer.segment().byteSize()).copyFrom(buffer.segment());
        return sendrecvBuffer(new Buffer(copy, buffer.type()), dest, sendTag, buffer, source, recvTag);
    }

    /** A persistent send (MPI_Send_init): {@link Prequest#start} sends {@code buffer}'s contents as they are then, each time. */
    public Prequest sendInit(Buffer buffer, int dest, int tag) {
        checkDest(dest);
        checkSendTag(tag);
        Objects.requireNonNull(buffer, "buffer");
        return new Prequest(() -> channel.isend(buffer.segment(), dest, tag));
    }

    /** A persistent receive (MPI_Recv_init): each {@link Prequest#start} receives one message into {@code buffer}. */
    public Prequest recvInit(Buffer buffer, int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        Objects.requireNonNull(buffer, "buffer");
        return new Prequest(() -> channel.irecv(buffer.segment(), source, tag));
    }

    // ---- buffers: collectives ----------------------------------------------------------------

    /** Copies the root's buffer into every other process's buffer of the same size (MPI_Bcast). */
    public void bcastBuffer(Buffer buffer, int root) {
        checkRoot(root);
        channel.bcast(Objects.requireNonNull(buffer, "buffer").segment(), root);
    }

    /**
     * Rank i receives block i of the root's {@code send} (blocks of {@code recv.count()} elements)
     * into {@code recv} (MPI_Scatter). {@code send} may be null except at the root.
     */
    public void scatterBuffer(Buffer send, Buffer recv, int root) {
        checkRoot(root);
        boolean sender = channel.isRoot(root);
        int receivers = isInter() ? remoteSize() : size();
        if (recv == Buffer.IN_PLACE && sender && !isInter()) {
            // The root's own block stays where it is in send.
            recv = new Buffer(allocate(Objects.requireNonNull(send, "send").segment().byteSize() / receivers), send.type());
        }
        if (sender) {
            Objects.requireNonNull(send, "the root of scatter needs a send buffer");
            long block = isInter() ? send.segment().byteSize() / receivers : recv.segment().byteSize();
            requireRoom(send, block * receivers, "scatter's send buffer");
            channel.scatter(send.segment().asSlice(0, block * receivers),
                    isInter() ? MemorySegment.NULL : recv.segment(), root);
        } else if (!(isInter() && root == Mpi.PROC_NULL)) {
            channel.scatter(MemorySegment.NULL, Objects.requireNonNull(recv, "recv").segment(), root);
        }
    }

    /**
     * The root's {@code recv} receives every rank's {@code send}, in rank order (MPI_Gather);
     * {@code recv} may be null except at the root.
     */
    public void gatherBuffer(Buffer send, Buffer recv, int root) {
        checkRoot(root);
        boolean receiver = channel.isRoot(root);
        if (send == Buffer.IN_PLACE && receiver && !isInter()) {
            // The root's own block is already where it belongs in recv.
            long block = recv.segment().byteSize() / size();
            send = new Buffer(allocate(block).copyFrom(recv.segment().asSlice(rank() * block, block)), recv.type());
        }
        int senders = isInter() ? remoteSize() : size();
        if (receiver) {
            Objects.requireNonNull(recv, "the root of gather needs a receive buffer");
            long block = isInter() ? recv.segment().byteSize() / senders : send.segment().byteSize();
            requireRoom(recv, block * senders, "gather's receive buffer");
            channel.gather(isInter() ? MemorySegment.NULL : send.segment(), recv.segment().asSlice(0, block * senders), root);
        } else if (!(isInter() && root == Mpi.PROC_NULL)) {
            channel.gather(Objects.requireNonNull(send, "send").segment(), MemorySegment.NULL, root);
        }
    }

    /** Every rank's {@code send}, in rank order, into every rank's {@code recv} (MPI_Allgather). */
    public void allgatherBuffer(Buffer send, Buffer recv) {
        Objects.requireNonNull(recv, "recv");
        if (send == Buffer.IN_PLACE) {
            requireIntra("allgather in place");
            long block = recv.segment().byteSize() / size();
            send = new Buffer(allocate(block).copyFrom(recv.segment().asSlice(rank() * block, block)), recv.type());
        }
        requireRoom(recv, send.segment().byteSize() * remoteSize(), "allgather's receive buffer");
        channel.allgather(send.segment(), recv.segment().asSlice(0, send.segment().byteSize() * remoteSize()));
    }

    /** Block j of every rank's {@code send} goes to rank j, into block i of its {@code recv} for sender i (MPI_Alltoall). */
    public void alltoallBuffer(Buffer send, Buffer recv) {
        Objects.requireNonNull(recv, "recv");
        if (send == Buffer.IN_PLACE) send = copyOf(recv);
        Objects.requireNonNull(send, "send");
        int n = remoteSize();
        if (send.segment().byteSize() % n != 0) {
            throw new IllegalArgumentException("alltoall's send buffer of " + send.count() + " elements does not split into " + n + " blocks");
        }
        requireRoom(recv, send.segment().byteSize(), "alltoall's receive buffer");
        channel.alltoall(send.segment(), recv.segment().asSlice(0, send.segment().byteSize()));
    }

    /**
     * Combines every rank's {@code send} element-wise with {@code op}, in rank order, into the
     * root's {@code recv} (MPI_Reduce); {@code recv} may be null except at the root, and
     * {@code send} is ignored at an intercommunicator's root.
     */
    public void reduceBuffer(Buffer send, Buffer recv, Op op, int root) {
        checkRoot(root);
        Objects.requireNonNull(op, "op");
        boolean receiver = channel.isRoot(root);
        if (isInter() && root == Mpi.PROC_NULL) return;
        if (receiver) {
            Objects.requireNonNull(recv, "the root of reduce needs a receive buffer");
            op.requireDefinedFor(recv.type());
            if (send == Buffer.IN_PLACE) send = copyOf(recv);
            MemorySegment in = isInter() ? MemorySegment.NULL : Objects.requireNonNull(send, "send").segment();
            long bytes = isInter() ? recv.segment().byteSize() : in.byteSize();
            requireRoom(recv, bytes, "reduce's receive buffer");
            channel.reduce(in, recv.segment().asSlice(0, bytes), recv.type(), op, root);
        } else {
            Objects.requireNonNull(send, "send");
            op.requireDefinedFor(send.type());
            channel.reduce(send.segment(), MemorySegment.NULL, send.type(), op, root);
        }
    }

    /** Like {@link #reduceBuffer}, with the result in every rank's {@code recv} (MPI_Allreduce). */
    public void allreduceBuffer(Buffer send, Buffer recv, Op op) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(recv, "recv");
        if (send == Buffer.IN_PLACE) send = copyOf(recv);
        requireRoom(recv, send.segment().byteSize(), "allreduce's receive buffer");
        if (send.type() != recv.type()) throw new IllegalArgumentException("send is " + send.type() + ", recv " + recv.type());
        op.requireDefinedFor(send.type());
        channel.allreduce(send.segment(), recv.segment().asSlice(0, send.segment().byteSize()), send.type(), op);
    }

    /** Rank i's {@code recv} gets {@code send_0 op ... op send_i}, element-wise (MPI_Scan). */
    public void scanBuffer(Buffer send, Buffer recv, Op op) {
        scanBuffer(send, recv, op, false);
    }

    /** Rank i's {@code recv} gets {@code send_0 op ... op send_(i-1)}; rank 0's is left as it is (MPI_Exscan). */
    public void exscanBuffer(Buffer send, Buffer recv, Op op) {
        scanBuffer(send, recv, op, true);
    }

    private void scanBuffer(Buffer send, Buffer recv, Op op, boolean exclusive) {
        requireIntra(exclusive ? "exscan" : "scan");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(recv, "recv");
        if (send == Buffer.IN_PLACE) send = copyOf(recv);
        requireRoom(recv, send.segment().byteSize(), (exclusive ? "exscan" : "scan") + "'s receive buffer");
        requireSameType(send, recv);
        op.requireDefinedFor(send.type());
        channel.scan(send.segment(), recv.segment().asSlice(0, send.segment().byteSize()), send.type(), op, exclusive);
    }

    /**
     * Reduces every rank's {@code send} element-wise and scatters the result in equal blocks:
     * rank i's {@code recv} gets block i (MPI_Reduce_scatter_block). With {@link Buffer#IN_PLACE}
     * as {@code send}, {@code recv} holds the whole input and its first block the result.
     */
    public void reduceScatterBlockBuffer(Buffer send, Buffer recv, Op op) {
        Objects.requireNonNull(recv, "recv");
        if (send == Buffer.IN_PLACE) {
            send = copyOf(recv);
            recv = recv.slice(0, recv.count() / size());
        }
        Objects.requireNonNull(send, "send");
        int[] counts = new int[size()];
        Arrays.fill(counts, Math.toIntExact(recv.count()));
        reduceScatterBuffer(send, recv, counts, op);
    }

    /** Reduces every rank's {@code send} element-wise and scatters the result: rank i gets {@code counts[i]} elements (MPI_Reduce_scatter). */
    public void reduceScatterBuffer(Buffer send, Buffer recv, int[] counts, Op op) {
        requireIntra("reduce_scatter");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recv, "recv");
        if (counts.length != size()) throw new IllegalArgumentException("reduce_scatter needs one count per rank: " + counts.length + " for " + size());
        op.requireDefinedFor(send.type());
        long total = Arrays.stream(counts).asLongStream().sum();
        if (send.count() != total) throw new IllegalArgumentException("reduce_scatter's send buffer has " + send.count() + " elements, the counts add up to " + total);
        requireRoom(recv, (long) counts[rank()] * send.type().bytes(), "reduce_scatter's receive buffer");
        MemorySegment reduced = rank() == 0 ? allocate(send.segment().byteSize()) : MemorySegment.NULL;
        channel.reduce(send.segment(), reduced, send.type(), op, 0);
        long[] bytes = Arrays.stream(counts).asLongStream().map(c -> c * send.type().bytes()).toArray();
        channel.scatterv(reduced, bytes, recv.segment().asSlice(0, bytes[rank()]), 0);
    }

    // ---- communicators ------------------------------------------------------------------------

    /** A new communicator over the same group, whose messages never match this one's (MPI_Comm_dup); collective. */
    public Comm dup() {
        return new Comm(channel.dup());
    }

    /**
     * How this communicator relates to {@code other} (MPI_Comm_compare): {@link Mpi#IDENT},
     * {@link Mpi#CONGRUENT} (same processes, same order), {@link Mpi#SIMILAR} (same processes)
     * or {@link Mpi#UNEQUAL}.
     */
    public int compare(Comm other) {
        Objects.requireNonNull(other, "other");
        return channel.compare(other.channel);
    }

    /**
     * Splits the group into the processes that can share memory (MPI_Comm_split_type with
     * {@link Mpi#COMM_TYPE_SHARED}): one communicator per machine, ordered by {@code key} then rank.
     */
    public Comm splitType(int splitType, int key) {
        if (splitType == Mpi.UNDEFINED) return split(Mpi.UNDEFINED, key);
        if (splitType != Mpi.COMM_TYPE_SHARED) throw new IllegalArgumentException("split type must be COMM_TYPE_SHARED or UNDEFINED, not " + splitType);
        requireIntra("split_type");
        List<String> hosts = allgather(Mpi.processorName());
        return split(hosts.indexOf(hosts.get(rank())), key);
    }

    /** Whether {@code other} is a communicator over the same backend channel (the same MPI communicator). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Comm c && c.channel == channel;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(channel);
    }

    /**
     * Splits the group (MPI_Comm_split): processes passing the same {@code color} form a new
     * communicator, ordered by {@code key} then old rank. A process passing {@link Mpi#UNDEFINED}
     * gets {@code null}.
     */
    public Comm split(int color, int key) {
        if (color < 0 && color != Mpi.UNDEFINED) throw new IllegalArgumentException("split color must be >= 0, not " + color);
        Channel c = channel.split(color, key);
        return c == null ? null : new Comm(c);
    }

    /**
     * Starts {@code count} new processes running {@code mainClass} (a {@code main(String[])} or a
     * {@link RankProgram}) in a world of their own, and returns an intercommunicator to them
     * (MPI_Comm_spawn); they reach back with {@link Mpi#parent()}. Collective over this group;
     * the root starts them, and only its {@code mainClass}, {@code args} and {@code count} count:
     * the other processes may pass anything (null, 0), as MPI says.
     */
    public Comm spawn(String mainClass, List<String> args, int count, int root) {
        requireIntra("spawn");
        checkRoot(root);
        if (rank() != root) return new Comm(channel.spawn(null, List.of(), 0, root));
        Objects.requireNonNull(mainClass, "mainClass");
        if (count < 1) throw new IllegalArgumentException("spawn needs at least 1 process, not " + count);
        return new Comm(channel.spawn(mainClass, args == null ? List.of() : List.copyOf(args), count, root));
    }

    /** {@link #spawn(String, List, int, int)} by class ({@code mainClass} may be null except at the root). */
    public Comm spawn(Class<?> mainClass, List<String> args, int count, int root) {
        return spawn(mainClass == null ? null : mainClass.getName(), args, count, root);
    }

    /** Waits for this communicator's pending traffic, then frees it (MPI_Comm_disconnect); collective. */
    public void disconnect() {
        freed = true;
        channel.disconnect();
    }

    /** Frees this communicator (MPI_Comm_free). */
    @Override
    public void close() {
        freed = true;
        channel.close();
    }

    /** Whether {@link #disconnect} or {@link #close} has freed this communicator. */
    public boolean isFreed() {
        return freed;
    }

    @Override
    public String toString() {
        return (isInter() ? "Intercomm[" : "Comm[") + "rank " + rank() + " of " + size()
                + (isInter() ? ", remote " + remoteSize() : "") + "]";
    }

    // ---- checks --------------------------------------------------------------------------------

    private void checkDest(int dest) {
        if (dest == Mpi.PROC_NULL) return;
        if (dest < 0 || dest >= remoteSize()) {
            throw new IllegalArgumentException("destination rank " + dest + " is out of range for a "
                    + (isInter() ? "remote group" : "communicator") + " of size " + remoteSize());
        }
    }

    private void checkSource(int source) {
        if (source == Mpi.ANY_SOURCE || source == Mpi.PROC_NULL) return;
        if (source < 0 || source >= remoteSize()) {
            throw new IllegalArgumentException("source rank " + source + " is out of range for a "
                    + (isInter() ? "remote group" : "communicator") + " of size " + remoteSize());
        }
    }

    private static void checkSendTag(int tag) {
        if (tag < 0) throw new IllegalArgumentException("tag must be >= 0, not " + tag);
    }

    private static void checkRecvTag(int tag) {
        if (tag < 0 && tag != Mpi.ANY_TAG) throw new IllegalArgumentException("tag must be >= 0 or ANY_TAG, not " + tag);
    }

    private void checkRoot(int root) {
        if (isInter()) {
            if (root == Mpi.ROOT || root == Mpi.PROC_NULL || (root >= 0 && root < remoteSize())) return;
            throw new IllegalArgumentException("root " + root + " is not ROOT, PROC_NULL or a rank of the remote group of size "
                    + remoteSize());
        }
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("root rank " + root + " is out of range for a communicator of size " + size());
        }
    }

    private void requireIntra(String what) {
        if (isInter()) throw new UnsupportedOperationException(what + " on an intercommunicator");
    }

    private static void requireRoom(Buffer b, long bytes, String what) {
        Objects.requireNonNull(b, what);
        if (b.segment().byteSize() < bytes) {
            throw new IllegalArgumentException(what + " is too small: " + b.count() + " " + b.type() + " elements, "
                    + bytes / b.type().bytes() + " needed");
        }
    }

    private static Buffer copyOf(Buffer b) {
        return new Buffer(allocate(b.segment().byteSize()).copyFrom(b.segment()), b.type());
    }

    private static void requireSameType(Buffer send, Buffer recv) {
        if (send.type() != recv.type()) throw new IllegalArgumentException("send is " + send.type() + ", recv " + recv.type());
    }

    private static MemorySegment longs(int n) {
        return MemorySegment.ofArray(new long[n]);
    }

    private static MemorySegment allocate(long bytes) {
        if (bytes <= Integer.MAX_VALUE - 16) return MemorySegment.ofArray(new byte[(int) bytes]);
        return Arena.ofAuto().allocate(bytes, 16);
    }
}
