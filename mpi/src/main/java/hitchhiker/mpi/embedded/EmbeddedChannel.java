package hitchhiker.mpi.embedded;

import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Channel;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A communicator of the embedded backend: a context number in a {@link Fabric} plus the mapping
 * of its ranks onto the fabric's participants. Its collective context is the next context number
 * (contexts are allocated in pairs), so collectives never match user messages.
 */
final class EmbeddedChannel implements Channel {

    private final EmbeddedBackend backend;
    private final Engine engine;
    private final Endpoint endpoint;
    private final int context;
    private final ChannelView view;
    private final boolean inter;
    private final boolean collective;
    private EmbeddedChannel collectiveContext;

    EmbeddedChannel(EmbeddedBackend backend, Endpoint endpoint, int context, int[] local, int[] remote, boolean inter,
                    boolean collective) {
        this.backend = backend;
        this.engine = backend.engine();
        this.endpoint = endpoint;
        this.context = context;
        this.view = ChannelView.of(local, remote, endpoint.fabric.participants(), endpoint.fabric.me());
        this.inter = inter;
        this.collective = collective;
    }

    @Override
    public int rank() {
        return view.rank();
    }

    @Override
    public int size() {
        return view.local().length;
    }

    @Override
    public boolean isInter() {
        return inter;
    }

    @Override
    public int remoteSize() {
        return view.remote().length;
    }

    @Override
    public Request isend(MemorySegment data, int dest, int tag) {
        return startSend(data, dest, tag, false);
    }

    private Request startSend(MemorySegment data, int dest, int tag, boolean synchronous) {
        if (dest == PROC_NULL) return Request.completed(new Status(PROC_NULL, tag, 0));
        int to = view.participant(dest);
        return synchronous ? engine.ssend(endpoint, view, context, tag, to, data) : engine.send(endpoint, view, context, tag, to, data);
    }

    /** Blocking send: straight into the ring when it can ({@link Engine#sendNow}), else as {@link #isend}. */
    @Override
    public void send(MemorySegment data, int dest, int tag) {
        if (dest != PROC_NULL && engine.sendNow(endpoint, context, tag, view.participant(dest), data)) return;
        isend(data, dest, tag).await();
    }

    /** An object message is framed as a buffer message here ({@link Channel#isendAnySize}'s default): the same fast path. */
    @Override
    public void sendAnySize(MemorySegment data, int dest, int tag) {
        send(data, dest, tag);
    }

    /** Blocking receive: straight from the ring when it can ({@link Engine#receiveNow}), else as {@link #irecv}. */
    @Override
    public Status recv(MemorySegment into, int source, int tag) {
        RecvOp now = receiveNow(into, source, tag);
        return now != null ? now.await() : irecv(into, source, tag).await();
    }

    /** Blocking receive of any size, with the same fast path. */
    @Override
    public Request recvAnySize(int source, int tag) {
        Request r = receiveNow(null, source, tag);
        if (r == null) r = irecvAnySize(source, tag);
        r.await();
        return r;
    }

    private RecvOp receiveNow(MemorySegment into, int source, int tag) {
        if (source == PROC_NULL || source == ANY_SOURCE) return null;
        return engine.receiveNow(endpoint, view, context, view.participant(source), tag, into);
    }

    @Override
    public Request issend(MemorySegment data, int dest, int tag) {
        return startSend(data, dest, tag, true);
    }

    @Override
    public Request irecv(MemorySegment into, int source, int tag) {
        return startReceive(into, source, tag);
    }

    @Override
    public Request irecvAnySize(int source, int tag) {
        return startReceive(null, source, tag);
    }

    // into: null for a receive of any size.
    private Request startReceive(MemorySegment into, int source, int tag) {
        if (source == PROC_NULL) return Request.completed(Request.EMPTY);
        return engine.receive(endpoint, view, context, participant(source), tag, into);
    }

    @Override
    public Status probe(int source, int tag) {
        if (source == PROC_NULL) return Request.EMPTY;
        return engine.probe(endpoint, view, context, participant(source), tag);
    }

    @Override
    public Status iprobe(int source, int tag) {
        if (source == PROC_NULL) return Request.EMPTY;
        return engine.peek(endpoint, view, context, participant(source), tag);
    }

    private int participant(int source) {
        return source == ANY_SOURCE ? -1 : view.participant(source);
    }

    @Override
    public int compare(Channel other) {
        if (other == this) return IDENT;
        if (!(other instanceof EmbeddedChannel o) || o.endpoint.fabric != endpoint.fabric || o.inter != inter) return UNEQUAL;
        if (java.util.Arrays.equals(view.local(), o.view.local()) && java.util.Arrays.equals(view.remote(), o.view.remote())) {
            return CONGRUENT;
        }
        return sameMembers(view.local(), o.view.local()) && sameMembers(view.remote(), o.view.remote()) ? SIMILAR : UNEQUAL;
    }

    private static boolean sameMembers(int[] a, int[] b) {
        return java.util.Arrays.equals(java.util.Arrays.stream(a).sorted().toArray(), java.util.Arrays.stream(b).sorted().toArray());
    }

