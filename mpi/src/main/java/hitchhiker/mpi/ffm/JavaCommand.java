package hitchhiker.mpi.ffm;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a program as a rank in a JVM like this one: the same java binary,
 * the same JVM options (native access, incubator modules, heap size, system properties) and the
 * same class path, through {@code hitchhiker.mpi.RankMain} (which starts message passing, runs a
 * {@code main} or a {@code RankProgram}, and finishes). MPI_Comm_spawn runs it for every child.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /** {@code [java, options..., -cp, classpath, hitchhiker.mpi.RankMain, mainClass, args...]}. */
    static List<String> forMain(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger or agent port cannot be shared by several children.
            if (option.startsWith("-agentlib:") || option.startsWith("-javaagent:") || option.startsWith("-Xrunjdwp")) continue;
            command.add(option);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("hitchhiker.mpi.RankMain");
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
