package hitchhiker.process;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * A FIFO queue shared by several JVMs, like Python's {@code multiprocessing.Queue}: any number of
 * producers and consumers in the creating JVM and in the workers or processes it starts.
 *
 * <p>The items live in a ring of shared memory (see {@link SharedRing}) that every JVM using the
 * queue maps, so a put or get is a copy into or out of memory, with no process in between: about
 * a microsecond for a small item. Pass the queue to another JVM by capturing it in a task or
 * process target; it arrives mapped onto the same memory. Items are encoded as task arguments are
 * (so they must be serializable); an item larger than the ring streams through it.
 *
 * <p>The JVM that creates the queue owns it: its {@link #close} ends the queue for everyone (every
 * get or put, here or in other JVMs, waiting or later, throws {@link IllegalStateException}); a
 * client's {@code close} does nothing, since the queue is shared by every task in that JVM. A client
 * whose owner died gets an {@link IllegalStateException} saying so, within about 20 ms.
 *
 * <p>Memory consistency effects: as with a {@link java.util.concurrent.BlockingQueue} in one JVM,
 * actions in a thread prior to putting an item <i>happen-before</i> actions subsequent to the
 * get of that item in another thread of the same JVM. Between JVMs an item is a copy: what the
 * getter sees is the item as it was encoded at the put, complete (the ring publishes a message
 * with a release store after copying it, and a get reads it after an acquire load).
 *
 * @param <T> the item type
 */
public sealed class ProcessQueue<T> implements Serializable, AutoCloseable permits JoinableQueue {

    @Serial
    private static final long serialVersionUID = 2L;
    /** Bytes of the ring's data area: room for tens of thousands of small items. */
    static final long RING_BYTES = 1 << 20;
    private static final Map<Path, ProcessQueue<?>> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final long ownerPid;
    private final transient boolean owner;
    /** Null in a client that could not map the queue: then every call says why. */
    private final transient SharedRing ring;
    private final transient String unusable;

    /** An unbounded queue owned by this JVM. */
    public ProcessQueue() {
        this(0);
    }

    /** A queue owned by this JVM that holds at most {@code capacity} items (0: unbounded). */
    public ProcessQueue(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("queue capacity must be 0 (unbounded) or more, not " + capacity);
        this.file = RuntimeFiles.newPath("queue-", ".ring");
        this.ownerPid = ProcessHandle.current().pid();
        this.owner = true;
        this.unusable = null;
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the queue's shared memory " + file, e);
        }
        MemorySegment region = SharedMemory.map(file, SharedRing.bytesFor(RING_BYTES), Arena.ofAuto(), true);
        SharedRing.create(region, RING_BYTES, capacity);
        this.ring = new SharedRing(region, () -> false);
        IN_THIS_JVM.put(file, this);
    }

    /** Another JVM's queue, mapped here. */
    ProcessQueue(Path file, long ownerPid) {
        this.file = file;
        this.ownerPid = ownerPid;
        this.owner = false;
        SharedRing r = null;
        String why = null;
        try {
            MemorySegment region = SharedMemory.map(file, SharedRing.bytesFor(RING_BYTES), Arena.ofAuto(), false);
            r = new SharedRing(region, this::ownerGone);
        } catch (RuntimeException e) {
            why = "the queue's owner (pid " + ownerPid + ") closed it or went away (" + file + ")";
        }
        this.ring = r;
        this.unusable = why;
    }

    /** Adds an item, waiting while the queue is full. */
    public void put(T item) throws InterruptedException {
        offer(Codec.encode(item, "the queue item"), -1);
    }

    /** Adds an item, waiting at most {@code timeout} while the queue is full. */
    public void put(T item, Duration timeout) throws InterruptedException, TimeoutException {
        if (!offer(Codec.encode(item, "the queue item"), nanos(timeout))) {
            throw new TimeoutException("queue still full after " + timeout);
        }
    }

    /** Adds an item if there is room now, else throws {@link IllegalStateException} ("the queue is full"). */
    public void putNowait(T item) {
        try {
            if (!offer(Codec.encode(item, "the queue item"), 0)) throw new IllegalStateException("the queue is full");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Removes and returns the oldest item, waiting until there is one. */
    public T get() throws InterruptedException {
        return decode(take(-1));
    }

    /** Removes and returns the oldest item, waiting at most {@code timeout}. */
    public T get(Duration timeout) throws InterruptedException, TimeoutException {
        byte[] bytes = take(nanos(timeout));
        if (bytes == null) throw new TimeoutException("queue still empty after " + timeout);
        return decode(bytes);
    }

    /** Removes and returns the oldest item if there is one now, else throws {@link NoSuchElementException}. */
    public T getNowait() {
        try {
            byte[] bytes = take(0);
            if (bytes == null) throw new NoSuchElementException("the queue is empty");
            return decode(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The number of items now in the queue (a snapshot); throws {@link IllegalStateException} once closed. */
    public int size() {
        SharedRing r = usable();
        try {
            r.requireOpen(SharedRing.NO_PUTS | SharedRing.NO_TAKES);
        } catch (SharedRing.ClosedException e) {
            throw closed();
        }
        return (int) Math.min(Integer.MAX_VALUE, r.count());
    }

    /** Whether the queue is now empty (a snapshot); throws {@link IllegalStateException} once closed. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The owner's close ends the queue for every JVM and deletes its memory; a client's does
     * nothing (the queue stays usable by the other tasks in that JVM).
     */
    @Override
    public void close() {
        if (!owner) return;
        ring.close(SharedRing.NO_PUTS | SharedRing.NO_TAKES);
        IN_THIS_JVM.remove(file, this);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort; the owner's directory goes at exit
        }
    }

    // ---- shared with JoinableQueue ----

    /** Puts encoded bytes; false on timeout. */
    boolean offer(byte[] bytes, long nanos) throws InterruptedException {
        SharedRing r = usable();
        try {
            return r.offer(bytes, nanos);
        } catch (SharedRing.ClosedException e) {
            throw closed();
        }
    }

    /** Takes encoded bytes; null on timeout. */
    private byte[] take(long nanos) throws InterruptedException {
        SharedRing r = usable();
        try {
            byte[] bytes = r.poll(nanos);
            if (bytes == SharedRing.END) throw closed();
            return bytes;
        } catch (SharedRing.ClosedException e) {
            throw closed();
        }
    }

    SharedRing usable() {
        if (ring == null) throw new IllegalStateException(unusable);
        return ring;
    }

    static IllegalStateException closed() {
        return new IllegalStateException("the queue is closed");
    }

    @SuppressWarnings("unchecked")
    private T decode(byte[] bytes) {
        return (T) Codec.decode(bytes);
    }

    private boolean ownerGone() {
        if (RuntimeFiles.ownerRunning(ownerPid, null)) return false;
        throw new IllegalStateException("the queue's owner (pid " + ownerPid + ") went away");
    }

    static long nanos(Duration timeout) {
        return timeout == null ? -1 : Math.max(0, timeout.toNanos());
    }

    @Serial
    Object writeReplace() {
        return new Ref(file.toString(), ownerPid, this instanceof JoinableQueue);
    }

    /** What travels: the shared memory's path, its owner and the kind of queue. */
    private record Ref(String file, long ownerPid, boolean joinable) implements Serializable {
        @Serial
        private Object readResolve() {
            return IN_THIS_JVM.computeIfAbsent(Path.of(file),
                    p -> joinable ? new JoinableQueue<>(p, ownerPid) : new ProcessQueue<>(p, ownerPid));
        }
    }
}
