package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Workload;
import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;

import java.util.Arrays;
import java.util.List;

/** part4.bcast: rank 0 broadcasts 5 doubles as a buffer message; every rank ends with [0,1,2,3,4] (broadcast_mpi.py). */
public final class Broadcast implements MpiExample {

    private static final List<Param> PARAMS = List.of(
            Param.integer("np", 4, 1, 64, "how many ranks to start").quick(2));

    /** Rank 0 fills the array, the others allocate an empty one, and bcastBuffer copies it into every rank. */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            double[] data = new double[5];
            if (world.rank() == 0) Arrays.setAll(data, i -> i);
            world.bcastBuffer(Buffer.of(data), 0);
            System.out.println("rank " + world.rank() + ": " + Arrays.toString(data));
            List<double[]> all = world.gather(data, 0);
            return all == null ? null : all.stream().map(Arrays::toString).toList();
        }
    }

    @Override
    public String id() {
        return "part4.bcast";
    }

    @Override
    public String title() {
        return "Broadcast 5 doubles from rank 0";
    }

    @Override
    public String mirrors() {
        return "Part 4, broadcast_mpi.py (comm.Bcast, -np 4)";
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
        String expected = Arrays.toString(new double[] {0, 1, 2, 3, 4});
        return oneLaunch(settings, np, got -> Check.of(
                got instanceof List<?> l && l.size() == np && l.stream().allMatch(expected::equals),
                "every rank's array: " + got + " (expected " + expected + " in each of " + np + ")"));
    }
}
