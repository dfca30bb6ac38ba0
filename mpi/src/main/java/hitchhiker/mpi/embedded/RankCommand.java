package hitchhiker.mpi.embedded;

import hitchhiker.process.JvmCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a rank's JVM, built by the toolkit's one {@link JvmCommand}: the toolkit's
 * flags, a child's start-up flags and a 2 MB thread stack, the caller's flags and class path, then
 * {@code hitchhiker.mpi.RankMain} and the program to run.
 */
final class RankCommand {

    private RankCommand() {
    }

    static List<String> forRank(String mainClass, List<String> args, List<String> extraFlags, List<String> extraClassPath) {
        List<String> rankArgs = new ArrayList<>(List.of(mainClass));
        rankArgs.addAll(args);
        return JvmCommand.create().options(JvmCommand.toolkitFlags()).options(JvmCommand.CHILD_FLAGS)
                .options(List.of("-Xss2m")).options(extraFlags).classPath(extraClassPath)
                .main("hitchhiker.mpi.RankMain", rankArgs);
    }

    /** Removes the launch variables a child must not inherit from its parent rank. */
    static void clearLaunchEnv(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("HHG_MPI_"));
    }
}
