package hitchhiker.process;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A ring of variable-size messages in shared memory that any number of JVMs put to and take from:
 * the transport of {@link ProcessQueue}, {@link SimpleQueue} and {@link Connection}.
 *
 * <p>Layout: a 512-byte header (each hot word on its own cache line) and a power-of-two data area.
 * A message is its length (4 bytes) and its bytes, wrapped around the end of the area. One
 * producer and one consumer at a time hold the ring's two locks (a word holding the holder's
 * pid, taken by compare-and-set; threads of one JVM queue on a local lock first), so the data
 * area is a single-producer single-consumer ring: the producer publishes its tail with a release
 * store after copying, the consumer reads it with an acquire load. A message larger than the free
 * space streams through while both sides hold their locks.
 *
 * <p>Waiting is futex-free (see {@link Backoff}). While waiting a thread checks every 20 ms
 * whether the ring was closed, whether a lock's holder died (its lock is then taken over: a
 * message it had not published is lost, one it was streaming breaks the ring) and what the
 * caller's {@code gone} check says about the other side.
 */
final class SharedRing {

    /** Thrown when the ring is closed: {@link #bit} 1 means no more puts, 2 no more takes. */
    static final class ClosedException extends IllegalStateException {
        final int bit;

        ClosedException(int bit) {
            super(bit == 1 ? "closed for putting" : "closed for taking");
            this.bit = bit;
        }
    }

    /** What {@link #poll} returns when the ring is closed for putting and empty: the end of the stream. */
    static final byte[] END = new byte[0];

    static final long HEADER = 512;
    private static final long CAPACITY_AT = 0, MAX_ITEMS_AT = 8, FLAGS_AT = 16,
            TAIL_AT = 64, HEAD_AT = 128, PRODUCER_AT = 192, CONSUMER_AT = 256, COUNT_AT = 320, UNFINISHED_AT = 384;
    static final int NO_PUTS = 1, NO_TAKES = 2;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** A message's length prefix: big-endian, at any byte offset. */
    private static final ValueLayout.OfInt LENGTH = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final long PID = Backoff.PID;

    private final MemorySegment header;
    private final MemorySegment data;
    private final long capacity;
    private final long mask;
    private final BooleanSupplier gone;
    private final ReentrantLock producers = new ReentrantLock();
    private final ReentrantLock consumers = new ReentrantLock();

    /**
     * A view of a ring in {@code region} (made by {@link #create} there or in another JVM);
     * {@code gone} says, when asked while waiting, whether the other side went away (it may also
     * throw to say why).
     */
    SharedRing(MemorySegment region, BooleanSupplier gone) {
        this.header = region.asSlice(0, HEADER);
        this.capacity = (long) LONG.getVolatile(header, CAPACITY_AT);
        if (capacity <= 0 || Long.bitCount(capacity) != 1 || region.byteSize() < HEADER + capacity) {
            throw new IllegalStateException("not a message ring: capacity " + capacity + " in " + region.byteSize() + " bytes");
        }
        this.data = region.asSlice(HEADER, capacity);
        this.mask = capacity - 1;
        this.gone = gone;
    }

    /** Bytes a ring of {@code capacity} data bytes (a power of two) needs. */
    static long bytesFor(long capacity) {
        return HEADER + capacity;
    }

    /** Writes a new ring's header into zero-filled memory; {@code maxItems} 0 means unbounded. */
    static void create(MemorySegment region, long capacity, long maxItems) {
        if (Long.bitCount(capacity) != 1) throw new IllegalArgumentException("ring capacity must be a power of two");
        LONG.setVolatile(region, MAX_ITEMS_AT, maxItems <= 0 ? Long.MAX_VALUE : maxItems);
        LONG.setVolatile(region, CAPACITY_AT, capacity);
    }

    /**
     * Appends a message; {@code nanos} &lt; 0 waits as long as needed. Returns false when the
     * ring stayed full (items or bytes) for {@code nanos}.
     */
    boolean offer(byte[] message, long nanos) throws InterruptedException {
        long deadline = Backoff.deadline(nanos);
        requireOpen(NO_PUTS | NO_TAKES);
        if (!lockLocal(producers, nanos, deadline)) return false;
        try {
            if (!lockShared(PRODUCER_AT, deadline, true)) return false;
            try {
                long max = (long) LONG.getVolatile(header, MAX_ITEMS_AT);
                long need = 4L + message.length;
                long tail = (long) LONG.getVolatile(header, TAIL_AT);
                long at = tail & mask;
                if ((long) LONG.getVolatile(header, COUNT_AT) < max && free(tail) >= need && at + need <= capacity) {
                    // The common case: room now, and no wrap: one copy, one publication.
                    data.set(LENGTH, at, message.length);
                    MemorySegment.copy(message, 0, data, ValueLayout.JAVA_BYTE, at + 4, message.length);
                    // Release: the bytes copied above are visible to a consumer that acquire-loads this tail.
                    LONG.setRelease(header, TAIL_AT, tail + need);
                    LONG.getAndAdd(header, COUNT_AT, 1L);
                    return true;
                }
                Waiter w = new Waiter();
                while ((long) LONG.getVolatile(header, COUNT_AT) >= max) {
                    if (!w.pause(deadline, true)) return false;
                }
                // Wait for room for the whole message, or (when it is larger than the ring) for any room.
                while (free(tail) < Math.min(need, capacity)) {
                    if (!w.pause(deadline, true)) return false;
                }
                byte[] length = {(byte) (message.length >>> 24), (byte) (message.length >>> 16),
                        (byte) (message.length >>> 8), (byte) message.length};
                tail = copyIn(tail, length, 0, 4, w);
                copyIn(tail, message, 0, message.length, w);
                LONG.getAndAdd(header, COUNT_AT, 1L);
                return true;
            } finally {
                LONG.setVolatile(header, PRODUCER_AT, 0L);
            }
        } finally {
            producers.unlock();
        }
    }

