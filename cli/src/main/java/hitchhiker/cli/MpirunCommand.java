package hitchhiker.cli;

import hitchhiker.examples.Assignments;
import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.part4.MpiExample;
import hitchhiker.mpi.embedded.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hhg mpirun -np N <example id | class> [args]}: starts N ranks on this machine with the
 * embedded transport and exits with their status (the first failing rank's, named on stderr).
 */
@Command(name = "mpirun", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run an MPI program on this machine: N JVMs linked by shared memory.",
                "The program is a part 4 example id (its parameters as name=value) or a class with",
                "main(String[]) or implementing hitchhiker.mpi.RankProgram."},
        footer = {"", "Examples:", "  hhg mpirun -np 4 part4.hello",
                "  hhg mpirun -np 2 --tag-output part4.pi n=10000000",
                "  hhg mpirun -np 3 -cp build/classes com.example.MyProgram -- --its-own-option",
                "  hhg mpirun -np 2 -J-Xmx4g com.example.BigMessages",
                "", "If one rank fails, the others are stopped and hhg exits with that rank's status."})
final class MpirunCommand implements Callable<Integer> {

    @ParentCommand
    private Hhg hhg;

    @Option(names = {"-np", "-n"}, paramLabel = "N",
            description = "How many ranks (default: the example's own, else the number of cores).")
    private Integer np;

    @Option(names = "--tag-output", description = "Prefix every output line with [rank].")
    private boolean tagOutput;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH", split = "[:;]", splitSynopsisLabel = ":",
            description = "Where the program's own classes are (directories or jars), added to the ranks' class path "
                    + "(default: the CLASSPATH variable).")
    private List<String> classPath = new ArrayList<>();

    @Option(names = {"-J", "--jvm-option"}, paramLabel = "FLAG",
            description = "A flag for every rank's JVM, e.g. -J-Xmx4g (repeatable).")
    private List<String> jvmFlags = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "A part 4 example id or a class name.")
    private String program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<Example> example = hhg.catalogue().find(program);
        String mainClass;
        int ranks;
        if (example.isPresent()) {
            if (!(example.get() instanceof MpiExample mpi)) {
                throw new BadInputException(program + " is not an MPI program (part 4 examples are: "
                        + String.join(", ", hhg.catalogue().all().stream()
                        .filter(e -> e instanceof MpiExample).map(Example::id).toList()) + ")");
            }
            Assignments.parse(mpi, args); // bad parameters fail here, once, not in every rank
            mainClass = mpi.program().getName();
            ranks = np != null ? np : mpi.defaultRanks();
        } else if (program.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*") && Catalogue.part(program) == 0) {
            mainClass = program;
            ranks = np != null ? np : Runtime.getRuntime().availableProcessors();
        } else {
            hhg.catalogue().get(program); // throws "unknown example ... did you mean"
            throw new BadInputException("unknown program '" + program + "'");
        }
        if (ranks < 1) throw new BadInputException("-np must be at least 1, not " + ranks);
        for (String flag : jvmFlags) {
            if (!flag.startsWith("-")) throw new BadInputException("a JVM flag starts with '-': " + flag);
        }
        List<String> userClassPath = UserClassPath.of(classPath, System.getenv()).entries();
        Launcher.Options options = new Launcher.Options(tagOutput, hhg.out(), hhg.err(), jvmFlags, userClassPath);
        String script = System.getenv("HHG_SCRIPT_PID");
        if (script != null && script.matches("\\d+")) Launcher.exitWhenGone(Long.parseLong(script));
        try {
            return Launcher.launch(ranks, mainClass, args, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
