package hitchhiker.omp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's deque of deferred tasks, after Chase and Lev ("Dynamic circular work-stealing
 * deque", SPAA 2005) with the fences of Lê et al. ("Correct and efficient work-stealing for weak
 * memory models", PPoPP 2013): the owner pushes and takes at the bottom without a CAS except for
 * the last task, thieves take the oldest task at the top with one CAS. Taking the newest task
 * keeps a recursive computation depth-first on its own thread; stealing the oldest hands a thief
 * the biggest piece of work.
 */
final class TaskDeque extends TaskDequeBottom {

    private static final VarHandle TOP;
    private static final VarHandle BOTTOM;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Task[].class);

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(TaskDequeTop.class, "top", long.class);
            BOTTOM = MethodHandles.lookup().findVarHandle(TaskDequeBottom.class, "bottom", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Owner only: adds a task at the bottom. The volatile write of bottom orders it before any later read of a sleeper count. */
    void push(Task task) {
        long b = bottom;
        long t = (long) TOP.getAcquire(this);
        Task[] a = array;
        if (b - t >= a.length - 1) a = grow(a, t, b);
        SLOT.setRelease(a, (int) (b & (a.length - 1)), task);
        BOTTOM.setVolatile(this, b + 1);
    }

    /** Owner only: the newest task, or null when empty. */
    Task take() {
        long b = bottom - 1;
        Task[] a = array;
        BOTTOM.setVolatile(this, b);   // a full fence: thieves see the claim before we read top
        long t = top;
        if (t > b) {
            BOTTOM.setOpaque(this, b + 1);
            return null;
        }
        int i = (int) (b & (a.length - 1));
        Task task = (Task) SLOT.getAcquire(a, i);
        if (t == b) {
            // The last task: a thief may race for it.
            if (!TOP.compareAndSet(this, t, t + 1)) task = null;
            BOTTOM.setOpaque(this, b + 1);
            return task;
        }
        SLOT.setRelease(a, i, null);
        return task;
    }

    /** Any thread: the oldest task, or null when empty or when another thief won it. */
    Task steal() {
        long t = top;
        long b = bottom;
        if (t >= b) return null;
        Task[] a = array;
        Task task = (Task) SLOT.getAcquire(a, (int) (t & (a.length - 1)));
        if (task == null || !TOP.compareAndSet(this, t, t + 1)) return null;
        return task;
    }

    /** Owner only: how many tasks are queued (thieves may be taking some at this moment). */
    int size() {
        return (int) (bottom - top);
    }

    /** Whether the deque looked empty (a snapshot; tasks may arrive or leave at once). */
    boolean isEmpty() {
        return top >= bottom;
    }

    private Task[] grow(Task[] old, long t, long b) {
        Task[] a = new Task[old.length * 2];
        for (long i = t; i < b; i++) a[(int) (i & (a.length - 1))] = old[(int) (i & (old.length - 1))];
        array = a;
        return a;
    }
}

/** A task deque's thieves' index, alone on its cache line, away from the owner's bottom. */
class TaskDequeTop {
    volatile long top;
}

/** Keeps {@code top} and {@code bottom} on different cache lines (superclass fields come first). */
@SuppressWarnings("unused")
class TaskDequePadding extends TaskDequeTop {
    long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
}

/** A task deque's owner's index and its array. */
class TaskDequeBottom extends TaskDequePadding {
    volatile long bottom;
    volatile Task[] array = new Task[64];
}
