package hitchhiker.bench.omp;

import hitchhiker.examples.part3.JuliaSet;
import hitchhiker.examples.part3.JuliaSet.Grid;
import hitchhiker.omp.Schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code part3.julia}'s kernel in Java ({@code hitchhiker.omp}) beside the same kernel in C +
 * OpenMP ({@code bench/src/main/c/julia.c}, {@code gcc -O3 -fopenmp}), in the same run: serial,
 * then the rows shared by {@code static}, {@code static,1}, {@code dynamic,1} and {@code guided}.
 * Each variant runs once as a warm-up, then {@code repeats} times; medians are compared, the
 * lowest over rounds (the round least disturbed by other load); C and Java take turns variant
 * by variant, so both sides of each ratio meet about the same load. The sums
 * of the counts must agree between the languages.
 *
 * <p>Targets: the best Java schedule within 1.15x of the best C schedule; Java's best schedule
 * at least 1.85x faster than Java serial (2 threads).
 *
 * <p>Run: {@code java -cp <bench classpath> hitchhiker.bench.omp.JuliaBench [resolution] [threads] [repeats] [rounds]}.
 */
public final class JuliaBench {

    private record Timing(double median, long sum, double fraction) {
    }

    public static void main(String[] args) throws Exception {
        int resolution = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf(Locale.ROOT, "Julia set, resolution %d, %d threads: the best of %d rounds (C and Java"
                + " take turns variant by variant), each the median of %d runs after 1 warm-up%n", resolution, threads, rounds, repeats);

        Optional<NativeReference> gcc = NativeReference.build("julia.c");
        Grid g = Grid.defaults(resolution);
        int[] counts = new int[g.side() * g.side()];
        Map<String, Runnable> variants = new LinkedHashMap<>();
        variants.put("serial", () -> JuliaSet.serial(g, counts));
        for (Schedule s : List.of(Schedule.STATIC, Schedule.staticChunks(1), Schedule.dynamic(1), Schedule.GUIDED)) {
            variants.put(s.toString(), () -> JuliaSet.parallel(g, counts, threads, s));
        }
        Map<String, Timing> c = new LinkedHashMap<>();
        Map<String, Timing> java = new LinkedHashMap<>();
        // C and Java take turns variant by variant, so both sides of a ratio meet the same load.
        for (int round = 0; round < rounds; round++) {
            for (var v : variants.entrySet()) {
                if (gcc.isPresent()) {
                    for (String line : gcc.get().run(threads, List.of(Integer.toString(resolution),
                            Integer.toString(threads), Integer.toString(repeats), v.getKey()))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length == 4) {
                            c.merge(f[0], new Timing(Double.parseDouble(f[1]), Long.parseLong(f[2]),
                                    Double.parseDouble(f[3])), JuliaBench::faster);
                        }
                    }
                }
                java.merge(v.getKey(), time(repeats, v.getValue(), g, counts), JuliaBench::faster);
            }
        }

        double javaSerial = java.get("serial").median();
        Timing cSerialT = c.get("serial");
        System.out.printf(Locale.ROOT, "%-10s %9s %9s %8s %10s %10s %s%n", "variant", "java s", "C s", "java/C",
                "java x", "C x", "counts");
        for (var e : java.entrySet()) {
            Timing j = e.getValue();
            Timing r = c.get(e.getKey());
            String same = r == null ? "-" : j.sum() == r.sum() ? "same" : "DIFFER (" + j.sum() + " vs " + r.sum() + ")";
            System.out.printf(Locale.ROOT, "%-10s %9.3f %9s %8s %9.2fx %10s %s%n", e.getKey(), j.median(),
                    r == null ? "-" : String.format(Locale.ROOT, "%.3f", r.median()),
                    r == null ? "-" : String.format(Locale.ROOT, "%.3fx", j.median() / r.median()),
                    javaSerial / j.median(),
                    r == null || cSerialT == null ? "-" : String.format(Locale.ROOT, "%.2fx", cSerialT.median() / r.median()),
                    same);
        }
        var bestJava = java.entrySet().stream().filter(e -> !e.getKey().equals("serial"))
                .min((a, b) -> Double.compare(a.getValue().median(), b.getValue().median())).orElseThrow();
        System.out.printf(Locale.ROOT, "julia_fraction %.6f; best Java schedule %s: %.2fx own serial (target >= 1.85x)%n",
                java.get("serial").fraction(), bestJava.getKey(), javaSerial / bestJava.getValue().median());
        c.entrySet().stream().filter(e -> !e.getKey().equals("serial"))
                .min((a, b) -> Double.compare(a.getValue().median(), b.getValue().median()))
                .ifPresent(bestC -> System.out.printf(Locale.ROOT,
                        "best C schedule %s: %.3f s; best Java / best C = %.3fx (target <= 1.15x)%n", bestC.getKey(),
                        bestC.getValue().median(), bestJava.getValue().median() / bestC.getValue().median()));
    }

    private static Timing faster(Timing a, Timing b) {
        return a.median() <= b.median() ? a : b;
    }

    private static Timing time(int repeats, Runnable body, Grid g, int[] counts) {
        double[] s = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            Arrays.fill(counts, -1);
            long t0 = System.nanoTime();
            body.run();
            if (r >= 0) s[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        long sum = 0;
        for (int v : counts) sum += v;
        return new Timing(s[repeats / 2], sum, JuliaSet.fraction(g, counts));
    }
}
