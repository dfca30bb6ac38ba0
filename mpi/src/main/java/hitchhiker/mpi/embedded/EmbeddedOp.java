package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Request;

/**
 * A send or receive in flight in the embedded engine. It completes (or fails) under the engine's
 * lock; {@code done} is volatile so a waiter may see completion without taking the lock.
 */
abstract sealed class EmbeddedOp implements Request permits SendOp, RecvOp {

    final Engine engine;
    final Endpoint endpoint;
    final ChannelView view;
    private volatile boolean done;
    private Status status;
    private RuntimeException error;

    EmbeddedOp(Engine engine, Endpoint endpoint, ChannelView view) {
        this.engine = engine;
        this.endpoint = endpoint;
        this.view = view;
    }

    final void complete(Status s) {
        status = s;
        done = true;
    }

    final void fail(RuntimeException e) {
        error = e;
        done = true;
    }

    final boolean done() {
        return done;
    }

    /** Which participants this operation waits on: one, or every one of the view's remote group (-1). */
    abstract int peer();

    /** A one-line description for failure messages. */
    abstract String describe();

    /** Removes this operation from the engine's queues after it failed. */
    abstract void withdraw();

    /** Whether the operation is still queued, untouched: a receive not matched, a send not begun. */
    abstract boolean untouched();

    @Override
    public final boolean cancel() {
        return engine.cancel(this);
    }

    /** Completes a cancelled operation: an empty status. */
    final void cancelled() {
        complete(EMPTY);
    }

    @Override
    public final Status await() {
        if (!done) engine.awaitDone(this);
        return result();
    }

    @Override
    public final Status test() {
        if (!done) engine.poll();
        return done ? result() : null;
    }

    private Status result() {
        if (error != null) {
            if (error instanceof MpiException m) throw rethrow(m);
            throw error;
        }
        return status;
    }

    // Rethrow with the waiter's stack trace, keeping the type and the message.
    private static RuntimeException rethrow(MpiException e) {
        e.fillInStackTrace();
        return e;
    }
}
