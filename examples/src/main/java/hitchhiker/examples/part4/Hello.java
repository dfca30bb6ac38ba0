package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Workload;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.RankProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** part4.hello: every rank says hello, then all meet at a barrier (Part 4, hello world). */
public final class Hello implements MpiExample {

    private static final List<Param> PARAMS = List.of(
            Param.integer("np", 4, 1, 64, "how many ranks to start").quick(2));

    /** What every rank runs: mpi4py's "Hello, World! I am process r of n on host." */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            // One println, so that ranks' lines never interleave mid-line.
            System.out.println(String.format("Hello, World! I am process %d of %d on %s.", world.rank(), world.size(),
                    Mpi.processorName()));
            world.barrier();
            // Rank 0 collects who said hello, for the check.
            List<Integer> ranks = world.gather(world.rank(), 0);
            return ranks == null ? null : new ArrayList<>(ranks);
        }
    }

    @Override
    public String id() {
        return "part4.hello";
    }

    @Override
    public String title() {
        return "Hello from every rank, then a barrier";
    }

    @Override
    public String mirrors() {
        return "Part 4, hello world with mpi4py (mpirun -np 4)";
    }

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public Class<? extends RankProgram> program() {
        return Program.class;
    }

    @Override
    public int defaultRanks() {
        return 4;
    }

    @Override
    public Workload prepare(Settings settings) {
        int np = settings.intValue("np");
        List<Integer> expected = IntStream.range(0, np).boxed().toList();
        return oneLaunch(settings, np, got -> Check.of(expected.equals(got),
                "ranks that said hello: " + got + " (expected each of 0.." + (np - 1) + " once)"));
    }
}
