package hitchhiker.mpi.embedded;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;

import java.util.Map;

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
    public boolean applies(Map<String, String> env) {
        return true;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Backend start() {
        return EmbeddedBackend.singleton();
    }
}
