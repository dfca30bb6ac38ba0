package hitchhiker.omp;

/**
 * A {@code taskgroup}: counts every task created inside it, children and their descendants alike
 * (a task's own tasks count in the group it was created in, the innermost one).
 */
final class TaskGroup extends Pending {

    TaskGroup(TeamThread owner) {
        super(owner);
    }
}
