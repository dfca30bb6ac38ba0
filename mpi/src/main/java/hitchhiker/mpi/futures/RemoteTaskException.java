package hitchhiker.mpi.futures;

/**
 * A task failed on a worker rank with an exception that could not travel back as itself (not
 * serializable, or its class unknown here): its type, message and stack, as text.
 */
public final class RemoteTaskException extends Exception {

    RemoteTaskException(String message, StackTraceElement[] stack) {
        super(message);
        setStackTrace(stack);
    }
}
