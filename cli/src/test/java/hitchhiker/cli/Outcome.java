package hitchhiker.cli;

import hitchhiker.examples.Catalogue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/** What one {@code hhg} command run in this JVM gave: its exit code and what it printed. */
record Outcome(int code, String out, String err) {

    /** Runs {@code hhg args} over {@code catalogue}, capturing both streams. */
    static Outcome of(Catalogue catalogue, List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Hhg.execute(catalogue, args.toArray(String[]::new), new PrintStream(out, true), new PrintStream(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
