package hitchhiker.process;

import java.io.Serializable;

/**
 * A function that can be sent to another JVM: a lambda or method reference written against this
 * type is serializable, and so must be everything it captures.
 *
 * <p>It may throw any exception; a worker sends it back to the caller with its stack trace.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Serializable {

    /** Applies the function to one argument. */
    R apply(T argument) throws Exception;
}
