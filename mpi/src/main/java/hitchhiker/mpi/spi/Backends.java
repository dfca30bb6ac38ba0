package hitchhiker.mpi.spi;

import hitchhiker.mpi.MpiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Chooses this process's backend from its environment:
 * <ol>
 *   <li>{@code -Dhhg.mpi.backend=NAME} or {@code HHG_MPI_BACKEND=NAME} forces one by name;</li>
 *   <li>otherwise the backend whose launcher started this process, by the marker that launcher
 *       sets ({@link BackendProvider#launcherMarker}): <em>native</em> when Open MPI's mpirun
 *       did ({@code OMPI_COMM_WORLD_SIZE}), <em>embedded</em> when {@code hhg mpirun} did
 *       ({@code HHG_MPI_RANK});</li>
 *   <li>started by no launcher, the backend that needs none: <em>singleton</em> (a world of
 *       one, as mpi4py without mpirun).</li>
 * </ol>
 * Every provider is found the same way, with {@link ServiceLoader}. Started by Open MPI with no
 * native backend present is an error, not a silent singleton: N copies of a program each
 * believing it is alone would give wrong answers quietly.
 */
public final class Backends {

    /** The environment variable Open MPI's launcher sets in every process it starts. */
    public static final String OPEN_MPI_MARKER = "OMPI_COMM_WORLD_SIZE";

    private Backends() {
    }

    /** Every provider {@link ServiceLoader} finds (the built-in ones are listed like any other). */
    public static List<BackendProvider> providers() {
        List<BackendProvider> all = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader()).forEach(all::add);
        return all;
    }

    /** The provider this process should start, given its environment and system properties. */
    public static BackendProvider select(Map<String, String> env) {
        List<BackendProvider> all = providers();
        String forced = System.getProperty("hhg.mpi.backend", env.get("HHG_MPI_BACKEND"));
        if (forced != null && !forced.isBlank()) {
            return all.stream().filter(p -> p.name().equalsIgnoreCase(forced.trim())).findFirst()
                    .orElseThrow(() -> new MpiException("MPI backend '" + forced + "' is not available (have: "
                            + all.stream().map(BackendProvider::name).toList() + ")"));
        }
        List<BackendProvider> launched = all.stream().filter(p -> p.launcherMarker().isPresent() && p.applies(env)).toList();
        if (launched.size() > 1) {
            throw new MpiException("started by more than one launcher (" + launched.stream().map(BackendProvider::name).toList()
                    + "): choose the backend with HHG_MPI_BACKEND");
        }
        if (launched.size() == 1) return launched.getFirst();
        if (env.containsKey(OPEN_MPI_MARKER)) {
            throw new MpiException("started by Open MPI's mpirun, but no native MPI backend can run here "
                    + "(is libmpi installed and the native backend on the class path?); use hhg mpirun instead");
        }
        return all.stream().filter(p -> p.launcherMarker().isEmpty()).findFirst()
                .orElseThrow(() -> new MpiException("no MPI backend applies"));
    }
}
