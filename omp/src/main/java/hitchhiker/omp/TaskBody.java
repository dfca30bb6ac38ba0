package hitchhiker.omp;

/**
 * The body of an explicit task ({@code #pragma omp task}): run once, later, by whichever thread
 * of the team picks the task up, which it is given as {@code thread} (use it, not the creator's,
 * to create or wait for the task's own children).
 */
@FunctionalInterface
public interface TaskBody {

    /** Runs the task on {@code thread}, the team thread that picked it up. */
    void run(TeamThread thread);
}
