package hitchhiker.cli;

import hitchhiker.examples.Assignments;
import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.examples.part4.MpiExample;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.RankMain;
import hitchhiker.mpi.RankProgram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hhg exec <example id | class> [args]}: runs a program once, in this process, with no
 * timing harness — so that an MPI launcher can start it as every rank:
 * {@code mpirun -np 64 ./hhg exec part4.pi}. The message-passing backend is whichever the
 * process's environment says (native under Open MPI's mpirun, embedded under {@code hhg mpirun},
 * a world of one otherwise).
 *
 * <p>A program is, in order: a part 4 example ({@link MpiExample}: its rank program runs, with the
 * arguments as given, {@code name=value}); any other example (its variants run once each, then its
 * check); or a class by its full name, a {@link RankProgram} or one with a {@code main} method.
 * Everything after the program is passed on untouched, options included.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = Version.class,
        modelTransformer = ExecCommand.PassArgumentsThrough.class,
        description = {"Run a program once in this process, with no timing harness.",
                "The program is an example (part 4: its rank program) or any class with a main",
                "method. Under an MPI launcher every rank runs it, on the MPI backend its",
                "environment gives it."},
        footer = {"", "Examples:", "  mpirun -np 4 ./hhg exec part4.pi n=10000000",
                "  ./hhg exec part1.pi samples=1000000", "  mpirun -np 2 ./hhg exec com.example.MyRankProgram --size 10",
                "  mpirun -np 2 ./hhg exec -cp build/classes com.example.MyRankProgram"})
final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH", split = "[:;]", splitSynopsisLabel = ":",
            description = "Where the program's own classes are (directories or jars; default: the CLASSPATH variable).")
    private List<String> classPath = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "An example's id (see hhg list), or a class with main.")
    private String program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the program.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Optional<Example> example = hhg.catalogue().find(program);
        if (example.isPresent()) {
            if (example.get() instanceof MpiExample mpi) {
                Assignments.parse(mpi, args);  // a bad name=value is one line and exit 2 here, not a failed rank
                return runRanks(mpi.program());
            }
            Optional<Method> main = mainOf(example.get().getClass());
            return main.isPresent() ? invoke(main.get()) : runOnce(example.get());
        }
        Class<?> type;
        try {
            ClassLoader loader = UserClassPath.of(classPath, System.getenv()).loader(Thread.currentThread().getContextClassLoader());
            Thread.currentThread().setContextClassLoader(loader);  // so that deserialization finds the user's classes
            type = Class.forName(program, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String unknown;
            try {
                hhg.catalogue().get(program);
                unknown = "unknown program '" + program + "'";
            } catch (BadInputException notAnExample) {
                unknown = notAnExample.getMessage();
            }
            throw new BadInputException(unknown + "; nor is it a class on the class path");
        }
        if (RankProgram.class.isAssignableFrom(type)) return runRanks(type);
        return invoke(mainOf(type).orElseThrow(
                () -> new BadInputException(program + " has no public static void main(String[]) and is not a RankProgram")));
    }

    /**
     * A rank program runs exactly as under any launcher, through {@link RankMain}: message passing
     * started, the program run, then finished; a failure is printed with the rank and ends this
     * process with status 1, which makes mpirun stop the other ranks.
     */
    private int runRanks(Class<?> rankProgram) {
        hhg.out().flush();
        RankMain.runAndExit(rankProgram.getName(), args, rankProgram.getClassLoader());  // exits the JVM with the rank's status
        return 0;
    }

    private int invoke(Method main) throws Exception {
        try {
            main.invoke(null, (Object) args.toArray(String[]::new));
            if (Mpi.initialized()) Mpi.finish();  // a main that used message passing: MPI_Finalize, as mpirun expects
            return 0;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        } finally {
            hhg.out().flush();
        }
    }

    /** An ordinary example: each variant once, then the check, as {@code hhg run} would print them. */
    private int runOnce(Example example) throws Exception {
        Settings settings = Settings.defaults(example, false, RunOptions.CORES, RunOptions.CORES, hhg.out(), Path.of("hhg-out"))
                .with(Assignments.parse(example, args));
        try (Workload work = example.prepare(settings)) {
            Map<String, Object> results = new LinkedHashMap<>();
            for (Variant v : work.variants()) results.put(v.name(), v.body().call());
            Results r = new Results(work.variants(), results);
            Check check = work.check(r);
            hhg.out().println(example.id() + ": " + work.result(r) + " — check " + (check.passed() ? "passed" : "FAILED")
                    + ": " + check.detail());
            return check.passed() ? 0 : 1;
        }
    }

    private static Optional<Method> mainOf(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class ? Optional.of(main) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** Everything after PROGRAM belongs to the program, even words that look like options. */
    static final class PassArgumentsThrough implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }
}
