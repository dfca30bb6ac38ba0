package hitchhiker.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM, the one place the toolkit builds one: this JVM's {@code java},
 * the options asked for, this JVM's class path (plus any extra entries) and module path, then the
 * main class and its arguments. Process pools and {@link JvmProcess} start their workers with it,
 * the MPI launchers their ranks.
 *
 * <p>{@link #toolkitFlags()} is the one list of flags every run of the toolkit gets; it is read
 * from the resource {@code jvm-flags.txt} next to this class, which the {@code hhg} launcher reads
 * too.
 *
 * <p>{@link #CHILD_FLAGS} are start-up flags measured to help a child: {@code -XX:+UseSerialGC}
 * (no parallel GC threads to start; children have small heaps) and {@code -XX:-UsePerfData} (no
 * hsperfdata file). The default CDS archive is used as is (no {@code -Xshare} flag, which would
 * forbid the caller's {@code -XX:AOTCache} options). {@code -XX:TieredStopAtLevel=1} is
 * deliberately absent: it saves a few milliseconds at start but makes compute-bound tasks several
 * times slower.
 */
public final class JvmCommand {

    /** Start-up flags for a child JVM with a small heap: serial GC, no perf-data file. */
    public static final List<String> CHILD_FLAGS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

    private static final List<String> TOOLKIT_FLAGS = readFlags("jvm-flags.txt");
    private static final List<String> DRIVER_FLAGS = readFlags("driver-jvm-flags.txt");

    private final List<String> options = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private boolean modulePath;

    private JvmCommand() {
    }

    /** A command for this JVM's {@code java} with this JVM's class path and no options yet. */
    public static JvmCommand create() {
        return new JvmCommand();
    }

    /** The flags every run of the toolkit gets: the Vector API incubator module and native access. */
    public static List<String> toolkitFlags() {
        return TOOLKIT_FLAGS;
    }

    /**
     * The flags of a JVM that drives the others (the {@code hhg} command, the notebook kernel, the
     * tests), from the resource {@code driver-jvm-flags.txt}: the parallel collector. Children
     * keep {@link #CHILD_FLAGS}.
     */
    public static List<String> driverFlags() {
        return DRIVER_FLAGS;
    }

    /**
     * The toolkit flags this JVM runs with, so that a child behaves as its parent: without the
     * Vector API module here, a child gets none either.
     */
    public static List<String> toolkitFlagsInEffect() {
        return TOOLKIT_FLAGS.stream().filter(JvmCommand::inEffect).toList();
    }

    /**
     * This JVM's own options (heap size, system properties, toolkit flags...), less a debugger or
     * agent, whose port several children could not share.
     */
    public static List<String> optionsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-agentlib:") && !o.startsWith("-javaagent:") && !o.startsWith("-Xrunjdwp"))
                .toList();
    }

    /** Adds JVM options, in order, e.g. {@code -Xmx64m}. */
    public JvmCommand options(List<String> more) {
        options.addAll(more);
        return this;
    }

    /** Adds class path entries after this JVM's own (a program's classes, say). */
    public JvmCommand classPath(List<String> entries) {
        classPath.addAll(entries);
        return this;
    }

    /** Passes this JVM's module path on, when it has one, with every module on it resolved. */
    public JvmCommand modulePathOfThisJvm() {
        modulePath = true;
        return this;
    }

    /** The command line that runs {@code mainClass} (by name, from the class path) with {@code args}. */
    public List<String> main(String mainClass, List<String> args) {
        List<String> cmd = head();
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** The command line that runs {@code main}, from its module when it is in a named one, with {@code args}. */
    public List<String> main(Class<?> main, List<String> args) {
        Module own = main.getModule();
        if (!own.isNamed()) return main(main.getName(), args);
        List<String> cmd = head();
        cmd.add("--module");
        cmd.add(own.getName() + "/" + main.getName());
        cmd.addAll(args);
        return cmd;
    }

    private List<String> head() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        String modules = System.getProperty("jdk.module.path");
        if (modulePath && modules != null && !modules.isEmpty()) {
            cmd.add("--module-path");
            cmd.add(modules);
            cmd.add("--add-modules=ALL-MODULE-PATH");
        }
        List<String> cp = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        cp.addAll(classPath);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        return cmd;
    }

    /** A worker's command: {@link WorkerMain} in {@code mode}, told this JVM's pid to watch. */
    static List<String> worker(List<String> extraOptions, String mode) {
        return create().options(CHILD_FLAGS).options(toolkitFlagsInEffect()).options(extraOptions).modulePathOfThisJvm()
                .main(WorkerMain.class, List.of(mode, Long.toString(ProcessHandle.current().pid())));
    }

    /** Whether this JVM runs with a toolkit flag: the module is resolved, or native access enabled. */
    private static boolean inEffect(String flag) {
        if (flag.startsWith("--add-modules=")) {
            return ModuleLayer.boot().findModule(flag.substring("--add-modules=".length())).isPresent();
        }
        if (flag.startsWith("--enable-native-access=")) {
            return JvmCommand.class.getModule().isNativeAccessEnabled();
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(flag);
    }

    private static List<String> readFlags(String resource) {
        try (InputStream in = JvmCommand.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the toolkit's " + resource + " is missing from the class path");
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the toolkit's " + resource, e);
        }
    }

    /**
     * Copies a child's stderr to ours, dropping the JDK's one-line incubator-module warning that
     * every child would otherwise repeat.
     */
    static void forwardErrors(Process child, String name) {
        Thread t = new Thread(() -> {
            try (var reader = child.errorReader()) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("WARNING: Using incubator modules")) continue;
                    System.err.println(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, name + "-stderr");
        t.setDaemon(true);
        t.start();
    }
}
