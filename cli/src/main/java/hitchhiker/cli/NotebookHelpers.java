package hitchhiker.cli;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Size;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the notebooks' cells call besides the shell's helpers: the guide's command lines, and MPI
 * programs on the embedded launcher, run from the kernel's JVM. The kernel imports these statically.
 */
public final class NotebookHelpers {

    /**
     * The environment variable naming the size preset ({@code default}, {@code workshop},
     * {@code quick}) that {@code run}, {@code scale} and {@code tour} commands start from when the
     * command line does not choose one.
     */
    public static final String SIZE_VARIABLE = "HHG_SIZE";

    private NotebookHelpers() {
    }

    /**
     * Runs one {@code hhg} command line of the guide, e.g. {@code hhg("run part1.pi samples=1000000")},
     * with its output in the cell; throws when the command fails (bad input, or a check that did not pass).
     */
    public static void hhg(String commandLine) {
        List<String> args = arguments(commandLine, preset());
        int code = Hhg.execute(Catalogue.guide(), args.toArray(String[]::new), System.out, System.err);
        System.out.flush();
        if (code != 0) {
            throw new IllegalStateException("hhg " + String.join(" ", args) + " exited with status " + code
                    + (code == Hhg.BAD_INPUT ? " (bad input, said above)" : " (the work or its check failed, said above)"));
        }
    }

    /**
     * Runs an MPI program — a part 4 example id or a class name — on {@code np} ranks with the
     * embedded launcher, as {@code hhg mpirun} does, and returns what the ranks printed.
     */
    public static String mpirun(int np, String program, String... args) {
        List<String> argv = new ArrayList<>(List.of("mpirun", "-np", Integer.toString(np), program));
        // The program's own options come after "--", so that mpirun does not take them for its own.
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("-"))) argv.add("--");
        argv.addAll(Arrays.asList(args));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Hhg.execute(Catalogue.guide(), argv.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String complaints = err.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            throw new IllegalStateException("hhg " + String.join(" ", argv) + " exited with status " + code + ": "
                    + complaints.strip() + (printed.isEmpty() ? "" : "\nwhat the ranks printed:\n" + printed));
        }
        if (!complaints.isEmpty()) System.err.print(complaints);
        return printed;
    }

    /** The preset chosen by {@value #SIZE_VARIABLE}, or the default one. */
    static Size preset() {
        String word = System.getenv(SIZE_VARIABLE);
        return word == null || word.isBlank() ? Size.DEFAULT : Size.of(word);
    }

    /** The command line as arguments, with {@code --size} added for a preset other than the default. */
    static List<String> arguments(String commandLine, Size preset) {
        List<String> args = new ArrayList<>(Arrays.asList(commandLine.strip().split("\\s+")));
        if (!args.isEmpty() && (args.getFirst().equals("hhg") || args.getFirst().equals("./hhg"))) args.removeFirst();
        if (args.isEmpty() || args.getFirst().isEmpty()) throw new IllegalArgumentException("hhg(...) needs a command, e.g. hhg(\"run part1.pi\")");
        boolean sized = List.of("run", "scale", "tour").contains(args.getFirst());
        boolean chosen = args.stream().anyMatch(a -> a.equals("--quick") || a.equals("--size") || a.startsWith("--size="));
        if (sized && !chosen && preset != Size.DEFAULT) {
            args.add("--size");
            args.add(preset.word());
        }
        return args;
    }
}
