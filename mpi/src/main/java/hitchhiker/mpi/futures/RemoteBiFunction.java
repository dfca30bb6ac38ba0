package hitchhiker.mpi.futures;

import java.io.Serializable;

/**
 * A two-argument function a worker rank can run, for {@link MpiPoolExecutor#starmap}.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <R> the result's type
 */
@FunctionalInterface
public interface RemoteBiFunction<A, B, R> extends Serializable {

    /** The result for {@code (a, b)}. */
    R apply(A a, B b) throws Exception;
}
