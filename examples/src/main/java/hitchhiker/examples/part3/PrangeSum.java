package hitchhiker.examples.part3;

import hitchhiker.examples.Check;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
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
public final class PrangeSum {

    /** Below this many numbers the loop costs less than starting a parallel region. */
    static final long OVERHEAD_BOUND_BELOW = 1_000_000;

    private PrangeSum() {
    }

    /** {@code for i in range(n): s += i}. */
    static long serial(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) s += i;
        return s;
    }

    /** {@code for i in prange(n, schedule=...): s += i}, the reduction declared: each thread sums its own iterations. */
    static long prange(long n, int threads, Schedule schedule) {
        return Omp.parallel(threads).reduceLong(0, n, schedule, LongReducer.SUM, (long i) -> i);
    }

    static final Example EXAMPLE = new ExampleSpec("part3.prange", "Sum of 0..n-1 in a parallel loop with a reduction",
            "Part 3 (Cython + OpenMP), prange with a sum reduction",
            List.of(Param.integer("n", 30, 0, 3_000_000_000L, "how many numbers to sum"),
                    Param.text("schedule", "static", "an OpenMP schedule: static, static,N, dynamic[,N], guided[,N], auto, runtime (OMP_SCHEDULE)",
                            text -> Schedule.parse(text).toString(), "the loop's schedule")),
            (s, work) -> {
                long n = s.longValue("n");
                Schedule schedule = Schedule.parse(s.text("schedule"));
                String name = "prange " + schedule;
                work.add(Variant.serial("serial", () -> serial(n)));
                // At the workshop's n = 30 the loop is a few nanoseconds of work: what the
                // parallel variant shows is the price of a region, not a speed-up.
                work.add(new Variant(name, n < OVERHEAD_BOUND_BELOW ? Variant.Role.OVERHEAD_BOUND : Variant.Role.PARALLEL,
                        s.threads(), () -> prange(n, s.threads(), schedule)));
                work.result(r -> {
                    long sum = r.get(name, Long.class);
                    s.out().println("sum of 0.." + (n - 1) + " = " + sum);
                    return sum;
                });
                work.check(r -> {
                    long expected = n * (n - 1) / 2;   // Gauss; exact below 3e9
                    long serial = r.get("serial", Long.class);
                    long parallel = r.get(name, Long.class);
                    return Check.of(serial == expected && parallel == expected,
                            "serial " + serial + ", prange " + parallel + "; n(n-1)/2 = " + expected);
                });
            });
}
