package hitchhiker.examples.part4;

import hitchhiker.examples.Assignments;
import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Work;
import hitchhiker.examples.Workload;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.Launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * An example that is an MPI program, described: {@link #program()} runs once per rank, as
 * {@code hhg mpirun -np N <id> [name=value ...]} or as Open MPI's
 * {@code mpirun java ... hitchhiker.mpi.RankMain <program class>} would run it. {@code hhg run}
 * and the tour time it through the embedded launcher ({@link #launch}), so every timed run starts
 * real processes; rank 0's result comes back for the check.
 *
 * @param id           the id users type, {@code part4.name}
 * @param title        a one-line title
 * @param mirrors      the workshop script it mirrors
 * @param params       the parameters, given to every rank as {@code name=value} arguments
 * @param program      the class each rank runs
 * @param defaultRanks the -np to use when none is given (e.g. 4 for part4.hello, as in the workshop)
 * @param setup        puts the harness's work together; most launch the program once ({@link #launchOnce})
 */
public record MpiExample(String id, String title, String mirrors, List<Param> params,
                         Class<? extends RankProgram> program, int defaultRanks, Setup setup) implements Example {

    /** The ranks to start, as most examples of this part take them. */
    static final Param RANKS = Param.integer("np", 4, 1, 64, "how many ranks to start").quick(2);

    public MpiExample {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(mirrors);
        params = List.copyOf(params);
        Objects.requireNonNull(program);
        Objects.requireNonNull(setup);
    }

    /** Puts an MPI example's work together for one set of settings. */
    @FunctionalInterface
    public interface Setup {
        void define(MpiExample example, Settings settings, Work work) throws Exception;
    }

    @Override
    public Workload prepare(Settings settings) throws Exception {
        return Work.define(settings, (s, work) -> setup.define(this, s, work));
    }

    /** A rank's parameter values: the defaults, with its {@code name=value} arguments. */
    public Map<String, Object> values(List<String> args) {
        return Assignments.withDefaults(this, args);
    }

    /**
     * Launches {@code np} ranks of {@link #program()} with the settings' parameter values as
     * {@code name=value} arguments, forwarding output to {@code settings.out()}, and returns rank
     * 0's result; a failed rank becomes an exception naming it.
     */
    public Launcher.Result launch(Settings settings, int np) {
        List<String> args = new ArrayList<>();
        settings.values().forEach((k, v) -> args.add(k + "=" + v));
        Launcher.Result r = Launcher.run(np, program.getName(), args,
                Launcher.Options.defaults().withOutput(settings.out(), System.err));
        if (!r.succeeded()) throw new IllegalStateException(id + " with -np " + np + ": " + r.failure());
        return r;
    }

    /**
     * The setup of an example that runs its program once on its {@code np} ranks (its default
     * ranks when it has no such parameter): one parallel variant whose result is rank 0's, judged
     * by {@code check} given that result and np.
     */
    static Setup launchOnce(BiFunction<Object, Integer, Check> check) {
        return (example, s, work) -> {
            int np = s.values().containsKey("np") ? s.intValue("np") : example.defaultRanks();
            String name = np + " ranks";
            work.add(Variant.parallel(name, np, () -> example.launch(s, np).result()));
            work.check(r -> check.apply(r.get(name), np));
        };
    }
}
