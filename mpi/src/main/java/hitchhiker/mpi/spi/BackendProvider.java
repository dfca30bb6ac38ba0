package hitchhiker.mpi.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Starts a {@link Backend} when the environment asks for it. Every provider, the built-in ones
 * included, is found with {@link java.util.ServiceLoader}: a backend lists its provider in
 * {@code META-INF/services/hitchhiker.mpi.spi.BackendProvider}. {@link Backends#select} starts
 * the one whose launcher started this process, or the one that needs no launcher.
 */
public interface BackendProvider {

    /** The backend's name, as {@code HHG_MPI_BACKEND} or {@code -Dhhg.mpi.backend} may force it. */
    String name();

    /**
     * The environment variable that this backend's launcher sets in every process it starts
     * (Open MPI's mpirun sets {@code OMPI_COMM_WORLD_SIZE}; ours sets {@code HHG_MPI_RANK}), or
     * empty for the backend of a process that no launcher started (a world of one).
     */
    Optional<String> launcherMarker();

    /** Whether this process was started for this backend: its launcher's marker is set, or it needs none. */
    default boolean applies(Map<String, String> env) {
        return launcherMarker().map(env::containsKey).orElse(true);
    }

    /** Starts the backend (MPI_Init). */
    Backend start();
}
