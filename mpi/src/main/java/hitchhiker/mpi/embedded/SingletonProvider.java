package hitchhiker.mpi.embedded;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;

import java.util.Optional;

/**
 * A program started without a launcher: a world of one process, as mpi4py without mpirun. It is
 * the embedded backend with no peers, so it can still send to itself and spawn.
 */
public final class SingletonProvider implements BackendProvider {

    @Override
    public String name() {
        return "singleton";
    }

    @Override
    public Optional<String> launcherMarker() {
        return Optional.empty();
    }

    @Override
    public Backend start() {
        return EmbeddedBackend.singleton();
    }
}
