package hitchhiker.mpi.futures;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the client sends a worker: a numbered chunk of tasks, run in order; the worker answers
 * with an {@link Outcome} of the same number.
 */
record Job(long id, List<Callable<?>> tasks) implements Serializable {
}
