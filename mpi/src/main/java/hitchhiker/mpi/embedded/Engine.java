package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MessageTruncatedException;
import hitchhiker.mpi.PeerFailedException;
import hitchhiker.mpi.Status;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded transport's progress engine: one per process (or per rank thread), driving every
 * {@link Endpoint} it has joined.
 *
 * <p><b>Wire format.</b> Each message is a 16-byte header (context, tag, length) and its payload,
 * padded to 16 bytes, written into the {@link Ring} from sender to receiver. Payloads stream: a
 * sender writes what fits and the rest as the receiver frees space.
 *
 * <p><b>Matching</b> follows MPI: an arriving message goes to the first posted receive it matches
 * (context, source, tag); otherwise it is stored, in arrival order, as unexpected. A new receive
 * first takes the first matching unexpected message. Because one ring carries one pair's messages
 * in order and both lists are searched in order, messages between a pair never overtake.
 *
 * <p><b>Synchronous sends</b> set {@link #SYNC} in the header's context; when a receive matches
 * such a message, the receiver sends back an empty acknowledgement with the same tag in the
 * context marked {@link #ACK}, which the sender's request waits for. Acknowledgements of one
 * (sender, receiver, tag) arrive in the order their messages were matched, which is the order
 * they were sent, so each pairs with its send.
 *
 * <p><b>Progress.</b> There is no background thread: every call (send, receive, test, wait) makes
 * progress on all rings under one lock, pushing queued sends and pulling arrivals. A rank blocked
 * in a send therefore keeps draining its own incoming rings, so two ranks that both send large
 * messages before receiving do not deadlock. A waiter spins, then yields, then parks
 * ({@link Backoff}); while slow, it checks every 50 ms whether the peers it waits on are gone, and
 * fails the operation with {@link PeerFailedException} rather than waiting forever.
 */
final class Engine {

    private static final long CHUNK = 256 << 10; // write at most this much at once, so the reader can start
    private static final long LIVENESS_NANOS = 50_000_000;
    private static final int QUICK_POLLS = 64;
    /** Polls of {@link #receiveNow}: a few microseconds, about what a small message's round trip takes. */
    private static final int RECEIVE_NOW_POLLS = 256;

    /** Context bits: a message from a synchronous send, and the acknowledgement of one. */
    static final int SYNC = 1 << 30, ACK = 1 << 29;

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

    Endpoint join(Fabric fabric, int firstFreeContext) {
        Endpoint e = new Endpoint(fabric, firstFreeContext);
        endpoints.add(e);
        return e;
    }

    // ---- operations --------------------------------------------------------------------------

    SendOp send(Endpoint e, ChannelView view, int context, int tag, int dest, MemorySegment data) {
        SendOp op = new SendOp(this, e, view, context, tag, dest, data);
        lock.lock();
        try {
            if (dest == e.fabric.me()) {
                deliverLocally(e, op);
            } else {
                e.outbox[dest].add(op);
                push(e, dest);
                if (!op.done()) progress();
            }
        } finally {
            lock.unlock();
        }
        return op;
    }

    /**
     * A blocking send's fast path: when nothing is queued to {@code dest} and the whole message
     * fits in the ring now, writes it there and returns true, with no operation object to
     * allocate or complete; otherwise false, and the caller sends as usual.
     */
    boolean sendNow(Endpoint e, int context, int tag, int dest, MemorySegment data) {
        if (dest == e.fabric.me()) return false;
        long length = data.byteSize(), whole = 16 + length + padding(length);
        lock.lock();
        try {
            if (!e.outbox[dest].isEmpty()) return false;  // behind queued sends: never overtake them
            Ring ring = e.fabric.to(dest);
            if (whole > CHUNK || ring.writable() < whole) return false;
            ring.writeMessage(context, tag, data, length, padding(length));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A synchronous send: complete once its message is sent and a receive has matched it. */
    hitchhiker.mpi.spi.Request ssend(Endpoint e, ChannelView view, int context, int tag, int dest, MemorySegment data) {
        RecvOp ack = receive(e, view, context | ACK, dest, tag, MemorySegment.NULL);
        SendOp send = send(e, view, context | SYNC, tag, dest, data);
        return new hitchhiker.mpi.spi.Request() {
            @Override
            public Status await() {
                Status sent = send.await();
                ack.await();
                return new Status(sent.source(), tag, sent.bytes());
            }

            @Override
            public Status test() {
                return send.test() != null && ack.test() != null ? await() : null;
            }
        };
    }

    RecvOp receive(Endpoint e, ChannelView view, int context, int source, int tag, MemorySegment buffer) {
        RecvOp op = new RecvOp(this, e, view, context, source, tag, buffer);
        lock.lock();
        try {
            progress();
            Endpoint.Unexpected u = firstUnexpected(e, op);
            if (u != null) {
                e.unexpected.remove(u);
                if (u.sync) acknowledge(e, op.view, u.source, u.context, u.tag);
                if (u.complete) deliverStored(u, op);
                else u.claimedBy = op;
            } else {
                e.posted.add(op);
            }
        } finally {
            lock.unlock();
        }
        return op;
    }

    /**
     * A blocking receive's fast path from one named peer. While this process has nothing else in
     * flight (no posted receive, no unexpected message, no queued send, nothing half-read from that
     * peer), the message at the head of the peer's ring is the earliest it sent, so it is the one
     * MPI's matching would pick: wait briefly for it and copy it straight into place, with no
     * posted receive to match and no progress over every ring. An 8-byte ping-pong spent most of
     * its microsecond there.
     *
     * @return the completed receive, or null when anything else is going on, the message there
     * does not match (another tag, a synchronous send, too long for the buffer), or none came
     * within {@link #RECEIVE_NOW_POLLS} polls: the caller then receives as usual
     */
    RecvOp receiveNow(Endpoint e, ChannelView view, int context, int source, int tag, MemorySegment buffer) {
        if (source < 0 || source == e.fabric.me()) return null;
        Ring ring = e.fabric.from(source);
        for (int i = 0; i < RECEIVE_NOW_POLLS; i++) {
            if (!lock.tryLock()) return null;
            try {
                if (!nothingInFlight(e, source)) return null;
                long readable = ring.readableMessage();
                if (readable >= 16) {
                    int msgTag = ring.headerTag();
                    long length = ring.headerLength();
                    long whole = 16 + length + padding(length);
                    RecvOp op = new RecvOp(this, e, view, context, source, tag, buffer);
                    if (!op.matches(ring.headerContext(), source, msgTag) || readable < whole
                            || (buffer != null && length > buffer.byteSize())) {
                        return null;
                    }
                    MemorySegment target = buffer != null ? buffer : (op.payload = allocate(length));
                    if (length > 0) ring.peek(16, target, length);
                    ring.read(null, 0, whole);
                    op.complete(op.statusFor(source, msgTag, length));
                    return op;
                }
            } finally {
                lock.unlock();
            }
            Thread.onSpinWait();
        }
        return null;
    }

    private boolean nothingInFlight(Endpoint e, int source) {
        if (!e.posted.isEmpty() || !e.unexpected.isEmpty() || e.inbound[source].inMessage) return false;
        for (Endpoint x : endpoints) {
            for (ArrayDeque<SendOp> q : x.outbox) if (!q.isEmpty()) return false;
        }
        return true;
    }

    /** The envelope of the first matching message that has arrived (perhaps still streaming), or null. */
    Status peek(Endpoint e, ChannelView view, int context, int source, int tag) {
        RecvOp probe = new RecvOp(this, e, view, context, source, tag, null);
        lock.lock();
        try {
            progress();
            Endpoint.Unexpected u = firstUnexpected(e, probe);
            return u == null ? null : probe.statusFor(u.source, u.tag, u.length);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a matching message has arrived; fails like a receive when its senders are gone. */
    Status probe(Endpoint e, ChannelView view, int context, int source, int tag) {
        Backoff backoff = new Backoff();
        RecvOp pending = new RecvOp(this, e, view, context, source, tag, null);
        while (true) {
            Status s = peek(e, view, context, source, tag);
            if (s != null) return s;
            backoff.idle();
            if (backoff.checkDue(LIVENESS_NANOS)) {
                RuntimeException failure = peerFailure(pending, "probe");
                Status last = peek(e, view, context, source, tag); // after the look, as in awaitDone
                if (last != null) return last;
                if (failure != null) throw failure;
            }
        }
    }

    /** Cancels an operation that nothing has matched or begun to move yet. */
    boolean cancel(EmbeddedOp op) {
        lock.lock();
        try {
            if (op.done() || !op.untouched()) return false;
            op.withdraw();
            op.cancelled();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Makes progress once without waiting. */
    void poll() {
        lock.lock();
        try {
            progress();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for an operation, making progress meanwhile; fails it if the peers it needs are gone. */
    void awaitDone(EmbeddedOp op) {
        // A reply usually comes within a few polls: poll without a Backoff (an allocation) first.
        for (int i = 0; i < QUICK_POLLS; i++) {
            if (progressIfFree(op)) return;
            Thread.onSpinWait();
        }
        Backoff backoff = new Backoff();
        while (true) {
            if (progressIfFree(op)) return;
            backoff.idle();
            if (backoff.checkDue(LIVENESS_NANOS)) {
                // Look at the peers first, then drain once more: a peer's bytes are published
                // before it marks itself finished, so whatever it sent is taken in by this
                // progress, and only an operation still pending after it can never complete.
                RuntimeException failure = peerFailure(op, op.describe());
                if (failure != null) {
                    lock.lock();
                    try {
                        progress();
                        if (!op.done()) {
                            op.withdraw();
                            op.fail(failure);
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    // Progress unless another thread of this process is making it already; then whether op is done.
    private boolean progressIfFree(EmbeddedOp op) {
        if (op.done()) return true;
        if (lock.tryLock()) {
            try {
                progress();
            } finally {
                lock.unlock();
            }
        }
        return op.done();
    }

    /** Waits until every queued send is written into its ring, or failed because its receiver is gone. */
    void flush() {
        List<SendOp> queued = new java.util.ArrayList<>();
        lock.lock();
        try {
            progress();
            for (Endpoint e : endpoints) for (ArrayDeque<SendOp> q : e.outbox) queued.addAll(q);
        } finally {
            lock.unlock();
        }
        for (SendOp op : queued) awaitDone(op);
    }

    // ---- liveness ----------------------------------------------------------------------------

    // A failure if the operation can never complete: its one peer is gone, or (any source) a peer
    // crashed or every peer is gone. Callers drain the rings after this look and fail the
    // operation only if it is still pending, so bytes a peer wrote before leaving are delivered.
    private static RuntimeException peerFailure(EmbeddedOp op, String what) {
        Fabric f = op.endpoint.fabric;
        int me = f.me();
        int[] peers = op.peer() >= 0 ? new int[] {op.peer()} : op.view.remote();
        boolean allGone = true;
        for (int p : peers) {
            if (p == me) {
                allGone = false;
                continue;
            }
            if (f.state(p) == Fabric.FAILED) {
                return new PeerFailedException(op.view.rankOf(p), "rank " + op.view.rankOf(p) + " failed while rank "
                        + op.view.rank() + " waited to " + what);
            }
            if (f.crashed(p)) {
                return new PeerFailedException(op.view.rankOf(p), "rank " + op.view.rankOf(p) + " died (process "
                        + f.pid(p) + " is gone) while rank " + op.view.rank() + " waited to " + what);
            }
            if (!f.gone(p)) allGone = false;
        }
        if (!allGone) return null;
        int peer = op.peer() >= 0 ? op.view.rankOf(op.peer()) : -1;
        return new PeerFailedException(peer, (peer >= 0 ? "rank " + peer : "every peer")
                + " finished while rank " + op.view.rank() + " waited to " + what);
    }

    // ---- progress (under the lock) -----------------------------------------------------------

    private void progress() {
        for (Endpoint e : endpoints) {
            int n = e.fabric.participants(), me = e.fabric.me();
            for (int p = 0; p < n; p++) {
                if (p == me) continue;
                if (!e.outbox[p].isEmpty()) push(e, p);
                pull(e, p);
            }
        }
    }

    private static long padding(long length) {
        return (16 - (length & 15)) & 15;
    }

    private void push(Endpoint e, int dest) {
        ArrayDeque<SendOp> queue = e.outbox[dest];
        Ring ring = e.fabric.to(dest);
        while (!queue.isEmpty()) {
            SendOp op = queue.peek();
            long length = op.data.byteSize();
            long whole = 16 + length + padding(length);
            if (!op.headerWritten && whole <= CHUNK && ring.writable() >= whole) {
                ring.writeMessage(op.context, op.tag, op.data, length, padding(length));
                queue.poll();
                op.sent();
                continue;
            }
            if (!op.headerWritten) {
                if (ring.writable() < 16) return;
                ring.writeHeader(op.context, op.tag, length);
                op.headerWritten = true;
            }
            while (op.written < length) {
                long n = Math.min(Math.min(length - op.written, ring.writable()), CHUNK);
                if (n <= 0) return;
                ring.write(op.data, op.written, n);
                op.written += n;
            }
            long pad = padding(length);
            if (pad > 0) {
                if (ring.writable() < pad) return;
                ring.pad(pad);
            }
            queue.poll();
            op.sent();
        }
    }

    private void pull(Endpoint e, int source) {
        Ring ring = e.fabric.from(source);
        Endpoint.Inbound in = e.inbound[source];
        while (true) {
            long readable = in.inMessage ? ring.readable() : ring.readableMessage();
            if (!in.inMessage) {
                if (readable < 16) return;
                int context = ring.headerContext(), tag = ring.headerTag();
                long length = ring.headerLength();
                long whole = 16 + length + padding(length);
                if (readable >= whole) {
                    // All here: deliver it and free its bytes with one release store.
                    begin(e, in, source, context, tag, length);
                    if (in.target != null && length > 0) ring.peek(16, in.target, length);
                    ring.read(null, 0, whole);
                    in.copied = length;
                    end(in, source);
                    continue;
                }
                ring.read(null, 0, 16);
                begin(e, in, source, context, tag, length);
                readable = ring.readable();
            }
            if (in.copied < in.length) {
                long n = Math.min(readable, in.length - in.copied);
                if (n <= 0) return;
                ring.read(in.target, in.copied, n);
                in.copied += n;
                if (in.copied < in.length) return;
                readable = ring.readable();
            }
            long pad = padding(in.length);
            if (pad > 0) {
                if (readable < pad) return;
                ring.read(null, 0, pad);
            }
            end(in, source);
        }
    }

    // A header arrived: decide where its payload goes.
    private void begin(Endpoint e, Endpoint.Inbound in, int source, int context, int tag, long length) {
        boolean sync = (context & SYNC) != 0;
        context &= ~SYNC;
        in.inMessage = true;
        in.length = length;
        in.copied = 0;
        in.tag = tag;
        in.receiver = null;
        in.stored = null;
        RecvOp match = null;
        for (RecvOp r : e.posted) {
            if (r.matches(context, source, tag)) {
                match = r;
                break;
            }
        }
        if (match != null) {
            e.posted.remove(match);
            if (sync) acknowledge(e, match.view, source, context, tag);
            in.receiver = match;
            if (match.buffer == null) {
                match.payload = allocate(length);
                in.target = match.payload;
            } else if (length > match.buffer.byteSize()) {
                match.fail(new MessageTruncatedException(match.statusFor(source, tag, length), match.buffer.byteSize()));
                in.receiver = null;
                in.target = null;
            } else {
                in.target = match.buffer;
            }
        } else {
            Endpoint.Unexpected u = new Endpoint.Unexpected(context, source, tag, length, allocate(length));
            u.sync = sync;
            e.unexpected.add(u);
            in.stored = u;
            in.target = u.data;
        }
    }

    // The whole payload arrived.
    private void end(Endpoint.Inbound in, int source) {
        in.inMessage = false;
        if (in.receiver != null) {
            in.receiver.complete(in.receiver.statusFor(source, in.tag, in.length));
        } else if (in.stored != null) {
            Endpoint.Unexpected u = in.stored;
            u.complete = true;
            if (u.claimedBy != null) deliverStored(u, u.claimedBy);
        }
        in.receiver = null;
        in.stored = null;
        in.target = null;
    }

    private static Endpoint.Unexpected firstUnexpected(Endpoint e, RecvOp op) {
        for (Endpoint.Unexpected u : e.unexpected) {
            if (u.claimedBy == null && op.matches(u.context, u.source, u.tag)) return u;
        }
        return null;
    }

    private static void deliverStored(Endpoint.Unexpected u, RecvOp op) {
        Status status = op.statusFor(u.source, u.tag, u.length);
        if (op.buffer == null) {
            op.payload = u.data;
        } else if (u.length > op.buffer.byteSize()) {
            op.fail(new MessageTruncatedException(status, op.buffer.byteSize()));
            return;
        } else {
            MemorySegment.copy(u.data, 0, op.buffer, 0, u.length);
        }
        op.complete(status);
    }

    // Under the lock, from progress too: queues the empty acknowledgement of a synchronous send
    // without making progress (which would re-enter the ring being read).
    private void acknowledge(Endpoint e, ChannelView view, int participant, int context, int tag) {
        SendOp ack = new SendOp(this, e, view, context | ACK, tag, participant, MemorySegment.NULL);
        if (participant == e.fabric.me()) {
            deliverLocally(e, ack);
        } else {
            e.outbox[participant].add(ack);
            push(e, participant);
        }
    }

    // A message to oneself never touches a ring: it goes straight to a receive, or is stored.
    private void deliverLocally(Endpoint e, SendOp op) {
        int me = e.fabric.me();
        long length = op.data.byteSize();
        boolean sync = (op.context & SYNC) != 0;
        int context = op.context & ~SYNC;
        RecvOp match = null;
        for (RecvOp r : e.posted) {
            if (r.matches(context, me, op.tag)) {
                match = r;
                break;
            }
        }
        if (match != null) {
            e.posted.remove(match);
            if (sync) acknowledge(e, match.view, me, context, op.tag);
            Endpoint.Unexpected copy = new Endpoint.Unexpected(context, me, op.tag, length,
                    match.buffer == null ? allocate(length) : op.data);
            if (match.buffer == null) MemorySegment.copy(op.data, 0, copy.data, 0, length);
            deliverStored(copy, match);
        } else {
            MemorySegment data = allocate(length);
            MemorySegment.copy(op.data, 0, data, 0, length);
            Endpoint.Unexpected u = new Endpoint.Unexpected(context, me, op.tag, length, data);
            u.complete = true;
            u.sync = sync;
            e.unexpected.add(u);
        }
        op.sent();
    }

    // On the heap while a byte[] can hold it; off-heap (freed by the GC) beyond 2 GiB.
    private static MemorySegment allocate(long length) {
        if (length <= Integer.MAX_VALUE - 16) return MemorySegment.ofArray(new byte[(int) length]);
        return Arena.ofAuto().allocate(length, 16);
    }
}
