package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.RankProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** part4.hello: every rank says hello, then all meet at a barrier (Part 4, hello world). */
public final class Hello {

    private Hello() {
    }

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

    static final MpiExample EXAMPLE = new MpiExample("part4.hello", "Hello from every rank, then a barrier",
            "Part 4, hello world with mpi4py (mpirun -np 4)", List.of(MpiExample.RANKS), Program.class, 4,
            MpiExample.launchOnce((got, np) -> Check.of(IntStream.range(0, np).boxed().toList().equals(got),
                    "ranks that said hello: " + got + " (expected each of 0.." + (np - 1) + " once)")));
}
