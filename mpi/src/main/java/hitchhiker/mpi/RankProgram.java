package hitchhiker.mpi;

import java.util.List;

/**
 * A program that runs once per rank, like the body of an mpi4py script: the launcher's
 * {@link RankMain} creates it with its no-argument constructor in every rank and calls
 * {@link #run}. What rank 0 returns (serializable) goes back to whoever launched the job, so
 * {@code hhg run} can check and report it.
 */
@FunctionalInterface
public interface RankProgram {

    /** Runs this rank's part; {@code args} are the command-line arguments after the program's name. */
    Object run(Comm world, List<String> args) throws Exception;
}
