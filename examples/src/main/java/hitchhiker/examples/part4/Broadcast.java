package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;

import java.util.Arrays;
import java.util.List;

/** part4.bcast: rank 0 broadcasts 5 doubles as a buffer message; every rank ends with [0,1,2,3,4] (broadcast_mpi.py). */
public final class Broadcast {

    private Broadcast() {
    }

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

    private static final String EXPECTED = Arrays.toString(new double[] {0, 1, 2, 3, 4});

    static final MpiExample EXAMPLE = new MpiExample("part4.bcast", "Broadcast 5 doubles from rank 0",
            "Part 4, broadcast_mpi.py (comm.Bcast, -np 4)", List.of(MpiExample.RANKS), Program.class, 4,
            MpiExample.launchOnce((got, np) -> Check.of(
                    got instanceof List<?> l && l.size() == np && l.stream().allMatch(EXPECTED::equals),
                    "every rank's array: " + got + " (expected " + EXPECTED + " in each of " + np + ")")));
}
