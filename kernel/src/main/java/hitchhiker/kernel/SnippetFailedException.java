package hitchhiker.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell whose code threw: carries the exception the code threw (its cause), whose trace is shown
 * as the cell's error without the frames of JShell and reflection that called the cell.
 */
public final class SnippetFailedException extends RuntimeException {

    SnippetFailedException(Throwable thrown) {
        super(thrown.toString(), thrown);
    }

    /**
     * The thrown exception's stack trace, every exception of its cause chain cut where the kernel's
     * machinery called the cell, as lines.
     */
    public List<String> trace() {
        Throwable thrown = getCause();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, true) == null; t = t.getCause()) {
            t.setStackTrace(cellFrames(t.getStackTrace()));
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString().lines().toList();
    }

    /** The frames above the first frame of the machinery that invoked the cell. */
    static StackTraceElement[] cellFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            String cls = frames[i].getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.equals("java.lang.reflect.Method")
                    || cls.startsWith("jdk.jshell.")) {
                return Arrays.copyOf(frames, i);
            }
        }
        return frames;
    }
}
