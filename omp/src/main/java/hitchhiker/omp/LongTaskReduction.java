package hitchhiker.omp;

/**
 * A task reduction over long values, as OpenMP's {@code taskgroup task_reduction(op: x)} with
 * tasks that say {@code in_reduction(op: x)}: every thread of the team folds what the tasks it
 * runs contribute into a private partial, and the partials are combined once every task of the
 * group is complete. Made by {@link TeamThread#taskgroupReduce(LongReducer, java.util.function.Consumer)}.
 *
 * <p>Memory consistency effects: a fold in a task happens-before the group's result is returned,
 * because the task's completion is counted (a volatile update) after its body and read by the
 * group's owner before it combines the partials.
 */
public final class LongTaskReduction {

    /** Longs between two threads' partials, so that each sits on its own cache line. */
    private static final int STRIDE = 8;

    private final LongReducer reducer;
    private final TeamThread[] members;
    private final long[] partials;

    LongTaskReduction(LongReducer reducer, Team team) {
        this.reducer = reducer;
        this.members = team.members;
        this.partials = new long[team.size * STRIDE];
        for (int i = 0; i < team.size; i++) partials[i * STRIDE] = reducer.identity();
    }

    /**
     * Folds {@code value} into the partial of {@code me}, the thread running this code: the
     * {@code TeamThread} a task was given, or the group's own thread outside tasks.
     *
     * @throws IllegalArgumentException if {@code me} is not the calling thread (a task that
     *                                  captured its creator's {@code TeamThread} would race)
     */
    public void fold(TeamThread me, long value) {
        int slot = me.threadNum();
        if (members[slot] != me || me.thread != Thread.currentThread()) {
            throw new IllegalArgumentException("fold with the TeamThread the task was given, not a captured one");
        }
        int i = slot * STRIDE;
        partials[i] = reducer.combine(partials[i], value);
    }

    /** The partials combined in thread order; called once the group's tasks are complete. */
    long result() {
        long r = reducer.identity();
        for (int i = 0; i < partials.length; i += STRIDE) r = reducer.combine(r, partials[i]);
        return r;
    }
}
