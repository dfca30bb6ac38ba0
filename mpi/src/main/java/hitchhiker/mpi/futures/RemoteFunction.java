package hitchhiker.mpi.futures;

import java.io.Serializable;

/**
 * A function a worker rank can run: serializable, so that a lambda such as
 * {@code (RemoteFunction<Long, Boolean>) n -> isPrime(n)} travels to the worker (its class must
 * be on the worker's class path, as it is for ranks started from this program).
 *
 * @param <T> the argument's type
 * @param <R> the result's type
 */
@FunctionalInterface
public interface RemoteFunction<T, R> extends Serializable {

    /** The result for {@code argument}. */
    R apply(T argument) throws Exception;
}
