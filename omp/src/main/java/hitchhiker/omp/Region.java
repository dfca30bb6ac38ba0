package hitchhiker.omp;

/**
 * The body of a parallel region: run once by every thread of the team, each with its own
 * {@link TeamThread} (thread number, team size, barriers, worksharing loops).
 */
@FunctionalInterface
public interface Region {

    /** Runs this thread's part of the region. */
    void run(TeamThread thread);
}
