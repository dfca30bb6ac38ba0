package hitchhiker.process;

import java.util.concurrent.CompletableFuture;

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

    /** A function serialized once, with the id workers cache it under. */
    record FunctionRef(int id, byte[] bytes) {
    }
}
