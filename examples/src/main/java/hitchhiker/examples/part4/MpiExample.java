package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Results;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import java.util.function.Function;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.Launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example that is an MPI program: {@link #program()} runs once per rank, as
 * {@code hhg mpirun -np N <id> [name=value ...]} or as Open MPI's
 * {@code mpirun java ... hitchhiker.mpi.RankMain <program class>} would run it. {@code hhg run}
 * and the tour time it through the embedded launcher ({@link #launch}), so every timed run starts
 * real processes; rank 0's result comes back for the check.
 */
public interface MpiExample extends Example {

    /** The class each rank runs. */
    Class<? extends RankProgram> program();

    /** The -np to use when none is given (e.g. 4 for part4.hello, as in the workshop). */
    int defaultRanks();

    /**
     * Launches {@code np} ranks of {@link #program()} with the settings' parameter values as
     * {@code name=value} arguments, forwarding output to {@code settings.out()}, and returns rank
     * 0's result; a failed rank becomes an exception naming it.
     */
    default Launcher.Result launch(Settings settings, int np) {
        List<String> args = new ArrayList<>();
        settings.values().forEach((k, v) -> args.add(k + "=" + v));
        Launcher.Result r = Launcher.run(np, program().getName(), args,
                Launcher.Options.defaults().withOutput(settings.out(), System.err));
        if (!r.succeeded()) throw new IllegalStateException(id() + " with -np " + np + ": " + r.failure());
        return r;
    }

    /**
     * The workload of an example that runs its program once on {@code np} ranks: one parallel
     * variant whose result is rank 0's, judged by {@code check}.
     */
    default Workload oneLaunch(Settings settings, int np, Function<Object, Check> check) {
        String name = np + " ranks";
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(Variant.parallel(name, np, () -> launch(settings, np).result()));
            }

            @Override
            public Object result(Results results) {
                return results.get(name);
            }

            @Override
            public Check check(Results results) {
                return check.apply(results.get(name));
            }
        };
    }

    /**
     * Parses a rank program's {@code name=value} arguments against the example's parameters,
     * with defaults for the ones not given; a bad one is a {@link BadInputException}.
     */
    static Map<String, Object> parseArgs(List<Param> params, List<String> args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params) values.put(p.name(), p.defaultValue());
        for (String word : args) {
            int eq = word.indexOf('=');
            String name = eq > 0 ? word.substring(0, eq) : word;
            Param param = params.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new BadInputException("unknown argument '" + word + "' (expected name=value for "
                            + params.stream().map(Param::name).toList() + ")"));
            if (eq < 0) throw new BadInputException("expected " + name + "=value, got '" + word + "'");
            values.put(name, param.parse(word.substring(eq + 1)));
        }
        return values;
    }
}
