package hitchhiker.mpi.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a rank's JVM: this JVM's {@code java}, the flags every Hitchhiker run gets,
 * this JVM's class path, then {@code hitchhiker.mpi.RankMain} and the program to run.
 */
final class JvmCommand {

    /** Flags every rank gets: the toolkit's own, plus a small-footprint GC since many JVMs share the cores. */
    static final List<String> FLAGS = List.of(
            "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
            "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss2m");

    private JvmCommand() {
    }

    static List<String> forRank(String mainClass, List<String> args, List<String> extraFlags, List<String> extraClassPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-cp");
        List<String> cp = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        cp.addAll(extraClassPath);
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add("hitchhiker.mpi.RankMain");
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Removes the launch variables a child must not inherit from its parent rank. */
    static void clearLaunchEnv(java.util.Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("HHG_MPI_"));
    }
}
