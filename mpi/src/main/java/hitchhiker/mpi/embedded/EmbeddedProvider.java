package hitchhiker.mpi.embedded;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;

import java.util.Map;

/** The embedded backend, for processes that {@code hhg mpirun} (or a spawn) started. */
public final class EmbeddedProvider implements BackendProvider {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public boolean applies(Map<String, String> env) {
        return env.containsKey(LaunchEnv.RANK);
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Backend start() {
        return EmbeddedBackend.fromEnvironment(System.getenv());
    }
}
