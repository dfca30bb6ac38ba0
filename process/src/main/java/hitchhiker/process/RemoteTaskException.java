package hitchhiker.process;

import java.io.Serial;

/**
 * A task threw in a worker JVM. The cause is the worker's exception with the worker's stack
 * trace (or a {@link RemoteThrowable} copy of it when it could not be serialized), so a printed
 * stack trace shows where it failed remotely. The pool stays usable.
 */
public final class RemoteTaskException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    RemoteTaskException(String where, Throwable remote) {
        super("task failed " + where + ": " + remote, remote);
    }
}
