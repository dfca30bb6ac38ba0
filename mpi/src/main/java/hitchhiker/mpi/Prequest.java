package hitchhiker.mpi;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * A persistent request (MPI_Send_init / MPI_Recv_init, mpi4py's {@code Prequest}): the same
 * operation, set up once, started again and again with {@link #start}; between starts it is
 * inactive, and waiting on it returns at once.
 */
public final class Prequest extends Request {

    private static final hitchhiker.mpi.spi.Request INACTIVE = hitchhiker.mpi.spi.Request.completed(hitchhiker.mpi.spi.Request.EMPTY);

    private final Supplier<hitchhiker.mpi.spi.Request> operation;

    Prequest(Supplier<hitchhiker.mpi.spi.Request> operation) {
        super(INACTIVE);
        this.operation = operation;
    }

    /** Starts the operation once more (MPI_Start); the previous start must have completed. */
    public void start() {
        if (raw != INACTIVE && raw.test() == null) throw new IllegalStateException("a persistent request was started while still active");
        raw = operation.get();
    }

    /** Starts every request (MPI_Startall). */
    public static void startAll(Collection<? extends Prequest> requests) {
        requests.forEach(Prequest::start);
    }
}