    /**
     * Takes the oldest message; {@code nanos} &lt; 0 waits as long as needed. Returns null when
     * none came within {@code nanos}, and {@link #END} when the ring is empty and closed for putting
     * (or its writers are {@code gone}).
     */
    byte[] poll(long nanos) throws InterruptedException {
        long deadline = Backoff.deadline(nanos);
        requireOpen(NO_TAKES);
        if (!lockLocal(consumers, nanos, deadline)) return null;
        try {
            if (!lockShared(CONSUMER_AT, deadline, false)) return null;
            try {
                long head = (long) LONG.getVolatile(header, HEAD_AT);
                // Acquire: pairs with the producer's release of the tail, so the bytes before it are there.
                long available = (long) LONG.getAcquire(header, TAIL_AT) - head;
                long at = head & mask;
                if (available >= 4 && at + 4 <= capacity) {
                    int n = data.get(LENGTH, at);
                    if (available >= 4L + n && at + 4 + n <= capacity) {
                        // The common case: the whole message is there, unwrapped.
                        byte[] message = new byte[n];
                        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at + 4, message, 0, n);
                        // Release: the copy out is done before a producer, acquiring the head, reuses the room.
                        LONG.setRelease(header, HEAD_AT, head + 4 + n);
                        LONG.getAndAdd(header, COUNT_AT, -1L);
                        return message;
                    }
                }
                Waiter w = new Waiter();
                // Acquire loads of the tail here and below: as above, the published bytes come with it.
                while ((long) LONG.getAcquire(header, TAIL_AT) - head < 4) {
                    if (flags() != 0 || w.peerGone) {
                        requireOpen(NO_TAKES);
                        if ((long) LONG.getAcquire(header, TAIL_AT) - head < 4) return END;
                    }
                    if (!w.pause(deadline, false)) return null;
                }
                byte[] length = new byte[4];
                head = copyOut(head, length, 4, w);
                int n = (length[0] & 0xff) << 24 | (length[1] & 0xff) << 16 | (length[2] & 0xff) << 8 | (length[3] & 0xff);
                byte[] message = new byte[n];
                copyOut(head, message, n, w);
                LONG.getAndAdd(header, COUNT_AT, -1L);
                return message;
            } finally {
                LONG.setVolatile(header, CONSUMER_AT, 0L);
            }
        } finally {
            consumers.unlock();
        }
    }

    /**
     * Waits until a message can be taken without waiting, or the ring is empty with no more to
     * come (closed for putting, or its writers gone); false when neither happened within
     * {@code nanos}.
     */
    boolean awaitReadable(long nanos) throws InterruptedException {
        long deadline = Backoff.deadline(nanos);
        Waiter w = new Waiter();
        for (; ; ) {
            requireOpen(NO_TAKES);
            long head = (long) LONG.getVolatile(header, HEAD_AT);
            // Acquire: a message seen here is readable in full by the take that follows.
            if ((long) LONG.getAcquire(header, TAIL_AT) != head || (flags() & NO_PUTS) != 0 || w.peerGone) return true;
            if (!w.pause(deadline, false)) return false;
        }
    }

    /** Messages now in the ring (a snapshot). */
    long count() {
        return Math.max(0, (long) LONG.getVolatile(header, COUNT_AT));
    }

    /** Closes the ring for putting ({@link #NO_PUTS}), taking ({@link #NO_TAKES}) or both. */
    void close(int bits) {
        int old;
        do {
            old = (int) INT.getVolatile(header, FLAGS_AT);
        } while (!INT.compareAndSet(header, FLAGS_AT, old, old | bits));
    }

    /** The closed bits now set. */
    int flags() {
        return (int) INT.getVolatile(header, FLAGS_AT);
    }

    /** Throws {@link ClosedException} if any of {@code bits} is set. */
    void requireOpen(int bits) {
        int f = flags() & bits;
        if ((f & NO_TAKES) != 0) throw new ClosedException(NO_TAKES);
        if (f != 0) throw new ClosedException(NO_PUTS);
    }

    /** Adds to the count of unfinished tasks (a {@link JoinableQueue}'s); returns the new count. */
    long addUnfinished(long delta) {
        return (long) LONG.getAndAdd(header, UNFINISHED_AT, delta) + delta;
    }

    /** Waits until the count of unfinished tasks is zero. */
    void awaitNoUnfinished() throws InterruptedException {
        Waiter w = new Waiter();
        while ((long) LONG.getVolatile(header, UNFINISHED_AT) > 0) {
            requireOpen(NO_TAKES);
            w.pause(Long.MAX_VALUE, false);
        }
    }

    // ---- the data area ----

    private long free(long tail) {
        // Acquire: pairs with the consumer's release of the head, so the room it freed is no longer read.
        return capacity - (tail - (long) LONG.getAcquire(header, HEAD_AT));
    }

    /** Copies bytes in at {@code tail}, publishing as room appears; returns the new tail. */
    private long copyIn(long tail, byte[] src, int off, int len, Waiter w) throws InterruptedException {
        while (len > 0) {
            long room;
            while ((room = free(tail)) == 0) {
                requireOpen(NO_TAKES);
                w.pause(Long.MAX_VALUE, true);
            }
            int n = (int) Math.min(len, room);
            long at = tail & mask;
            int first = (int) Math.min(n, capacity - at);
            MemorySegment.copy(src, off, data, ValueLayout.JAVA_BYTE, at, first);
            if (n > first) MemorySegment.copy(src, off + first, data, ValueLayout.JAVA_BYTE, 0, n - first);
            tail += n;
            off += n;
            len -= n;
            // Release: this piece's bytes are visible to the consumer that acquire-loads the tail.
            LONG.setRelease(header, TAIL_AT, tail);
        }
        return tail;
    }

    /** Copies {@code len} bytes out from {@code head}, freeing room as it goes; returns the new head. */
    private long copyOut(long head, byte[] dst, int len, Waiter w) throws InterruptedException {
        int off = 0;
        while (off < len) {
            long available;
            // Acquire: pairs with copyIn's release of the tail.
            while ((available = (long) LONG.getAcquire(header, TAIL_AT) - head) == 0) {
                requireOpen(NO_TAKES);
                // Streaming a large message: its producer must still be there.
                if (w.checkDue()) {
                    long holder = (long) LONG.getVolatile(header, PRODUCER_AT);
                    if (holder == 0 || !Backoff.isRunning(holder)) {
                        throw new IllegalStateException("the process putting a message died before it finished: the ring is broken");
                    }
                }
                w.pause(Long.MAX_VALUE, false);
            }
            int n = (int) Math.min(len - off, available);
            long at = head & mask;
            int first = (int) Math.min(n, capacity - at);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at, dst, off, first);
            if (n > first) MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, dst, off + first, n - first);
            head += n;
            off += n;
            // Release: this piece is copied out before copyIn, acquiring the head, overwrites it.
            LONG.setRelease(header, HEAD_AT, head);
        }
        return head;
    }

    // ---- locks ----

    private static boolean lockLocal(ReentrantLock lock, long nanos, long deadline) throws InterruptedException {
        if (nanos < 0) {
            lock.lockInterruptibly();
            return true;
        }
        return lock.tryLock(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Takes a shared lock word for this process; false at the deadline. */
    private boolean lockShared(long at, long deadline, boolean putting) throws InterruptedException {
        if (LONG.compareAndSet(header, at, 0L, PID)) return true;
        Waiter w = new Waiter();
        for (; ; ) {
            long holder = (long) LONG.getVolatile(header, at);
            if (holder == 0) {
                if (LONG.compareAndSet(header, at, 0L, PID)) return true;
            } else if (w.checkDue() && !Backoff.isRunning(holder)) {
                // It died holding the lock; what it had published is intact.
                if (LONG.compareAndSet(header, at, holder, PID)) return true;
            }
            if (!w.pause(deadline, putting)) return false;
        }
    }

    /** A {@link Backoff} that also checks, every 20 ms, whether the ring was closed or the other side went away. */
    private final class Waiter {
        private final Backoff backoff = new Backoff();
        boolean peerGone;

        /** Waits a little; false once the deadline has passed. */
        boolean pause(long deadline, boolean putting) throws InterruptedException {
            boolean more = backoff.pause(deadline);
            if (backoff.checkDue()) {
                requireOpen(putting ? NO_PUTS | NO_TAKES : NO_TAKES);
                if (gone.getAsBoolean()) {
                    peerGone = true;
                    if (putting) throw new ClosedException(NO_TAKES);
                }
            }
            return more;
        }

        boolean checkDue() {
            return backoff.checkDue();
        }
    }
}
