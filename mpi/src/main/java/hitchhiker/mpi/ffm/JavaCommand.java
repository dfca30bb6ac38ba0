package hitchhiker.mpi.ffm;

import hitchhiker.process.JvmCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a program as a rank in a JVM like this one, built by the toolkit's
 * one {@link JvmCommand}: the same JVM options (native access, incubator modules, heap size,
 * system properties) and the same class path, through {@code hitchhiker.mpi.RankMain} (which
 * starts message passing, runs a {@code main} or a {@code RankProgram}, and finishes).
 * MPI_Comm_spawn runs it for every child.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /** {@code [java, options..., -cp, classpath, hitchhiker.mpi.RankMain, mainClass, args...]}. */
    static List<String> forMain(String mainClass, List<String> args) {
        List<String> rankArgs = new ArrayList<>(List.of(mainClass));
        rankArgs.addAll(args);
        return JvmCommand.create().options(JvmCommand.optionsOfThisJvm()).main("hitchhiker.mpi.RankMain", rankArgs);
    }
}
