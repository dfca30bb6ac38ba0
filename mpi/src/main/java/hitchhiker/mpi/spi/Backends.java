package hitchhiker.mpi.spi;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.embedded.EmbeddedProvider;
import hitchhiker.mpi.embedded.SingletonProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Chooses this process's backend from its environment:
 * <ol>
 *   <li>{@code -Dhhg.mpi.backend=NAME} or {@code HHG_MPI_BACKEND=NAME} forces one by name;</li>
 *   <li>otherwise the applicable provider with the highest priority: <em>native</em> when Open
 *       MPI's mpirun started us ({@code OMPI_COMM_WORLD_SIZE} is set) and a native provider is on
 *       the class path; <em>embedded</em> when {@code hhg mpirun} did ({@code HHG_MPI_RANK} is
 *       set); <em>singleton</em> (a world of one, as mpi4py without mpirun) otherwise.</li>
 * </ol>
 * Started by Open MPI with no native backend present is an error, not a silent singleton: N
 * copies of a program each believing it is alone would give wrong answers quietly.
 */
public final class Backends {

    /** The environment variable Open MPI's launcher sets in every process it starts. */
    public static final String OPEN_MPI_MARKER = "OMPI_COMM_WORLD_SIZE";

    private Backends() {
    }

    /** Every provider: the built-in ones and those found by {@link ServiceLoader}. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> all = new ArrayList<>(List.of(new EmbeddedProvider(), new SingletonProvider()));
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
        BackendProvider chosen = all.stream().filter(p -> p.applies(env))
                .max(Comparator.comparingInt(BackendProvider::priority))
                .orElseThrow(() -> new MpiException("no MPI backend applies"));
        if (env.containsKey(OPEN_MPI_MARKER) && chosen.priority() < 100) {
            throw new MpiException("started by Open MPI's mpirun, but no native MPI backend can run here "
                    + "(is libmpi installed and the native backend on the class path?); use hhg mpirun instead");
        }
        return chosen;
    }
}
