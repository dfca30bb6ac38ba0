package hitchhiker.cli;

import hitchhiker.process.JvmCommand;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * {@code hhg shell}: JShell with the toolkit on the class path, its packages imported and a few
 * helpers defined — the guide's IPython.
 *
 * <p>Snippets run in a separate JVM (JShell's remote execution), started with the flags every
 * toolkit run gets ({@link JvmCommand#toolkitFlags()}) and the class path of this JVM, so what works in an example works in the shell. The startup
 * script imports every toolkit package that is present and defines the helpers listed by
 * {@code /methods}; helpers that need an optional part (such as the {@code timeit} helper of
 * Part 2) are defined only when that part is on the class path, so the shell starts whatever has
 * been built.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"JShell with the toolkit imported: try the guide's code line by line.",
                "The toolkit is on the class path, its packages imported, with a few helpers",
                "(timeit, run, cores).",
                "Type /methods for the helpers, /exit to leave. Reads a script from stdin when",
                "stdin is not a terminal."},
        footer = {"", "Examples:", "  hhg shell",
                "  echo 'System.out.println(cores())' | hhg shell --quiet"})
final class ShellCommand implements Callable<Integer> {

    /** The toolkit's JVM flags, which the launcher passes and snippets' JVM gets too. */
    static final List<String> JVM_FLAGS = JvmCommand.toolkitFlags();

    /** Part 2's timing helper, behind the shell's {@code timeit}. */
    private static final String TIMEIT = "hitchhiker.examples.timeit.Timeit";

    /** Toolkit packages imported at startup when they are on the class path. */
    static final List<String> PACKAGES = List.of("hitchhiker.examples", "hitchhiker.examples.timeit",
            "hitchhiker.process", "hitchhiker.omp", "hitchhiker.mpi");

    @Option(names = {"-q", "--quiet"}, description = "Print only what snippets print (JShell's silent feedback).")
    private boolean quiet;

    @Option(names = "-R", paramLabel = "FLAG",
            description = "One more flag for the JVM that runs the snippets, e.g. -R-Xmx2g.")
    private List<String> remoteFlags = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return run(System.in, System.out, System.err, System.console() != null && System.console().isTerminal(), null);
    }

    /**
     * Runs JShell on the given streams and returns its exit code. With {@code interactive} false
     * the input is read as a script, with no prompts. {@code settings} replaces JShell's
     * persisted preferences (history, feedback modes) when not null, e.g. in tests.
     */
    int run(InputStream in, PrintStream out, PrintStream err, boolean interactive,
            Map<String, String> settings) throws Exception {
        Path startup = Files.createTempFile("hhg-shell-", ".jsh");
        try {
            Files.writeString(startup, startupScript() + (interactive ? greeting() : ""));
            JavaShellToolBuilder builder = JavaShellToolBuilder.builder()
                    .in(in, null).out(out).err(err)
                    .interactiveTerminal(interactive);
            if (settings != null) builder.persistence(settings);
            List<String> args = arguments(startup);
            // "-" makes JShell read the input as a script: no prompts, no echo, exit at its end.
            if (!interactive) args.add("-");
            return builder.start(args.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** JShell's command line: class path, modules, the snippets' JVM flags, startup, feedback. */
    List<String> arguments(Path startup) {
        List<String> args = new ArrayList<>(List.of(
                "--class-path", classPath(),
                "--add-modules", "jdk.incubator.vector",
                "--enable-native-access",
                "--startup", "DEFAULT", "--startup", startup.toString()));
        for (String flag : JVM_FLAGS) args.add("-R" + flag);
        for (String flag : remoteFlags) args.add("-R" + flag);
        args.add("-R-Djava.awt.headless=true");
        if (quiet) args.add("-s");
        return args;
    }

    /**
     * The class path of this JVM, as the single jars and folders that exist. A launcher jar whose
     * manifest only lists the real class path (as test runners use) is expanded, since JShell's
     * compiler does not follow manifest class paths of jars given to it.
     */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // JShell refuses a missing entry, which the JVM ignores (e.g. a module with no classes yet).
            if (entry.isEmpty() || !Files.exists(Path.of(entry))) continue;
            entries.add(entry);
            entries.addAll(manifestClassPath(Path.of(entry)));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) return List.of();
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null || listed.isBlank()) return List.of();
            List<String> out = new ArrayList<>();
            for (String url : listed.trim().split("\\s+")) {
                try {
                    Path p = Path.of(jar.toUri().resolve(url));
                    if (Files.exists(p)) out.add(p.toString());
                } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                    // not a file: URL; JShell could not use it either
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** What an interactive session prints first: what is there, and how to see the helpers. */
    static String greeting() {
        String helpers = "cores(), run(\\\"part1.pi\\\", \\\"samples=1000000\\\")"
                + (classPresent(TIMEIT) ? ", timeit(() -> ...)" : "");
        return "System.out.println(\"|  The Hitchhiker's Guide to Parallelism: the toolkit is imported.\");\n"
                + "System.out.println(\"|  Helpers: " + helpers + "; /methods lists them, /exit leaves.\");\n";
    }

    /** Imports of the toolkit packages present, then the helpers whose classes are present. */
    static String startupScript() {
        StringBuilder s = new StringBuilder();
        for (String pkg : PACKAGES) {
            if (packagePresent(pkg)) s.append("import ").append(pkg).append(".*;\n");
        }
        s.append("""
                /** The cores this JVM may use: the most threads that run at once. */
                int cores() { return Runtime.getRuntime().availableProcessors(); }

                /** Runs one example of the guide as `hhg run` does: its variants timed, its result checked. */
                ExampleRun run(String id, String... assignments) {
                    Example e = Catalogue.guide().get(id);
                    Settings s = Settings.defaults(e, false, cores(), cores(), System.out, java.nio.file.Path.of("hhg-out"))
                            .with(Assignments.parse(e, java.util.List.of(assignments)));
                    ExampleRun r = new Harness(1, 3).run(e, s);
                    for (VariantTiming t : r.variants()) {
                        System.out.printf("%-24s median %10.6f s%s%n", t.name(), t.median(),
                                r.speedup(t).map(x -> String.format("  speed-up %.2f", x)).orElse(""));
                    }
                    System.out.println("result: " + r.result());
                    System.out.println("check:  " + (r.check().passed() ? "passed" : "FAILED") + " — " + r.check().detail());
                    return r;
                }
                """);
        if (classPresent(TIMEIT)) {
            s.append("""
                    /** Times code as IPython's %timeit does: the first call apart, then the best of repeats. */
                    Timing timeit(Runnable body) {
                        Timing t = Timeit.standard().measure(body);
                        System.out.println(t);
                        return t;
                    }
                    """);
        }
        return s.toString();
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, ShellCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Whether some class of the package is on the class path (a package is not loaded until one of its classes is). */
    private static boolean packagePresent(String pkg) {
        return ShellCommand.class.getClassLoader().getResource(pkg.replace('.', '/')) != null;
    }
}
