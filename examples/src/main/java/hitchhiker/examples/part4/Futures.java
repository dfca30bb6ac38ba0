package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.part1.Primes;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.futures.MpiPoolExecutor;
import hitchhiker.mpi.futures.RemoteFunction;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * part4.futures: Part 1's primes, with the pool's workers as MPI ranks (mpi4py.futures'
 * MPICommExecutor): rank 0 is the client and maps {@code isPrime} over the range in chunks; the
 * other ranks serve it. The same program runs under {@code hhg mpirun} and, unchanged, under
 * Open MPI's {@code mpirun} across machines.
 */
public final class Futures {

    private Futures() {
    }

    /** Every rank: rank 0 maps, the others serve until it is done. */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) throws Exception {
            var values = EXAMPLE.values(args);
            long start = (Long) values.get("start");
            long length = (Long) values.get("length");
            int chunk = Math.toIntExact((Long) values.get("chunk"));
            Optional<MpiPoolExecutor> pool = MpiPoolExecutor.world(world, 0);
            if (pool.isEmpty()) return null;  // a worker: served until rank 0 shut the pool down
            try (MpiPoolExecutor executor = pool.get()) {
                List<Long> numbers = LongStream.range(start, start + length).boxed().toList();
                List<Boolean> flags = executor.map((RemoteFunction<Long, Boolean>) Primes::isPrime, numbers, chunk);
                long primes = flags.stream().filter(f -> f).count();
                System.out.println(primes + " primes in [" + start + ", " + (start + length) + "), found by "
                        + executor.workers() + " worker rank" + (executor.workers() == 1 ? "" : "s") + " in chunks of " + chunk);
                return primes;
            }
        }
    }

    static final MpiExample EXAMPLE = new MpiExample("part4.futures", "Part 1's primes on a pool of MPI ranks (mpi4py.futures)",
            "Part 1's pool.map of is_prime, with mpi4py.futures' MPICommExecutor (mpirun -np 4)",
            List.of(Param.integer("np", 4, 1, 64, "how many ranks to start (one client, the others workers)").quick(2),
                    Param.integer("start", 100_000_000L, 2, 1_000_000_000_000L, "first number of the range"),
                    Param.integer("length", 100_000, 1, 100_000_000, "how many numbers").quick(10_000),
                    Param.integer("chunk", 1_000, 1, 1_000_000, "numbers per message to a worker")),
            Program.class, 4, (example, s, work) -> {
                long start = s.longValue("start");
                long expected = LongStream.range(start, start + s.longValue("length")).filter(Primes::isPrime).count();
                MpiExample.launchOnce((got, np) -> Check.of(Long.valueOf(expected).equals(got),
                        got + " primes from the ranks, " + expected + " counted serially")).define(example, s, work);
            });
}
