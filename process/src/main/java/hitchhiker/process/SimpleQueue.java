package hitchhiker.process;

import java.io.Serial;
import java.io.Serializable;

/**
 * The plainest queue between JVMs, like Python's {@code multiprocessing.SimpleQueue}: unbounded,
 * with {@link #put}, a blocking {@link #get}, {@link #isEmpty} and {@link #close}. It is a
 * {@link ProcessQueue} without timeouts or sizes; pass it to other JVMs the same way.
 *
 * @param <T> the item type
 */
public final class SimpleQueue<T> implements Serializable, AutoCloseable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProcessQueue<T> queue;

    /** A new queue owned by this JVM. */
    public SimpleQueue() {
        this.queue = new ProcessQueue<>();
    }

    /** Adds an item. */
    public void put(T item) throws InterruptedException {
        queue.put(item);
    }

    /** Removes and returns the oldest item, waiting until there is one. */
    public T get() throws InterruptedException {
        return queue.get();
    }

    /** Whether the queue is now empty (a snapshot). */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** In the owning JVM: ends the queue for every JVM (see {@link ProcessQueue#close}). */
    @Override
    public void close() {
        queue.close();
    }
}
