package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code hhg} command: the guide's examples, run, timed and checked.
 *
 * <p>Exit codes: 0 success; 1 a check failed or the work failed; 2 bad input (one line, no stack
 * trace unless {@code --verbose}).
 */
@Command(name = "hhg", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {ListCommand.class, RunCommand.class, ExecCommand.class, TourCommand.class, ScaleCommand.class,
                DoctorCommand.class,
                MpirunCommand.class,
                ShellCommand.class,
                NotebookCommand.class,
                CommandLine.HelpCommand.class},
        description = {"The Hitchhiker's Guide to Parallelism, in Java.", "",
                "Start with 'hhg doctor', then 'hhg tour'; 'hhg list' shows every example."},
        footer = {"", "Developers: './hhg test' runs the project's test suite; './hhg bench' lists the benchmarks."})
public final class Hhg implements Runnable {

    /** Exit code for a user's mistake. */
    public static final int BAD_INPUT = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    private final Catalogue catalogue;
    private final PrintStream out;
    private final PrintStream err;

    Hhg(Catalogue catalogue, PrintStream out, PrintStream err) {
        this.catalogue = catalogue;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(Catalogue.guide(), args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(Catalogue catalogue, String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Hhg(catalogue, out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            String where = ex.getCommandLine() == cl ? "hhg" : "hhg " + ex.getCommandLine().getCommandName();
            err.println(where + ": " + ex.getMessage() + " (see " + where + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (verbose) ex.printStackTrace(err);
            if (ex instanceof BadInputException) {
                err.println("hhg: " + ex.getMessage());
                return BAD_INPUT;
            }
            err.println("hhg: failed: " + Failures.describe(ex) + (verbose ? "" : " (--verbose shows more)"));
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    Catalogue catalogue() {
        return catalogue;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
