package hitchhiker.omp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count of deferred tasks not yet complete, and the thread that may wait for it to reach zero:
 * a task's children (for {@code taskwait}) or a task group's descendants (for {@code taskgroup}).
 * The task that completes the last one wakes the waiter if it parked.
 */
class Pending {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Pending.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through COUNT
    private volatile int count;
    /** The thread that runs the task or opened the group; set before any task is counted here. */
    TeamThread owner;

    Pending(TeamThread owner) {
        this.owner = owner;
    }

    final void add() {
        COUNT.getAndAdd(this, 1);
    }

    /** One counted task completed; wakes the owner when it was the last. */
    final void done() {
        if ((int) COUNT.getAndAdd(this, -1) == 1) Team.wake(owner);
    }

    final boolean settled() {
        return count == 0;
    }
}
