package hitchhiker.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command line of the guide as the Java a notebook cell runs: {@code ./hhg run part1.pi} becomes
 * {@code hhg("run part1.pi")}, {@code ./hhg mpirun -np 4 part4.hello} becomes
 * {@code mpirun(4, "part4.hello")} (whose value is what the ranks printed), and a line piped into
 * {@code ./hhg shell} becomes its Java. Commands that need a terminal or a fresh JVM (the shell, the
 * benchmarks, {@code exec} under the system's mpirun, JVM options) stay text.
 */
final class CommandCell {

    /** hhg commands a notebook runs in its kernel. */
    private static final List<String> IN_KERNEL = List.of("run", "mpirun", "list", "doctor", "scale", "tour");

    /** Commands too long for a headless run of the notebooks: Jupyter runs them, nbclient skips them. */
    private static final List<String> LONG = List.of("tour");

    private static final Pattern SHELL_INPUT = Pattern.compile("echo '(.*)' \\| \\./hhg shell( --quiet| -q)?");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_]\\w*=\\S+");

    private CommandCell() {
    }

    /** The cell's Java for one line of a command block, if the notebook can run it. */
    static Optional<String> code(String line) {
        String l = line.strip();
        var shell = SHELL_INPUT.matcher(l);
        if (shell.matches()) return Optional.of(shell.group(1));
        if (!l.startsWith("./hhg ")) return Optional.empty();
        String[] words = l.substring("./hhg ".length()).strip().split("\\s+");
        if (!IN_KERNEL.contains(words[0])) return Optional.empty();
        if (words[0].equals("mpirun")) {
            Optional<String> call = mpirunCall(words);
            if (call.isPresent()) return call;
        }
        return Optional.of("hhg(" + quote(String.join(" ", words)) + ");");
    }

    /** Whether a headless run leaves the command out. */
    static boolean isLong(String line) {
        String l = line.strip();
        return l.startsWith("./hhg ") && LONG.contains(l.substring("./hhg ".length()).strip().split("\\s+")[0]);
    }

    /** {@code mpirun -np N program [name=value ...]} as a call of the helper that returns the ranks' output. */
    private static Optional<String> mpirunCall(String[] words) {
        if (words.length < 4 || !(words[1].equals("-np") || words[1].equals("-n")) || !words[2].matches("\\d+")
                || words[3].startsWith("-")) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of(words[2], quote(words[3])));
        for (int i = 4; i < words.length; i++) {
            if (!ASSIGNMENT.matcher(words[i]).matches()) return Optional.empty();
            args.add(quote(words[i]));
        }
        return Optional.of("mpirun(" + String.join(", ", args) + ")");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
