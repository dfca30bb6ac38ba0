package hitchhiker.mpi.ffm;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.BackendProvider;
import hitchhiker.mpi.spi.Backends;

import java.util.Optional;

/**
 * Chooses the native backend for processes that Open MPI's {@code mpirun} started. It applies
 * whenever mpirun's marker is in the environment, even if libmpi turns out to be unusable: then
 * {@link #start} fails with the precise reason (library missing, wrong ABI, ...), which tells a
 * user more than "no backend" would; without the marker it never applies, so the embedded
 * transport is unaffected by a broken or absent MPI.
 */
public final class NativeProvider implements BackendProvider {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Optional<String> launcherMarker() {
        return Optional.of(Backends.OPEN_MPI_MARKER);
    }

    @Override
    public Backend start() {
        NativeMpi.Availability native_ = NativeMpi.check();
        if (!native_.usable()) {
            throw new NativeMpiUnavailableException("started by mpirun, but the native MPI backend cannot run: "
                    + native_.detail() + " (or run the program with hhg mpirun, on the embedded transport)");
        }
        return NativeBackend.start();
    }
}
