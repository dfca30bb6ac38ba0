package hitchhiker.examples.part2;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Check;
import hitchhiker.examples.Ordered;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleSpec;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Variant;
import hitchhiker.examples.timeit.CallTimer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 2's first example, Numba's {@code go_fast}: add tanh of every diagonal element of an n×n
 * int64 matrix (a = arange(n²) reshaped) into a trace, then return {@code a + trace}.
 *
 * <p>Variants: the plain serial loop (which the JIT compiles and auto-vectorises, like
 * {@code @jit}), the Vector API, the loop split over {@code --threads} threads (like
 * {@code parallel=True}), and both. The trace costs n tanh calls; the n² add reads 8 bytes and
 * writes 8 bytes per element and does one conversion and one add, so it is memory-bound: the result
 * reports the fastest variant beside a {@link BandwidthProbe} moving the same bytes through the same
 * arrays, measured in the same run. The harness reports each variant's first call (interpreter and
 * JIT compilation, Numba's compile-on-first-call) beside its steady state; the Vector API's first
 * call is the slow one, since its code is only fast once C2 has compiled it.
 *
 * <p>Memory: the matrix and the result take 8n² bytes each (800 MB at n = 10000). Every variant
 * writes into one result buffer allocated once per run, like NumPy's
 * {@code np.add(a, trace, out=buf)}: a fresh 800 MB array per call costs more in page faults
 * and zeroing than the add itself (the result's {@code fresh_output} entry measures it).
 * Since the variants share the buffer, the check runs each once more, untimed, and compares
 * its output element by element with {@code a[i] + trace} as the serial loop computes it.
 */
public final class GoFast {

    private GoFast() {
    }

    static final Example EXAMPLE = new ExampleSpec("part2.gofast",
            "go_fast: trace of tanh(diagonal), then a + trace, on an n×n int64 matrix",
            "Part 2, @jit(nopython=True) and parallel=True on go_fast",
            List.of(Param.integer("n", 10_000, 100, 16_000, "matrix side; the matrix and the result take 8n² bytes each")
                    .workshop(1_000).quick(2_000)),
            (s, work) -> {
                int n = s.intValue("n");
                long needed = 2L * 8 * n * n;
                long heap = Runtime.getRuntime().maxMemory();
                if (needed > heap * 0.8) {
                    throw new BadInputException(String.format(Locale.ROOT,
                            "n=%d needs %.1f GB for the matrix and its result; this JVM's heap is %.1f GB (raise -Xmx or lower n)",
                            n, needed / 1e9, heap / 1e9));
                }
                Matrix m = work.open(new Matrix(n, s.threads()));
                VectorSupport.addVariants(work, s.threads(), s.out(), m::timed);
                work.result(m::measureAndReport);
                work.check(m::check);
            });

    /** The matrix, the shared result buffer, the pools and the variants' kernels for one n. */
    private static final class Matrix implements AutoCloseable {

        private final int n;
        private final long[] a;
        private final double[] out;
        private final StreamPool pool;
        private final StreamPool allCores;
        private final Map<String, Add> kernels = new LinkedHashMap<>();
        private final Map<String, CallTimer<Object>> timers = new LinkedHashMap<>();

        /** Calls of the fastest variant and of the probe, taking turns, for the ratio between them. */
        private static final int PAIRED_CALLS = 6;

        /** One way of doing the broadcast add over the whole matrix. */
        private interface Add {
            void run(long[] a, double trace, double[] out);
        }

        Matrix(int n, int threads) {
            this.n = n;
            this.a = new long[n * n];
            for (int i = 0; i < a.length; i++) a[i] = i; // np.arange(n * n).reshape(n, n)
            this.out = new double[a.length]; // zeroed here, so its pages are touched before any timing
            this.pool = new StreamPool(threads);
            this.allCores = new StreamPool(Runtime.getRuntime().availableProcessors());
        }

        /** The variant {@code name} of part 2's four, timed as it runs, for the report. */
        CallTimer<Object> timed(String name) {
            Add kernel = switch (name) {
                case "serial" -> (a, t, o) -> GoFastKernels.addTrace(a, t, o, 0, a.length);
                case "simd" -> (a, t, o) -> GoFastSimd.addTrace(a, t, o, 0, a.length);
                case "parallel" -> (a, t, o) -> GoFastKernels.addTrace(a, t, o, pool);
                default -> (a, t, o) -> GoFastSimd.addTrace(a, t, o, pool);
            };
            kernels.put(name, kernel);
            CallTimer<Object> timer = CallTimer.of(() -> goFast(kernel));
            timers.put(name, timer);
            return timer;
        }

        /** go_fast itself: the trace, then out = a + trace; returns the trace. */
        private Double goFast(Add kernel) {
            double trace = GoFastKernels.traceOfTanh(a, n);
            kernel.run(a, trace, out);
            return trace;
        }

        Check check(Results results) {
            // tanh(x) rounds to 1.0 for x > 19.1; the diagonal is 0, n+1, 2(n+1), ... with n >= 100.
            double expectedTrace = n - 1;
            List<String> wrong = new ArrayList<>();
            for (Variant v : results.checked()) {
                double trace = results.get(v.name(), Double.class);
                if (trace != expectedTrace) {
                    wrong.add(v.name() + " has trace " + trace);
                    continue;
                }
                // The buffer holds whichever variant ran last: run this one again, then compare.
                goFast(kernels.get(v.name()));
                int i = pool.reduceBlocks(a.length, GoFastKernels.MIN_BLOCK,
                        (from, to) -> GoFastKernels.firstMismatch(a, trace, out, from, to),
                        (x, y) -> x >= 0 ? x : y);
                if (i >= 0) {
                    wrong.add(String.format(Locale.ROOT, "%s has %s at [%d, %d], expected %s",
                            v.name(), out[i], i / n, i % n, a[i] + trace));
                }
            }
            String what = String.format(Locale.ROOT, "trace %s = n - 1 and a + trace element by element, in %d variants",
                    expectedTrace, results.checked().size());
            return wrong.isEmpty() ? Check.pass(what) : Check.fail(what + ": " + String.join("; ", wrong));
        }

        /**
         * The trace, then the fastest non-serial variant beside the bandwidth probe, measured now
         * (same run, same arrays), and what a fresh output array would cost. Each variant's first
         * call against its steady state is in the harness's timings ({@code first s}).
         */
        Map<String, Object> measureAndReport(Results results) {
            String best = "serial";
            double bestSeconds = Double.POSITIVE_INFINITY;
            for (Variant v : results.checked()) {
                double s = timers.get(v.name()).timing().best(); // best of the harness's calls after the first
                if (v.role() == Variant.Role.PARALLEL && s < bestSeconds) {
                    best = v.name();
                    bestSeconds = s;
                }
            }
            long bytes = BandwidthProbe.bytesMoved(a.length);
            // The fastest variant and the probe take turns, so that both see the same machine even
            // when other work comes and goes; the first call of each is left out. The probe
            // overwrites the buffer with the matrix's bits: harmless, the check is done.
            Add kernel = kernels.get(best);
            CallTimer<Object> variant = CallTimer.of(() -> goFast(kernel));
            CallTimer<Object> probe = CallTimer.of(() -> {
                BandwidthProbe.copy(a, out, allCores);
                return null;
            });
            try {
                for (int k = 0; k < PAIRED_CALLS; k++) {
                    variant.call();
                    probe.call();
                }
            } catch (Exception e) {
                throw new IllegalStateException("timing go_fast beside the probe failed", e);
            }
            double variantSeconds = variant.timing().best();
            double probeSeconds = probe.timing().best();
            return Ordered.map(
                    "trace", results.serial(),
                    "ratio_to_probe", round3(variantSeconds / probeSeconds),
                    "best_variant", best,
                    "best_s", round3(variantSeconds),
                    "probe_s", round3(probeSeconds),
                    "probe_threads", allCores.threads(),
                    "probe_GB_per_s", round3(bytes / probeSeconds / 1e9),
                    "bytes_per_call", bytes,
                    "fresh_output", freshOutput(best, variantSeconds));
        }

        /** Three significant digits: timings are not more precise than that. */
        private static double round3(double x) {
            return x == 0 || !Double.isFinite(x) ? x
                    : new java.math.BigDecimal(x).round(new java.math.MathContext(3)).doubleValue();
        }

        /**
         * One call the way NumPy's {@code a + trace} does it, into a fresh result array: the JVM
         * zeroes the new array (on memory the heap has not used yet, each 4 KiB page faults on
         * first touch), then the add writes it again. Measured once: every call would grow the
         * heap by another 8n² bytes until a collection.
         */
        private Object freshOutput(String variant, double reusedSeconds) {
            Runtime rt = Runtime.getRuntime();
            long bytes = 8L * a.length;
            if (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) < 2 * bytes) {
                return "skipped: the heap has no room for another " + bytes / 1_000_000 + " MB array";
            }
            double trace = GoFastKernels.traceOfTanh(a, n);
            long t0 = System.nanoTime();
            double[] fresh = new double[a.length];
            long t1 = System.nanoTime();
            kernels.get(variant).run(a, trace, fresh); // fresh escapes to the kernel's threads: not optimised away
            long t2 = System.nanoTime();
            return Ordered.map("variant", variant, "total_s", round3((t2 - t0) / 1e9),
                    "allocate_s", round3((t1 - t0) / 1e9), "add_s", round3((t2 - t1) / 1e9),
                    "reused_buffer_s", round3(reusedSeconds));
        }

        @Override
        public void close() {
            pool.close();
            allCores.close();
        }
    }
}
