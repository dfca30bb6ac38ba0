package hitchhiker.kernel;

/**
 * A cell that does not compile, or uses something not yet declared: the message is JShell's
 * diagnostics, each naming the cell line and marking the column.
 */
public final class SnippetRejectedException extends RuntimeException {

    SnippetRejectedException(String message) {
        super(message);
    }
}
