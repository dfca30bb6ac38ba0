package hitchhiker.omp;

/**
 * A deferred task: its body, the task that created it (whose {@code taskwait} waits for it), the
 * innermost task group it was created in, and its own count of children not yet complete.
 */
final class Task extends Pending {

    /** Dropped once run, so a task left in a deque's old slot keeps no captures alive. */
    TaskBody body;
    final Task parent;
    final TaskGroup group;
    /** A final task's descendants run at once, in the thread that creates them ({@code final} clause). */
    final boolean isFinal;

    Task(TaskBody body, Task parent, TaskGroup group, boolean isFinal) {
        super(null);
        this.body = body;
        this.parent = parent;
        this.group = group;
        this.isFinal = isFinal;
    }

    /** A thread's implicit task: the region body it runs, parent of the tasks it creates. */
    static Task implicit(TeamThread owner) {
        Task t = new Task(null, null, null, false);
        t.owner = owner;
        return t;
    }
}
