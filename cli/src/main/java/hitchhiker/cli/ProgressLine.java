package hitchhiker.cli;

import hitchhiker.examples.Durations;
import hitchhiker.examples.Progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line of progress on stderr: a fixed prefix ("  [ 3/17] part1.pi"), then, on a terminal, the
 * harness's latest call ("serial: warm-up 3, 712 ms") rewritten in place so that a run of minutes
 * is never silent, and at the end the outcome. Off a terminal (a log, a pipe) only the prefix and
 * the outcome are written: rewritten lines would be noise there.
 */
final class ProgressLine implements Progress {

    private final PrintStream err;
    private final boolean live;
    private String prefix = "";
    private int width;

    ProgressLine(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    /** A progress line on {@code err}, live when this process's stderr is a terminal. */
    static ProgressLine on(PrintStream err) {
        var console = System.console();
        return new ProgressLine(err, err == System.err && console != null && console.isTerminal());
    }

    /** Starts a line with {@code prefix} (may be empty). */
    void start(String prefix) {
        this.prefix = prefix;
        this.width = prefix.length();
        err.print(prefix);
        err.flush();
    }

    @Override
    public void called(String variant, boolean warmup, int index, double seconds) {
        if (!live) return;
        show(String.format(Locale.ROOT, "%s: %s %d, %s", variant, warmup ? "warm-up" : "run", index,
                Durations.format(seconds)));
    }

    /** Ends the line with {@code outcome}; an empty outcome on an empty prefix leaves no line at all. */
    void finish(String outcome) {
        if (live) show(outcome);
        else err.print(outcome);
        if (!(prefix.isEmpty() && outcome.isEmpty())) err.println();
        else if (live) err.print("\r");
        err.flush();
        prefix = "";
        width = 0;
    }

    private void show(String text) {
        String line = prefix + text;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())) + (line.length() < width ? "\r" + line : ""));
        err.flush();
        width = line.length();
    }
}
