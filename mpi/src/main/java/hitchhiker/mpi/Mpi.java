package hitchhiker.mpi;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.Backends;
import hitchhiker.mpi.spi.Channel;

import java.util.Optional;

/**
 * The entry point, as mpi4py's {@code MPI} module: the world communicator, this process's own,
 * the parent intercommunicator of a spawned process, and the wildcards.
 *
 * <p>The backend starts on first use (mpi4py initializes on import): native under Open MPI's
 * {@code mpirun}, embedded under {@code hhg mpirun}, a singleton world of one otherwise (see
 * {@link Backends}). {@link #finish()} ends it; {@link RankMain} calls it for you.
 */
public final class Mpi {

    /** Receive from any source (MPI.ANY_SOURCE). */
    public static final int ANY_SOURCE = Channel.ANY_SOURCE;
    /** Receive with any tag (MPI.ANY_TAG). */
    public static final int ANY_TAG = Channel.ANY_TAG;
    /** The null process (MPI.PROC_NULL). */
    public static final int PROC_NULL = Channel.PROC_NULL;
    /** The root of an intercommunicator collective, in the root process (MPI.ROOT). */
    public static final int ROOT = Channel.ROOT;
    /** The split color that joins no group (MPI.UNDEFINED). */
    public static final int UNDEFINED = Channel.UNDEFINED;
    /** "In place" for a buffer collective (MPI.IN_PLACE): see {@link Buffer#IN_PLACE}. */
    public static final Buffer IN_PLACE = Buffer.IN_PLACE;
    /** {@link Comm#compare} results: the same communicator (MPI.IDENT). */
    public static final int IDENT = Channel.IDENT;
    /** The same processes in the same order, another communicator (MPI.CONGRUENT). */
    public static final int CONGRUENT = Channel.CONGRUENT;
    /** The same processes in another order (MPI.SIMILAR). */
    public static final int SIMILAR = Channel.SIMILAR;
    /** Anything else (MPI.UNEQUAL). */
    public static final int UNEQUAL = Channel.UNEQUAL;
    /** {@link Comm#splitType}: the processes that can share memory, one group per machine (MPI.COMM_TYPE_SHARED). */
    public static final int COMM_TYPE_SHARED = 0;

    private static Backend backend;
    private static Comm world;
    private static Comm self;
    private static Comm parent;
    private static boolean finished;

    private Mpi() {
    }

    /** The started backend, starting it on first use (MPI_Init). */
    public static synchronized Backend backend() {
        if (finished) throw new IllegalStateException("message passing has finished in this process (Mpi.finish)");
        if (backend == null) {
            Backend b = Backends.select(System.getenv()).start();
            world = new Comm(b.world());
            self = new Comm(b.self());
            parent = b.parent().map(Comm::new).orElse(null);
            backend = b;
        }
        return backend;
    }

    /** Every process started together (MPI.COMM_WORLD). */
    public static Comm world() {
        backend();
        synchronized (Mpi.class) {
            return world;
        }
    }

    /** This process alone (MPI.COMM_SELF). */
    public static Comm self() {
        backend();
        synchronized (Mpi.class) {
            return self;
        }
    }

    /**
     * The intercommunicator to the processes that spawned this one (Comm.Get_parent), if any;
     * empty once it has been disconnected or freed, as MPI then returns MPI_COMM_NULL.
     */
    public static Optional<Comm> parent() {
        backend();
        synchronized (Mpi.class) {
            return parent == null || parent.isFreed() ? Optional.empty() : Optional.of(parent);
        }
    }

    /** The backend's name: "embedded", "singleton" or "native". */
    public static String backendName() {
        return backend().name();
    }

    /** This machine's name (MPI.Get_processor_name). */
    public static String processorName() {
        return backend().processorName();
    }

    /** Seconds since an arbitrary origin, for timing (MPI.Wtime). */
    public static double wtime() {
        return System.nanoTime() / 1e9;
    }

    /** Whether the backend has been started. */
    public static synchronized boolean initialized() {
        return backend != null;
    }

    /** Ends message passing in this process, after pending sends are delivered (MPI.Finalize). */
    public static synchronized void finish() {
        if (backend != null && !finished) backend.finish();
        finished = true;
    }

    /** Records that this process's program failed ({@link Backend#failed}), if message passing has started. */
    static synchronized void failed(Throwable cause) {
        if (backend != null && !finished) backend.failed(!(cause instanceof PeerFailedException));
    }

    /** Ends the whole job now with this exit code (MPI.COMM_WORLD.Abort). */
    public static void abort(int exitCode) {
        backend().abort(exitCode);
    }
}
