package hitchhiker.process;

import java.io.Serializable;

/**
 * A function of two arguments that can be sent to another JVM, for
 * {@link ProcessPool#starmap}: a lambda or method reference written against this type is
 * serializable, and so must be everything it captures.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends Serializable {

    /** Applies the function to two arguments. */
    R apply(A first, B second) throws Exception;
}
