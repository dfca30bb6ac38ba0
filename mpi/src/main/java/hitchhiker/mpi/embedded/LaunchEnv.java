package hitchhiker.mpi.embedded;

/** The environment variables through which the launcher (or a spawning parent) tells a rank who it is. */
final class LaunchEnv {

    /** This process's rank in its world. */
    static final String RANK = "HHG_MPI_RANK";
    /** The size of its world. */
    static final String SIZE = "HHG_MPI_SIZE";
    /** The shared-memory file that links the world's processes. */
    static final String FABRIC = "HHG_MPI_FABRIC";
    /** For spawned processes: the shared-memory file that links them with their parents. */
    static final String PARENT_FABRIC = "HHG_MPI_PARENT_FABRIC";
    /** For spawned processes: how many parent processes take part in that file (they come first). */
    static final String PARENT_SIZE = "HHG_MPI_PARENT_SIZE";

    /** The process whose death means this one should exit at once (the launcher, or the spawning parent). */
    static final String WATCH_PID = "HHG_MPI_WATCH_PID";
    /** For rank 0 of a launched job: where to write its {@code RankProgram}'s result. */
    static final String RESULT = "HHG_MPI_RESULT";

    private LaunchEnv() {
    }
}
