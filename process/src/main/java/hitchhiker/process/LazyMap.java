package hitchhiker.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The iterator behind {@link ProcessPool#imap} and {@link ProcessPool#imapUnordered}: it reads inputs and submits
 * chunks only while fewer than {@code maxInFlight} are sent but unconsumed.
 */
final class LazyMap<T, R> implements Iterator<R> {

    /** The inputs a chunk's buffer is first sized for: an iterator does not say how many are left. */
    private static final long UNKNOWN_LEFT = 1 << 12;

    private final ProcessPool pool;
    private final Task.FunctionRef ref;
    private final Iterator<? extends T> inputs;
    private final int chunksize;
    private final int maxInFlight;
    private final boolean ordered;
    private final ArrayDeque<Task> inFlight = new ArrayDeque<>();
    private final LinkedBlockingQueue<Task> done = new LinkedBlockingQueue<>();
    private Object[] current = new Object[0];
    private int position;
    private long nextIndex;
    /** An exception of the input iterator, thrown once the results before it are consumed. */
    private final RuntimeException[] inputFailure = new RuntimeException[1];
    private boolean exhausted;

    LazyMap(ProcessPool pool, SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs, int chunksize,
            int maxInFlight, boolean ordered) {
        this.pool = pool;
        this.ref = pool.functionRef(fn);
        this.inputs = Objects.requireNonNull(inputs, "inputs").iterator();
        ProcessPool.requireChunksize(chunksize);
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        this.chunksize = chunksize;
        this.maxInFlight = maxInFlight;
        this.ordered = ordered;
    }

    @Override
    public boolean hasNext() {
        if (position < current.length) return true;
        topUp();
        if (inFlight.isEmpty() && inputFailure[0] != null) {
            // Python's rule: the results of the inputs read before the failing one come first.
            RuntimeException e = inputFailure[0];
            inputFailure[0] = null;
            exhausted = true;
            throw e;
        }
        while (position >= current.length && !inFlight.isEmpty()) {
            Task t;
            if (ordered) {
                t = inFlight.poll();
            } else {
                try {
                    t = done.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    Task.cancel(List.copyOf(inFlight));
                    throw new CancellationException("interrupted while waiting for a task");
                }
                inFlight.remove(t);
            }
            try {
                current = t.await();
            } catch (RuntimeException e) {
                Task.cancel(List.copyOf(inFlight));
                inFlight.clear();
                throw e;
            }
            position = 0;
            topUp();
        }
        if (position >= current.length && inputFailure[0] != null) return hasNext();
        return position < current.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) throw new NoSuchElementException();
        R r = (R) current[position];
        current[position++] = null;
        return r;
    }

    private void topUp() {
        List<Task> batch = new ArrayList<>();
        while (!exhausted && inputFailure[0] == null && inFlight.size() + batch.size() < maxInFlight) {
            Task t = Task.chunk(ref, inputs, chunksize, UNKNOWN_LEFT, nextIndex, inputFailure);
            if (t == null || t.count == 0) break;
            nextIndex += t.count;
            batch.add(t);
        }
        if (batch.isEmpty()) return;
        inFlight.addAll(batch);
        if (!ordered) for (Task t : batch) t.future.whenComplete((v, e) -> done.add(t));
        pool.enqueue(batch);
    }
}
