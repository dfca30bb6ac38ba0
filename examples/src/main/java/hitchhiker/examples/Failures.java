package hitchhiker.examples;

/** Turns an exception into one line that says what failed and where. */
public final class Failures {

    private Failures() {
    }

    /**
     * The exception's type and message, and the first stack frame in Hitchhiker's own code (or the
     * top frame), following causes to the root.
     */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        StackTraceElement where = null;
        for (StackTraceElement e : root.getStackTrace()) {
            if (e.getClassName().startsWith("hitchhiker.")) {
                where = e;
                break;
            }
        }
        if (where == null && root.getStackTrace().length > 0) where = root.getStackTrace()[0];
        return where == null ? what : what + " (at " + where.getClassName() + "." + where.getMethodName()
                + (where.getLineNumber() > 0 ? ":" + where.getLineNumber() : "") + ")";
    }
}
