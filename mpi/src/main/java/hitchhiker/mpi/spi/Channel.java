package hitchhiker.mpi.spi;

import hitchhiker.mpi.Status;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One communicator as a backend implements it: a group of processes with a private matching
 * space for point-to-point messages, plus the collectives over that group.
 *
 * <p><b>Contract.</b> Arguments arrive already checked by the API ({@code hitchhiker.mpi.Comm}):
 * ranks are in range or one of the constants below, tags are {@code >= 0} or {@link #ANY_TAG},
 * buffers are readable/writable. Messages between one pair of processes in one channel are
 * non-overtaking: two sends that both match a receive are received in the order they were sent.
 * A receive whose sender died must fail with {@code hitchhiker.mpi.PeerFailedException}, never
 * block forever. A message longer than a posted buffer fails with
 * {@code hitchhiker.mpi.MessageTruncatedException}. Segments may be on-heap or off-heap; a
 * backend that needs native memory copies heap segments itself.
 *
 * <p><b>Collectives</b> have default implementations in {@link Collectives}, written over the
 * point-to-point operations of {@link #collectiveContext()} (so they never match user messages).
 * A native backend overrides them with MPI's own. Every process of the group calls a collective,
 * in the same order, with matching arguments (as MPI requires). Collective arguments on an
 * intercommunicator follow MPI: the root process passes {@link #ROOT}, its group-mates
 * {@link #PROC_NULL}, and the remote group the root's rank.
 *
 * <p><b>Intercommunicators</b> ({@link #isInter()}): point-to-point ranks name processes of the
 * remote group; {@link #rank()}/{@link #size()} describe the local group.
 */
public interface Channel extends AutoCloseable {

    /** Matches a message from any sender (MPI_ANY_SOURCE). */
    int ANY_SOURCE = -1;
    /** Matches a message with any tag (MPI_ANY_TAG). */
    int ANY_TAG = -1;
    /** The null process: sends to it and receives from it complete at once (MPI_PROC_NULL). */
    int PROC_NULL = -2;
    /** Marks the root process in an intercommunicator collective (MPI_ROOT). */
    int ROOT = -3;

    /**
     * Whether this process is the root of a rooted collective called with {@code root}: its own
     * rank, or on an intercommunicator {@link #ROOT}. The one place that rule is written.
     */
    default boolean isRoot(int root) {
        return isInter() ? root == ROOT : rank() == root;
    }
    /** A split color that puts the caller in no new communicator (MPI_UNDEFINED). */
    int UNDEFINED = -32766;

    /** This process's rank in the (local) group. */
    int rank();

    /** The size of the (local) group. */
    int size();

    /** Whether this is an intercommunicator (from spawn). */
    boolean isInter();

    /** The size of the remote group of an intercommunicator; {@link #size()} otherwise. */
    int remoteSize();

    // ---- point to point -------------------------------------------------------------------

    /**
     * Starts sending the bytes of {@code data} to {@code dest} with {@code tag}. The segment must
     * not change until the request completes.
     */
    Request isend(MemorySegment data, int dest, int tag);

    /**
     * Starts receiving a message that matches {@code source} and {@code tag} into {@code into}; the
     * status says how many bytes arrived. A longer message fails the request with a
     * {@code MessageTruncatedException}.
     */
    Request irecv(MemorySegment into, int source, int tag);

    /**
     * Starts receiving a matching message of any length into memory the backend allocates
     * ({@link Request#payload()}); object messages use it, so they are never truncated.
     */
    Request irecvAnySize(int source, int tag);

    /**
     * Starts sending a message for {@link #irecvAnySize} (an object message). A backend may frame
     * it differently from a buffer message (so that a receive of any size can be posted before
     * the message's length is known), so an object receive must be paired with this send.
     */
    default Request isendAnySize(MemorySegment data, int dest, int tag) {
        return isend(data, dest, tag);
    }

    /** A synchronous {@link #isendAnySize}: complete once a receive has matched the message. */
    default Request issendAnySize(MemorySegment data, int dest, int tag) {
        return issend(data, dest, tag);
    }

    /** Blocking {@link #isendAnySize}: returns when {@code data} may be reused. */
    default void sendAnySize(MemorySegment data, int dest, int tag) {
        isendAnySize(data, dest, tag).await();
    }

    /** Blocking {@link #irecvAnySize}: the returned request has completed. */
    default Request recvAnySize(int source, int tag) {
        Request r = irecvAnySize(source, tag);
        r.await();
        return r;
    }

    /** Blocks until a matching message is available and returns its envelope, without receiving it. */
    Status probe(int source, int tag);

    /** The envelope of a matching message if one is available now, else {@code null}. */
    Status iprobe(int source, int tag);

    /**
     * Starts a synchronous send (MPI_Issend): it completes only once a receive has matched it,
     * so a program that relies on buffering shows its deadlock.
     */
    Request issend(MemorySegment data, int dest, int tag);

    /** Blocking send: returns when {@code data} may be reused. */
    default void send(MemorySegment data, int dest, int tag) {
        isend(data, dest, tag).await();
    }

    /** Blocking receive into a buffer. */
    default Status recv(MemorySegment into, int source, int tag) {
        return irecv(into, source, tag).await();
    }

    // ---- collectives ------------------------------------------------------------------------

    /**
     * A channel over the same group whose messages never match this one's (a private duplicate,
     * as MPI keeps a hidden context for collectives). The default collectives talk over it.
     */
    Channel collectiveContext();

    /** Blocks until every process of the group has called it. */
    default void barrier() {
        Collectives.barrier(collectiveContext());
    }

    /** Copies the root's {@code buffer} into every other process's {@code buffer} (same size everywhere). */
    default void bcast(MemorySegment buffer, int root) {
        Collectives.bcast(collectiveContext(), buffer, root);
    }

    /**
     * Gathers every process's {@code send} block, in rank order, into the root's {@code recv}
     * (which holds {@code size × send.byteSize()} bytes; ignored elsewhere). On an
     * intercommunicator the remote group sends and the {@link #ROOT} receives.
     */
    default void gather(MemorySegment send, MemorySegment recv, int root) {
        Collectives.gather(collectiveContext(), send, recv, root);
    }

    /** Like {@link #gather} with blocks of different lengths: {@code counts[i]} bytes from rank i (known at the root). */
    default void gatherv(MemorySegment send, MemorySegment recv, long[] counts, int root) {
        Collectives.gatherv(collectiveContext(), send, recv, counts, root);
    }

    /** Sends block i of the root's {@code send} (blocks of {@code recv.byteSize()} bytes) to rank i's {@code recv}. */
    default void scatter(MemorySegment send, MemorySegment recv, int root) {
        Collectives.scatter(collectiveContext(), send, recv, root);
    }

    /** Like {@link #scatter} with blocks of {@code counts[i]} bytes (counts known at the root). */
    default void scatterv(MemorySegment send, long[] counts, MemorySegment recv, int root) {
        Collectives.scatterv(collectiveContext(), send, counts, recv, root);
    }

    /**
     * Every process gets every process's block, in rank order; on an intercommunicator, every
     * block of the remote group.
     */
    default void allgather(MemorySegment send, MemorySegment recv) {
        Collectives.allgather(collectiveContext(), send, recv);
    }

    /** Like {@link #allgather} with blocks of {@code counts[i]} bytes (known everywhere; the remote group's on an intercommunicator). */
    default void allgatherv(MemorySegment send, MemorySegment recv, long[] counts) {
        Collectives.allgatherv(collectiveContext(), send, recv, counts);
    }

    /**
     * Block j of every process's {@code send} goes to process j, into block i of its
     * {@code recv} for sender i (MPI_Alltoall; blocks of {@code send.byteSize() / n} bytes).
     */
    default void alltoall(MemorySegment send, MemorySegment recv) {
        Collectives.alltoall(collectiveContext(), send, recv);
    }

    /** Like {@link #alltoall} with blocks of {@code sendCounts[j]} bytes to j and {@code recvCounts[i]} from i. */
    default void alltoallv(MemorySegment send, long[] sendCounts, MemorySegment recv, long[] recvCounts) {
        Collectives.alltoallv(collectiveContext(), send, sendCounts, recv, recvCounts);
    }

    /**
     * Prefix reduction (MPI_Scan, or MPI_Exscan when {@code exclusive}): process i's {@code recv}
     * gets {@code send_0 op ... op send_i} (up to {@code send_(i-1)} when exclusive; rank 0's
     * {@code recv} is then left as it is). Intracommunicators.
     */
    default void scan(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op, boolean exclusive) {
        Collectives.scan(collectiveContext(), send, recv, type, op, exclusive);
    }

    /**
     * Combines every process's {@code send} element-wise with {@code op}, in rank order, into the
     * root's {@code recv} (same size as {@code send}; ignored elsewhere).
     */
    default void reduce(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op, int root) {
        Collectives.reduce(collectiveContext(), send, recv, type, op, root);
    }

    /**
     * Like {@link #reduce}, with the result in every process's {@code recv}; on an
     * intercommunicator, the reduction of the remote group's blocks.
     */
    default void allreduce(MemorySegment send, MemorySegment recv, ElementType type, ReduceOp op) {
        Collectives.allreduce(collectiveContext(), send, recv, type, op);
    }

    // ---- communicator management -----------------------------------------------------------

    /** MPI_IDENT, MPI_CONGRUENT, MPI_SIMILAR, MPI_UNEQUAL: results of {@link #compare}. */
    int IDENT = 0, CONGRUENT = 1, SIMILAR = 2, UNEQUAL = 3;

    /** Collective: a new channel over the same group(s) whose messages never match this one's (MPI_Comm_dup). */
    default Channel dup() {
        if (isInter()) throw new UnsupportedOperationException("dup of an intercommunicator on this backend");
        return split(0, rank());
    }

    /**
     * How two channels relate (MPI_Comm_compare): {@link #IDENT} the same communicator,
     * {@link #CONGRUENT} the same processes in the same order, {@link #SIMILAR} the same
     * processes in another order, {@link #UNEQUAL} otherwise.
     */
    default int compare(Channel other) {
        return this == other ? IDENT : UNEQUAL;
    }

    /**
     * Collective: splits the group by {@code color}, ordering each new group by {@code key} then
     * old rank; returns {@code null} to callers that passed {@link #UNDEFINED}.
     */
    Channel split(int color, int key);

    /**
     * Collective: the {@code root} starts {@code count} new processes, each running
     * {@code mainClass}'s {@code main(args)} in a new world of size {@code count}, and returns an
     * intercommunicator whose remote group is the children (in the children it is their parent
     * channel, {@link Backend#parent()}).
     */
    Channel spawn(String mainClass, List<String> args, int count, int root);

    /** Collective: waits for pending traffic on this channel to finish, then frees it (MPI_Comm_disconnect). */
    void disconnect();

    /** Frees the channel without waiting (MPI_Comm_free); a no-op for world and self. */
    @Override
    void close();
}
