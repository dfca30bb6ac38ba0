package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
import hitchhiker.omp.LongReducer;
import hitchhiker.omp.Omp;
import hitchhiker.omp.Schedule;

import java.util.List;

/**
 * Cython's {@code prange} with a reduction: {@code for i in prange(n): s += i}. Cython infers the
 * reduction from the in-place {@code +=}; here it is declared, as OpenMP's
 * {@code reduction(+: s)} declares it: each thread sums its own iterations and the partial sums
 * are combined at the end, so no thread ever writes another's variable.
 */
public final class PrangeSum implements Example {

    @Override
    public String id() {
        return "part3.prange";
    }

    @Override
    public String title() {
        return "Sum of 0..n-1 in a parallel loop with a reduction";
    }

    @Override
    public String mirrors() {
        return "Part 3 (Cython + OpenMP), prange with a sum reduction";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", 30, 0, 3_000_000_000L, "how many numbers to sum"),
                Param.text("schedule", "static", "an OpenMP schedule: static, static,N, dynamic[,N], guided[,N], auto, runtime (OMP_SCHEDULE)",
                        s -> Schedule.parse(s).toString(), "the loop's schedule"));
    }

    /** Below this many numbers the loop costs less than starting a parallel region. */
    static final long OVERHEAD_BOUND_BELOW = 1_000_000;

    @Override
    public Workload prepare(Settings settings) {
        long n = settings.longValue("n");
        Schedule schedule = Schedule.parse(settings.text("schedule"));
        int threads = settings.threads();
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(
                        Variant.serial("serial", () -> {
                            long s = 0;
                            for (long i = 0; i < n; i++) s += i;
                            return s;
                        }),
                        // At the workshop's n = 30 the loop is a few nanoseconds of work: what the
                        // parallel variant shows is the price of a region, not a speed-up.
                        new Variant("prange " + schedule, n < OVERHEAD_BOUND_BELOW ? Variant.Role.OVERHEAD_BOUND
                                : Variant.Role.PARALLEL, threads,
                                () -> Omp.parallel(threads).reduceLong(0, n, schedule, LongReducer.SUM, (long i) -> i)));
            }

            @Override
            public Object result(Results results) {
                long s = results.get("prange " + schedule, Long.class);
                settings.out().println("sum of 0.." + (n - 1) + " = " + s);
                return s;
            }

            @Override
            public Check check(Results results) {
                long expected = n * (n - 1) / 2;   // Gauss; exact below 3e9
                long serial = results.get("serial", Long.class);
                long parallel = results.get("prange " + schedule, Long.class);
                return Check.of(serial == expected && parallel == expected,
                        "serial " + serial + ", prange " + parallel + "; n(n-1)/2 = " + expected);
            }
        };
    }
}
