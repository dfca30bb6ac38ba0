package hitchhiker.mpi.spi;

import java.util.Map;

/**
 * Starts a {@link Backend} when the environment asks for it. Providers are found with
 * {@link java.util.ServiceLoader} (a backend in another package lists its provider in
 * {@code META-INF/services/hitchhiker.mpi.spi.BackendProvider}) besides the built-in embedded and
 * singleton ones; {@link Backends#select} starts the applicable one with the highest priority.
 */
public interface BackendProvider {

    /** The backend's name, as {@code HHG_MPI_BACKEND} or {@code -Dhhg.mpi.backend} may force it. */
    String name();

    /**
     * Whether this process was started for this backend, judged from the environment (e.g. Open
     * MPI's mpirun sets {@code OMPI_COMM_WORLD_SIZE}; our launcher sets {@code HHG_MPI_RANK}), and
     * the backend can run here (e.g. its native library is found).
     */
    boolean applies(Map<String, String> env);

    /** Higher wins among applicable providers: native 100, embedded 50, singleton 0. */
    int priority();

    /** Starts the backend (MPI_Init). */
    Backend start();
}