    @Override
    public synchronized Channel collectiveContext() {
        if (collective) return this;
        if (collectiveContext == null) {
            collectiveContext = new EmbeddedChannel(backend, endpoint, context + 1, view.local(), view.remote(), inter, true);
        }
        return collectiveContext;
    }

    /**
     * Allgathers (color, key, next free context) over the collective context, then every member
     * takes the largest next free context of the whole old group, so the new context is unused by
     * every member, and moves its own counter past it.
     */
    @Override
    public Channel split(int color, int key) {
        if (inter) return splitInter(color, key);
        int n = size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = splitEntry(arena, color, key);
            MemorySegment all = arena.allocate(ValueLayout.JAVA_INT, 3L * n);
            collectiveContext().allgather(mine, all);
            int newContext = 0;
            List<int[]> members = new ArrayList<>(); // {old rank, key}
            for (int r = 0; r < n; r++) {
                newContext = Math.max(newContext, all.getAtIndex(ValueLayout.JAVA_INT, 3L * r + 2));
                if (color != UNDEFINED && all.getAtIndex(ValueLayout.JAVA_INT, 3L * r) == color) {
                    members.add(new int[] {r, all.getAtIndex(ValueLayout.JAVA_INT, 3L * r + 1)});
                }
            }
            synchronized (endpoint) {
                endpoint.nextContext = Math.max(endpoint.nextContext, newContext + 2);
            }
            if (color == UNDEFINED) return null;
            members.sort(Comparator.<int[]>comparingInt(m -> m[1]).thenComparingInt(m -> m[0]));
            int[] group = members.stream().mapToInt(m -> view.local()[m[0]]).toArray();
            return new EmbeddedChannel(backend, endpoint, newContext, group, group, false, false);
        }
    }

    /** This process's (color, key, next free context), as a split shares it. */
    private MemorySegment splitEntry(Arena arena, int color, int key) {
        MemorySegment mine = arena.allocate(ValueLayout.JAVA_INT, 3);
        int next;
        synchronized (endpoint) {
            next = endpoint.nextContext;
        }
        mine.setAtIndex(ValueLayout.JAVA_INT, 0, color);
        mine.setAtIndex(ValueLayout.JAVA_INT, 1, key);
        mine.setAtIndex(ValueLayout.JAVA_INT, 2, next);
        return mine;
    }

    /**
     * MPI_Comm_split of an intercommunicator: each group learns the other's (color, key, next
     * free context) by an intercommunicator allgather, and its own group's by a second one
     * (every remote process sends back what it received); both then agree on a context above
     * every member's, and each color's processes form an intercommunicator with the remote
     * processes of the same color (none when the remote group has none).
     */
    private Channel splitInter(int color, int key) {
        Channel coll = collectiveContext();
        int local = size(), remote = remoteSize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = splitEntry(arena, color, key);
            MemorySegment theirs = arena.allocate(ValueLayout.JAVA_INT, 3L * remote);
            coll.allgather(mine, theirs);
            MemorySegment echoed = arena.allocate(ValueLayout.JAVA_INT, 3L * local * remote);
            coll.allgather(theirs, echoed);
            MemorySegment ours = echoed.asSlice(0, 12L * local);  // what remote rank 0 received from this group
            int newContext = Math.max(maxContext(ours, local), maxContext(theirs, remote));
            synchronized (endpoint) {
                endpoint.nextContext = Math.max(endpoint.nextContext, newContext + 2);
            }
            if (color == UNDEFINED) return null;
            int[] localGroup = members(ours, local, color, view.local());
            int[] remoteGroup = members(theirs, remote, color, view.remote());
            if (remoteGroup.length == 0) return null;
            return new EmbeddedChannel(backend, endpoint, newContext, localGroup, remoteGroup, true, false);
        }
    }

    private static int maxContext(MemorySegment triples, int n) {
        int max = 0;
        for (int r = 0; r < n; r++) max = Math.max(max, triples.getAtIndex(ValueLayout.JAVA_INT, 3L * r + 2));
        return max;
    }

    /** The participants of the ranks that chose {@code color}, ordered by key, then rank. */
    private static int[] members(MemorySegment triples, int n, int color, int[] participants) {
        List<int[]> chosen = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (triples.getAtIndex(ValueLayout.JAVA_INT, 3L * r) == color) chosen.add(new int[] {r, triples.getAtIndex(ValueLayout.JAVA_INT, 3L * r + 1)});
        }
        chosen.sort(Comparator.<int[]>comparingInt(m -> m[1]).thenComparingInt(m -> m[0]));
        return chosen.stream().mapToInt(m -> participants[m[0]]).toArray();
    }

    /** A duplicate: a split with one color, keeping the order (intercommunicators too). */
    @Override
    public Channel dup() {
        return split(0, rank());
    }

    @Override
    public Channel spawn(String mainClass, List<String> args, int count, int root) {
        if (inter) throw new UnsupportedOperationException("spawn from an intercommunicator");
        return Spawner.spawn(backend, this, mainClass, args, count, root);
    }

    @Override
    public void disconnect() {
        barrier();
        backend.awaitSendsFlushed();
    }

    @Override
    public void close() {
        // Nothing to free: contexts are numbers and the fabric stays mapped for the process's life.
    }
}
