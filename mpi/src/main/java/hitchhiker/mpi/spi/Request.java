package hitchhiker.mpi.spi;

import hitchhiker.mpi.Status;

import java.lang.foreign.MemorySegment;

/**
 * A nonblocking operation a backend has started (MPI_Request). Completion is observed with
 * {@link #test} (never blocks) or {@link #await} (blocks until done, or throws when the peer
 * failed). Both may be called from any thread, any number of times; after completion they return
 * the same status.
 */
public interface Request {

    /** The status of an operation that moved nothing: to or from PROC_NULL, cancelled, or an inactive persistent request. */
    Status EMPTY = new Status(Channel.PROC_NULL, Channel.ANY_TAG, 0);

    /** An operation that completed when it started (to or from PROC_NULL): {@code status}, and no payload. */
    static Request completed(Status status) {
        return new Completed(status);
    }

    /** See {@link #completed}. */
    record Completed(Status status) implements Request {
        @Override
        public Status await() {
            return status;
        }

        @Override
        public Status test() {
            return status;
        }

        @Override
        public MemorySegment payload() {
            return MemorySegment.NULL;
        }
    }

    /** Blocks until the operation completes; the status of a send names its destination. */
    Status await();

    /** The status if the operation has completed, else {@code null}; makes progress either way. */
    Status test();

    /**
     * Tries to cancel the operation (MPI_Cancel): true if it was cancelled before it matched
     * anything, and is then complete (with an empty status) having moved no data; false if it
     * has completed or matched already, and then completes as usual.
     */
    default boolean cancel() {
        return false;
    }

    /**
     * For a receive started with {@link Channel#irecvAnySize}: the message's bytes, in memory the
     * backend allocated for it; valid once the request has completed.
     */
    default MemorySegment payload() {
        throw new UnsupportedOperationException("only a receive of any size has a payload");
    }
}
