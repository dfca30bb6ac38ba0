package hitchhiker.omp;

/**
 * One team thread's part of the tasking runtime: its deque of deferred tasks, the task it runs
 * now and that task's innermost task group, and the scheduling loop every task-aware wait uses
 * (run the newest task of its own deque, else steal the oldest of another thread's).
 *
 * <p><b>Counting.</b> A deferred task is counted, before it is pushed, in its parent (for
 * {@code taskwait}), in its task group if any (for {@code taskgroup}) and in the team (for
 * barriers and the region's end); its completion counts down all three. Counting first means a
 * count never reaches zero while a task it covers can still run or create more.
 *
 * <p><b>Failures.</b> A task that throws fails the region like any region code: the first
 * throwable reaches the caller of the region. Tasks still queued then complete without running,
 * so every count reaches zero and no thread is left waiting.
 */
final class Tasks {

    /** Tasks queued on one thread beyond which new ones run at once (libgomp: 64 per thread of the team). */
    static final int QUEUED_LIMIT = 64;

    private final TeamThread me;
    final TaskDeque deque = new TaskDeque();
    private final Task implicit;
    /** The task this thread runs now: its implicit task, or an explicit one it picked up. */
    private Task current;
    /** The innermost task group of the current task, or null. */
    private TaskGroup group;
    /** How many explicit tasks this thread is inside (nested when a wait ran another). */
    int depth;
    private int nextVictim;

    Tasks(TeamThread me) {
        this.me = me;
        this.implicit = Task.implicit(me);
        this.current = implicit;
    }

    /** At the start of a region: the thread runs its implicit task, in no task group. */
    void begin() {
        current = implicit;
        group = null;
        depth = 0;
    }

    /**
     * Creates a task. {@code deferred == false} is the {@code if(false)} clause: the task runs at
     * once, here, as a task of its own. A final task's descendants, and every task of a team of
     * one, are included: run at once, here, as part of the task that creates them.
     */
    void spawn(TaskBody body, boolean deferred, boolean isFinal) {
        if (body == null) throw new IllegalArgumentException("task body is null");
        Task parent = current;
        Team team = me.team;
        if (parent.isFinal || team.size == 1) {
            body.run(me);
            return;
        }
        Task task = new Task(body, parent, group, isFinal);
        // Throttling, as libgomp does: with a full queue of work waiting here, the new task runs
        // at once (OpenMP lets a task be undeferred whenever the runtime chooses), which keeps the
        // queue, its memory and the count updates shared by the team from growing without use.
        if (!deferred || deque.size() >= QUEUED_LIMIT) {
            execute(task);
            if (team.failure != null) throw Team.ABORT;
            return;
        }
        parent.add();
        if (task.group != null) task.group.add();
        team.cells.getAndIncrement(team.cell(Team.TASKS));
        deque.push(task);
        // The push's volatile write comes before this read, a parker's count before its look at
        // the deques: one of the two sees the other.
        if (team.cells.get(team.cell(Team.SLEEPERS)) != 0) team.wakeSleeper();
    }

    /** {@code taskwait}: waits for the current task's children (not their descendants), running tasks meanwhile. */
    void taskwait() {
        await(current);
    }

    /** {@code taskgroup}: runs {@code body} here, then waits for every task created inside it and their descendants. */
    void taskgroup(Runnable body) {
        if (body == null) throw new IllegalArgumentException("taskgroup body is null");
        TaskGroup outer = group;
        TaskGroup g = new TaskGroup(me);
        group = g;
        try {
            body.run();
        } finally {
            group = outer;
        }
        await(g);
    }

    /** {@code taskyield}: runs one waiting task, if there is one. */
    void taskyield() {
        if (me.team.cells.get(me.team.cell(Team.TASKS)) != 0) runOne();
    }

    private void await(Pending p) {
        if (p.settled()) return;
        Team team = me.team;
        me.beginWait();
        try {
            while (!p.settled()) {
                if (team.failure != null) throw Team.ABORT;
                if (runOne()) {
                    me.beginWait();
                    continue;
                }
                if (me.backoff()) team.park(me, () -> p.settled() || team.failure != null || team.tasksWaiting());
            }
        } finally {
            me.endWait();
        }
    }

    /** Runs the newest task of this thread's deque, or else one stolen from another thread. */
    boolean runOne() {
        Task task = deque.take();
        if (task == null) task = steal();
        if (task == null) return false;
        execute(task);
        complete(task);
        return true;
    }

    private Task steal() {
        Team team = me.team;
        TeamThread[] members = team.members;
        int n = team.size;
        // Start at the last victim that had work (not at the one after it: with two threads that
        // skipped the only other thread for good), if it is in this region's team: one remembered
        // from a larger team would start the scan past the end and miss thread 0 for good.
        int first = nextVictim < n ? nextVictim : 0;
        for (int i = 0; i < n; i++) {
            int v = first + i;
            if (v >= n) v -= n;
            if (v == me.index) continue;
            Task task = members[v].tasks.deque.steal();
            if (task != null) {
                nextVictim = v;   // a victim that had work likely has more
                return task;
            }
        }
        return null;
    }

    /** Runs a task here, as the current task, in its own group; a throw fails the region. */
    private void execute(Task task) {
        Task outerTask = current;
        TaskGroup outerGroup = group;
        current = task;
        group = task.group;
        task.owner = me;
        depth++;
        try {
            if (me.team.failure == null) task.body.run(me);
        } catch (Throwable e) {
            me.team.fail(e);
        } finally {
            depth--;
            current = outerTask;
            group = outerGroup;
            task.body = null;
        }
    }

    private void complete(Task task) {
        task.parent.done();
        if (task.group != null) task.group.done();
        Team team = me.team;
        if (team.cells.decrementAndGet(team.cell(Team.TASKS)) == 0) Team.wake(team.members[0]);
    }
}
