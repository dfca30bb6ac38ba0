package hitchhiker.mpi.embedded;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A single-producer single-consumer byte ring in shared memory (one per ordered pair of
 * processes), in the style of Agrona's and JCTools' SPSC queues.
 *
 * <p>{@code tail} counts the bytes ever written and {@code head} the bytes ever read; both only
 * grow, so {@code tail - head} is the fill level and a position's index is {@code pos & (capacity - 1)}.
 * The producer publishes bytes with a release store of {@code tail} after copying them; the
 * consumer frees space with a release store of {@code head} after copying them out. Each counter
 * sits on its own 128-byte line so the two sides never share a cache line. Each side caches the
 * other's counter and only re-reads it when the cached value says "full" or "empty".
 *
 * <p>Large messages stream through: the producer writes whatever fits, the consumer reads what is
 * there, so a 4 MiB message needs no 4 MiB ring.
 *
 * <p><b>Ready flag.</b> A message written whole ({@link #writeMessage}) is published twice: by
 * {@link #READY}, a bit set in its header's length word with a release store, and then by the
 * tail. A consumer at a message boundary looks at that word first ({@link #readableMessage}): the
 * header and a small payload share its cache line, so a small message costs the consumer one
 * cache-line transfer rather than two (the tail's line, then the data's). Stale bytes can never
 * look ready: before each release of the tail the producer zeroes the length word at the new
 * tail, where the next header will go, and it always keeps those {@link #SLACK} bytes free. A
 * message that streams ({@link #writeHeader}) marks its header {@link #STREAMING} instead, so a
 * consumer at a boundary reads the tail only once it has seen a non-zero word there.
 */
final class Ring {

    private static final long TAIL = 0, HEAD = 128, DATA = 256;
    /** Set in a header's length word when the whole message is in the ring. */
    private static final long READY = 1L << 62;
    /** Set in a header's length word when only the header is published (a message that streams). */
    private static final long STREAMING = 1L << 61;
    /** Bytes past the tail kept free, so the next header's length word can be zeroed ahead. */
    private static final long SLACK = 16;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment memory;
    private final MemorySegment data;
    private final long capacity;
    private final long mask;
    private long cachedHead; // producer's view of head
    private long cachedTail; // consumer's view of tail

    Ring(MemorySegment memory, long capacity) {
        if (Long.bitCount(capacity) != 1 || capacity < 64) throw new IllegalArgumentException("capacity " + capacity);
        this.memory = memory;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.data = memory.asSlice(DATA, capacity);
    }

    static long footprint(long capacity) {
        return DATA + capacity;
    }

    // ---- producer side -----------------------------------------------------------------------

    /** Bytes the producer may write now. */
    long writable() {
        long tail = (long) LONG.getOpaque(memory, TAIL);  // our own counter: opaque, no ordering needed
        long free = capacity - SLACK - (tail - cachedHead);
        if (free <= 0 || free < capacity / 4) {
            cachedHead = (long) LONG.getAcquire(memory, HEAD);  // acquire: the consumer's copies out happen-before we overwrite
            free = capacity - SLACK - (tail - cachedHead);
        }
        return free;
    }

    /** Copies {@code length} bytes (at most {@link #writable()}) from {@code src} and publishes them. */
    void write(MemorySegment src, long srcOffset, long length) {
        long tail = (long) LONG.getOpaque(memory, TAIL);  // our own counter: opaque suffices
        copyIn(src, srcOffset, tail, length);
        publish(tail + length);
    }

    /** Writes a 16-byte message header (needs 16 writable bytes; headers are 16-aligned so never wrap). */
    void writeHeader(int context, int tag, long length) {
        long tail = (long) LONG.getOpaque(memory, TAIL);  // our own counter: opaque suffices
        long at = tail & mask;
        data.set(ValueLayout.JAVA_INT, at, context);
        data.set(ValueLayout.JAVA_INT, at + 4, tag);
        // STREAMING, not READY: the consumer sees a header and reads the tail for what follows
        LONG.setRelease(data, at + 8, length | STREAMING);
        publish(tail + 16);
    }

    /**
     * Writes a whole message (header, payload and {@code pad} bytes of padding; together at most
     * {@link #writable()}) and publishes it with one release store: the consumer, polling the
     * tail, sees one change rather than three, and never a header without its payload.
     */
    void writeMessage(int context, int tag, MemorySegment src, long length, long pad) {
        long tail = (long) LONG.getOpaque(memory, TAIL);  // our own counter: opaque suffices
        long at = tail & mask;
        data.set(ValueLayout.JAVA_INT, at, context);
        data.set(ValueLayout.JAVA_INT, at + 4, tag);
        if (length > 0) copyIn(src, 0, tail + 16, length);
        long end = tail + 16 + length + pad;
        clearHeaderAt(end);
        // release: payload, header and the cleared next header are visible before READY is
        LONG.setRelease(data, at + 8, length | READY);
        LONG.setRelease(memory, TAIL, end);  // release: for a consumer that reads the tail
    }

    /** Skips {@code length} bytes of padding (at most {@link #writable()}). */
    void pad(long length) {
        publish((long) LONG.getOpaque(memory, TAIL) + length);
    }

    // Clears the next header's length word (when the new tail may start one), then releases the tail.
    private void publish(long tail) {
        clearHeaderAt(tail);
        LONG.setRelease(memory, TAIL, tail);  // release: the bytes are visible before the new tail
    }

    // Messages start 16-aligned; within a message, clearing free bytes ahead of the tail is harmless.
    private void clearHeaderAt(long pos) {
        if ((pos & 15) == 0) data.set(ValueLayout.JAVA_LONG, (pos & mask) + 8, 0L);
    }

    // ---- consumer side -----------------------------------------------------------------------

    /** Bytes the consumer may read now. */
    long readable() {
        long head = (long) LONG.getOpaque(memory, HEAD);  // our own counter: opaque, no ordering needed
        long available = cachedTail - head;
        if (available <= 0) {
            // acquire: pairs with the producer's release, so the bytes are there. The tail may lag
            // behind a message already seen READY, so keep the larger.
            cachedTail = Math.max(cachedTail, (long) LONG.getAcquire(memory, TAIL));
            available = cachedTail - head;
        }
        return available;
    }

    /**
     * Bytes the consumer may read now, when the head is at a message's header: a message written
     * whole is seen by its {@link #READY} flag, in the line the header is in, before the tail's
     * line is read.
     */
    long readableMessage() {
        long head = (long) LONG.getOpaque(memory, HEAD);  // our own counter: opaque suffices
        if (cachedTail - head > 0) return cachedTail - head;
        // acquire: pairs with the producer's release of READY, so the payload is there
        long word = (long) LONG.getAcquire(data, (head & mask) + 8);
        if ((word & READY) != 0) {
            long length = word & ~READY;
            cachedTail = head + 16 + length + ((16 - (length & 15)) & 15);
            return cachedTail - head;
        }
        // Nothing there yet: the word is zeroed ahead of the tail, so an empty ring costs a poll
        // one cache line, not two (polling the tail too pulled the producer's tail line over on
        // every poll, and the producer had to take it back for every message).
        return word == 0 ? 0 : readable();
    }

    int headerContext() {
        return data.get(ValueLayout.JAVA_INT, headIndex());
    }

    int headerTag() {
        return data.get(ValueLayout.JAVA_INT, headIndex() + 4);
    }

    long headerLength() {
        return data.get(ValueLayout.JAVA_LONG, headIndex() + 8) & ~(READY | STREAMING);
    }

    /** Copies {@code length} readable bytes from {@code offset} past the head into {@code dst}, freeing nothing. */
    void peek(long offset, MemorySegment dst, long length) {
        copyOut((long) LONG.getOpaque(memory, HEAD) + offset, dst, 0, length);  // our own counter: opaque suffices
    }

    /** Copies {@code length} readable bytes into {@code dst} (or drops them when {@code dst} is null) and frees them. */
    void read(MemorySegment dst, long dstOffset, long length) {
        long head = (long) LONG.getOpaque(memory, HEAD);  // our own counter: opaque suffices
        if (dst != null) copyOut(head, dst, dstOffset, length);
        LONG.setRelease(memory, HEAD, head + length);  // release: our copies out are done before the producer may reuse the space
    }

    private long headIndex() {
        return (long) LONG.getOpaque(memory, HEAD) & mask;  // our own counter: opaque suffices
    }

    private void copyIn(MemorySegment src, long srcOffset, long pos, long length) {
        long at = pos & mask;
        long first = Math.min(length, capacity - at);
        MemorySegment.copy(src, srcOffset, data, at, first);
        if (first < length) MemorySegment.copy(src, srcOffset + first, data, 0, length - first);
    }

    private void copyOut(long pos, MemorySegment dst, long dstOffset, long length) {
        long at = pos & mask;
        long first = Math.min(length, capacity - at);
        MemorySegment.copy(data, at, dst, dstOffset, first);
        if (first < length) MemorySegment.copy(data, 0, dst, dstOffset + first, length - first);
    }
}
