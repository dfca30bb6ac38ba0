package hitchhiker.mpi.futures;

import java.io.Serializable;
import java.util.List;

/**
 * What a worker sends back for a {@link Job}: one value per task, or the first failure (the
 * tasks after it in the chunk are not run, as mpi4py's map stops at the first error).
 */
record Outcome(long id, List<Object> values, Throwable failure) implements Serializable {
}
