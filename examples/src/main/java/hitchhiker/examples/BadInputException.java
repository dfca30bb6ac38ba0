package hitchhiker.examples;

/**
 * A user's mistake (an unknown example, a bad parameter value): reported as one line, exit code 2,
 * never with a stack trace.
 */
public class BadInputException extends IllegalArgumentException {

    public BadInputException(String message) {
        super(message);
    }
}
