package hitchhiker.mpi.embedded;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;

import java.util.Optional;

/** The embedded backend, for processes that {@code hhg mpirun} (or a spawn) started. */
public final class EmbeddedProvider implements BackendProvider {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<String> launcherMarker() {
        return Optional.of(LaunchEnv.RANK);
    }

    @Override
    public Backend start() {
        return EmbeddedBackend.fromEnvironment(System.getenv());
    }
}
