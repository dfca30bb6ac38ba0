package hitchhiker.process;

import java.io.Serial;

/**
 * Stands in for an exception thrown in another JVM that could not be sent as itself (it, or
 * something it refers to, is not serializable): same class name, message, stack trace and causes.
 */
public final class RemoteThrowable extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String className;

    private RemoteThrowable(Throwable original) {
        super(original.getMessage(), original.getCause() == null || original.getCause() == original
                ? null : new RemoteThrowable(original.getCause()), false, false);
        this.className = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** A serializable copy of {@code t}: its class name, message, stack trace and chain of causes. */
    static RemoteThrowable copyOf(Throwable t) {
        return new RemoteThrowable(t);
    }

    /** The class name of the original exception. */
    public String className() {
        return className;
    }

    @Override
    public String toString() {
        return getMessage() == null ? className : className + ": " + getMessage();
    }
}
