package hitchhiker.process;

import java.io.Serial;
import java.nio.file.Path;

/**
 * A {@link ProcessQueue} that counts unfinished items, like Python's
 * {@code multiprocessing.JoinableQueue}: every put adds one, every {@link #taskDone} (by a
 * consumer, after it has handled an item it got) takes one away, and {@link #join} waits until
 * the count is zero. The count lives in the queue's shared memory, so consumers in any JVM count.
 *
 * @param <T> the item type
 */
public final class JoinableQueue<T> extends ProcessQueue<T> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An unbounded joinable queue owned by this JVM. */
    public JoinableQueue() {
        super(0);
    }

    /** A joinable queue owned by this JVM that holds at most {@code capacity} items (0: unbounded). */
    public JoinableQueue(int capacity) {
        super(capacity);
    }

    JoinableQueue(Path file, long ownerPid) {
        super(file, ownerPid);
    }

    @Override
    boolean offer(byte[] bytes, long nanos) throws InterruptedException {
        // Counted before it can be taken, so a fast consumer's taskDone never finds zero.
        usable().addUnfinished(1);
        boolean put = false;
        try {
            put = super.offer(bytes, nanos);
            return put;
        } finally {
            if (!put) usable().addUnfinished(-1);
        }
    }

    /**
     * Says that an item taken from the queue has been handled; throws
     * {@link IllegalStateException} when called more times than items were put.
     */
    public void taskDone() {
        SharedRing r = usable();
        if (r.addUnfinished(-1) < 0) {
            r.addUnfinished(1);
            throw new IllegalStateException("taskDone() called more times than items were put");
        }
    }

    /** Waits until every item put has been taken and marked done with {@link #taskDone}. */
    public void join() throws InterruptedException {
        try {
            usable().awaitNoUnfinished();
        } catch (SharedRing.ClosedException e) {
            throw closed();
        }
    }
}
