package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.Op;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.spi.Backend;

import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * part4.pi: π by the midpoint rule on 4/(1+x²) over [0,1] (mpi_pi.py). Rank 0 broadcasts n, every
 * rank sums every size-th interval, and a SUM reduction brings the pieces to rank 0, which prints
 * "pi is approximately ..., error is ...".
 *
 * <p>Variants: the program on 1 rank and on {@code --workers} ranks. Each job is launched once
 * and kept running ({@link ResidentJob}); the harness times the computation itself and the
 * launch is printed apart, as JVM start-up would otherwise hide the speed-up at every n.
 * {@code hhg mpirun part4.pi} runs the program once, like the script.
 */
public final class Pi {

    private Pi() {
    }

    /**
     * What every rank runs: once, as mpi_pi.py does, or, started resident by {@code hhg run}
     * ({@link ResidentJob}), once per request from the harness until it says stop.
     */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            var values = EXAMPLE.values(ResidentJob.withoutLink(args));
            if (ResidentJob.isResident(args)) {
                serve(world, args);
                return null;
            }
            world.barrier();
            double t0 = Mpi.wtime();
            double pi = compute(world, (Long) values.get("n"));
            double seconds = Mpi.wtime() - t0;
            if (world.rank() != 0) return null;
            System.out.println(line(pi));
            return answer(pi, seconds, world.size());
        }

        // Requests are n (a Long) from the harness to rank 0; null ends the job.
        private static void serve(Comm world, List<String> args) {
            Backend link = world.rank() == 0 ? ResidentJob.joinLink(args) : null;
            Comm harness = link == null ? null : new Comm(link.world());
            while (true) {
                long[] n = {-1};
                if (harness != null) {
                    Long request = harness.recv(0, 0);
                    n[0] = request == null ? -1 : request;
                }
                world.bcastBuffer(Buffer.of(n), 0);
                if (n[0] < 0) break;
                double t0 = Mpi.wtime();
                double pi = compute(world, n[0]);
                double seconds = Mpi.wtime() - t0;
                if (harness != null) harness.send(answer(pi, seconds, world.size()), 0, 0);
            }
            if (link != null) link.finish();
        }

        // The body of mpi_pi.py: bcast n, sum this rank's share, reduce to rank 0.
        private static double compute(Comm world, long n) {
            long[] shared = {n};
            world.bcastBuffer(Buffer.of(shared), 0);
            double[] mine = {partialSum(shared[0], world.rank(), world.size())};
            double[] pi = new double[1];
            world.reduceBuffer(Buffer.of(mine), Buffer.of(pi), Op.SUM, 0);
            return pi[0];
        }

        private static Map<String, Object> answer(double pi, double seconds, int ranks) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pi", pi);
            result.put("compute_s", seconds);
            result.put("ranks", ranks);
            return result;
        }
    }

    /** What rank 0 of mpi_pi.py prints. */
    static String line(double pi) {
        return String.format(Locale.ROOT, "pi is approximately %.16f, error is %.16f", pi, Math.abs(pi - Math.PI));
    }

    /** h · Σ f((i − ½)h) over i = rank+1, rank+1+size, ... ≤ n: one rank's share of the integral. */
    public static double partialSum(long n, int rank, int size) {
        double h = 1.0 / n;
        double sum = 0;
        for (long i = rank + 1; i <= n; i += size) {
            double x = h * (i - 0.5);
            sum += 4.0 / (1.0 + x * x);
        }
        return sum * h;
    }

    static final MpiExample EXAMPLE = new MpiExample("part4.pi", "Pi by the midpoint rule with Bcast + Reduce",
            "Part 4, mpi_pi.py",
            List.of(Param.integer("n", 300_000_000, 1, 2_000_000_000L, "number of intervals").workshop(1000).quick(1_000_000)),
            Program.class, 2, (example, s, work) -> {
                long n = s.longValue("n");
                int workers = s.workers();
                String many = workers + " ranks";
                // One resident job per rank count, launched once: the harness then times the computation
                // (plus a microsecond round trip to rank 0), and the launch is reported apart.
                for (int np : workers > 1 ? List.of(1, workers) : List.of(1)) {
                    ResidentJob job = work.open(ResidentJob.start(np, Program.class, List.of(), s.out()));
                    s.out().printf(Locale.ROOT, "  %d rank%s launched in %.2f s (not part of the timings)%n",
                            np, np == 1 ? "" : "s", job.launchSeconds());
                    Callable<Object> pi = () -> job.<Map<String, Object>>call(n).get("pi");
                    work.add(np == 1 ? Variant.serial("1 rank", pi) : Variant.parallel(many, workers, pi));
                }
                work.result(r -> {
                    Object pi = r.get(workers > 1 ? many : "1 rank");
                    s.out().println(line((Double) pi));
                    return pi;
                });
                work.check(r -> {
                    double reference = partialSum(n, 0, 1);
                    double bound = Math.max(1e-12, 1.0 / ((double) n * n));
                    boolean ok = r.checked().stream().map(v -> (Double) r.get(v.name()))
                            .allMatch(pi -> Math.abs(pi - reference) <= 1e-12 && Math.abs(pi - Math.PI) <= bound);
                    String each = String.join("", r.eachChecked((name, pi) -> String.format(Locale.ROOT, "%s: %.16f; ", name, (Double) pi)));
                    return Check.of(ok, each + String.format(Locale.ROOT,
                            "expected %.16f (serial sum in this JVM), within 1/n² = %.1e of pi", reference, bound));
                });
            });
}
