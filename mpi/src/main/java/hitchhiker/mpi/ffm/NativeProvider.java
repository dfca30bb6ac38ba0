package hitchhiker.mpi.ffm;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;
import hitchhiker.mpi.spi.Backends;

import java.util.Map;

/** Chooses the native backend for processes that Open MPI's {@code mpirun} started, when libmpi can be loaded. */
public final class NativeProvider implements BackendProvider {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public boolean applies(Map<String, String> env) {
        return env.containsKey(Backends.OPEN_MPI_MARKER) && NativeMpi.check().usable();
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Backend start() {
        return NativeBackend.start();
    }
}
