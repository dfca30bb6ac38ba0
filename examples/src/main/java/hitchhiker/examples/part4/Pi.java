package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.Op;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.Launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * part4.pi: π by the midpoint rule on 4/(1+x²) over [0,1] (mpi_pi.py). Rank 0 broadcasts n, every
 * rank sums every size-th interval, and a SUM reduction brings the pieces to rank 0, which prints
 * "pi is approximately ..., error is ...".
 *
 * <p>Variants: the program on 1 rank and on {@code --workers} ranks. Each timed run launches the
 * JVMs; the launch time and the time of the computation itself (bcast + sums + reduce, measured by
 * rank 0) are printed apart, so the speed-up of the computation is visible even when starting
 * JVMs dominates a small n.
 */
public final class Pi implements MpiExample {

    private static final List<Param> PARAMS = List.of(
            Param.integer("n", 1000, 1, 2_000_000_000L, "number of intervals (10_000_000 for timing)"),
            Param.integer("repeat", 1, 1, 1000,
                    "computations per launch; compute_s is their median (more than 1 lets the JIT warm up)"));

    /** What every rank runs. */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            var values = MpiExample.parseArgs(PARAMS, args);
            int repeat = Math.toIntExact((Long) values.get("repeat"));
            double[] seconds = new double[repeat];
            double[] pi = new double[1];
            for (int k = 0; k < repeat; k++) {
                long[] n = new long[1];
                if (world.rank() == 0) n[0] = (Long) values.get("n");
                world.barrier();
                double t0 = Mpi.wtime();
                world.bcastBuffer(Buffer.of(n), 0);
                double[] mine = {partialSum(n[0], world.rank(), world.size())};
                world.reduceBuffer(Buffer.of(mine), Buffer.of(pi), Op.SUM, 0);
                seconds[k] = Mpi.wtime() - t0;
            }
            if (world.rank() != 0) return null;
            java.util.Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "pi is approximately %.16f, error is %.16f%n", pi[0], Math.abs(pi[0] - Math.PI));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pi", pi[0]);
            result.put("compute_s", seconds[repeat / 2]);
            result.put("ranks", world.size());
            return result;
        }
    }

    /** h · Σ f((i − ½)h) over i = rank+1, rank+1+size, ... ≤ n: one rank's share of the integral. */
    static double partialSum(long n, int rank, int size) {
        double h = 1.0 / n;
        double sum = 0;
        for (long i = rank + 1; i <= n; i += size) {
            double x = h * (i - 0.5);
            sum += 4.0 / (1.0 + x * x);
        }
        return sum * h;
    }

    @Override
    public String id() {
        return "part4.pi";
    }

    @Override
    public String title() {
        return "Pi by the midpoint rule with Bcast + Reduce";
    }

    @Override
    public String mirrors() {
        return "Part 4, mpi_pi.py";
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
        return 2;
    }

    @Override
    public Workload prepare(Settings settings) {
        long n = settings.longValue("n");
        int workers = settings.workers();
        String many = workers + " ranks";
        return new Workload() {
            @Override
            public List<Variant> variants() {
                List<Variant> v = new ArrayList<>();
                v.add(Variant.serial("1 rank", () -> run(1)));
                if (workers > 1) v.add(Variant.parallel(many, workers, () -> run(workers)));
                return v;
            }

            private Object run(int np) {
                Launcher.Result r = launch(settings, np);
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r.result();
                settings.out().printf(Locale.ROOT, "  %d rank%s: launch %.2f s, compute %.4f s%n", np, np == 1 ? "" : "s",
                        r.launchSeconds(), (Double) m.get("compute_s"));
                return m.get("pi");
            }

            @Override
            public Object result(Results results) {
                return results.get(workers > 1 ? many : "1 rank");
            }

            @Override
            public Check check(Results results) {
                double reference = partialSum(n, 0, 1);
                double bound = Math.max(1e-12, 1.0 / ((double) n * n));
                StringBuilder detail = new StringBuilder();
                boolean ok = true;
                for (Variant v : results.checked()) {
                    double pi = (Double) results.get(v.name());
                    boolean good = Math.abs(pi - reference) <= 1e-12 && Math.abs(pi - Math.PI) <= bound;
                    ok &= good;
                    detail.append(String.format(Locale.ROOT, "%s: %.16f; ", v.name(), pi));
                }
                detail.append(String.format(Locale.ROOT, "expected %.16f (serial sum in this JVM), within 1/n² = %.1e of pi",
                        reference, bound));
                return Check.of(ok, detail.toString());
            }
        };
    }
}
