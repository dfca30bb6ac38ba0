package hitchhiker.mpi.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    /**
     * A process for rank {@code rank} of a world of {@code size} linked by {@code fabric}, watching
     * this process: {@code command} with the launch variables it inherited cleared and its own set.
     */
    static ProcessBuilder rankProcess(List<String> command, int rank, int size, Path fabric) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        RankCommand.clearLaunchEnv(env);
        env.put(RANK, Integer.toString(rank));
        env.put(SIZE, Integer.toString(size));
        env.put(FABRIC, fabric.toString());
        env.put(WATCH_PID, Long.toString(ProcessHandle.current().pid()));
        return pb;
    }
}
