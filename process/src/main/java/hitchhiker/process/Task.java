package hitchhiker.process;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One unit of work for a worker: a function and a chunk of encoded arguments. Its future holds
 * the chunk's results in input order.
 */
final class Task {

    final FunctionRef function;
    final int count;
    final byte[] args;
    /** Index of the chunk's first input in its map call, or -1 for a single submitted task. */
    final long firstIndex;
    final CompletableFuture<Object[]> future = new CompletableFuture<>();

    // Guarded by the pool's lock.
    long id;
    long sentNanos;
    boolean sendFunction;
    int frameBytes;
    /** Whether writing it surely cannot block: what the worker has not answered fits in its pipe. */
    boolean fitsInPipe;

    Task(FunctionRef function, int count, byte[] args, long firstIndex) {
        this.function = function;
        this.count = count;
        this.args = args;
        this.firstIndex = firstIndex;
    }

    /**
     * Reads up to {@code chunksize} inputs into one task ({@code expected}: how many are likely
     * left, to size its buffer). When reading or encoding an input
     * throws, the exception propagates if {@code failure} is null; otherwise it is stored there
     * and the chunk ends with the inputs read before it (null when there are none).
     */
    static Task chunk(FunctionRef ref, Iterator<?> inputs, int chunksize, long expected, long firstIndex,
                      RuntimeException[] failure) {
        // Sized for the inputs expected, as boxed longs (9 bytes each): a buffer that doubles as it
        // fills allocates twice the chunk, and in G1 a buffer past half a region is a humongous
        // object (slow to allocate, a concurrent cycle to free): pool maps of a million numbers
        // spent 40-200 ms on that.
        WireBuffer args = new WireBuffer((int) Math.min(9 * Math.min(chunksize, expected) + 16, 1 << 26));
        int n = 0;
        try {
            while (n < chunksize && inputs.hasNext()) {
                int mark = args.size();
                try {
                    Codec.encode(args, inputs.next(), "input", firstIndex + n);
                } catch (RuntimeException e) {
                    args.truncate(mark);
                    throw e;
                }
                n++;
            }
        } catch (RuntimeException e) {
            if (failure == null) throw e;
            failure[0] = e;
            if (n == 0) return null;
        }
        return new Task(ref, n, args.toByteArray(), firstIndex);
    }

    /** Waits for the results, throwing the task's failure unwrapped. */
    Object[] await() {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a task");
        }
    }

    /** Cancels the tasks not yet done; one queued but not sent is then dropped by the dispatcher. */
    static void cancel(List<Task> tasks) {
        for (Task t : tasks) t.future.cancel(false);
    }

    /** A function serialized once, with the id workers cache it under. */
    record FunctionRef(int id, byte[] bytes) {
    }
}
