package hitchhiker.bench.mpi;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Progress;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Size;
import hitchhiker.examples.TimingPolicy;
import hitchhiker.examples.VariantTiming;
import hitchhiker.examples.part4.Pi;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * part4.pi on 1 and 2 ranks with a long, fixed warm-up instead of the tour's steady-state rule: the
 * same resident jobs (launch excluded), {@code warmups} untimed computations, then the median of
 * {@code runs}. Beside it, the same sums on 1 and 2 threads of this JVM, no MPI: what the machine
 * gives two busy cores right now. If the tour's warm-up were too short, its speed-up would fall
 * below this one.
 *
 * <p>Run: {@code ./hhg bench PiScaling [n] [warmups] [runs]} (defaults: the example's n, 30, 10).
 */
public final class PiScaling {

    private PiScaling() {
    }

    /** Medians of 1 and 2 ranks, {@code {one, two}}, after {@code warmups} untimed calls each. */
    public static VariantTiming[] measure(long n, int warmups, int runs) throws java.io.IOException {
        Example pi = Catalogue.guide().get("part4.pi");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Settings settings = Settings.defaults(pi, Size.DEFAULT, 2, 2, quiet, Files.createTempDirectory("hhg-pi-"))
                .with(Map.of("n", n));
        ExampleRun run = new Harness(TimingPolicy.fixed(warmups, runs), Progress.NONE).run(pi, settings);
        if (!run.check().passed()) throw new IllegalStateException(run.check().detail());
        return run.variants().toArray(VariantTiming[]::new);
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 300_000_000L;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        VariantTiming[] t = measure(n, warmups, runs);
        for (VariantTiming v : t) {
            System.out.printf(Locale.ROOT, "part4.pi n=%d  %-7s: median %.4f s ±%.0f%% (best %.4f) after %d warm-ups%n",
                    n, v.name(), v.median(), 100 * v.uncertainty(), v.best(), warmups);
        }
        System.out.printf(Locale.ROOT, "speed-up 2 ranks over 1 (medians): %.2fx (target >= 1.7x)%n", t[0].median() / t[1].median());
        System.out.printf(Locale.ROOT, "control, same sums in 1 vs 2 threads of this JVM, no MPI: %.2fx%n", threadControl(n, runs));
    }

    /** What the machine gives two busy threads right now (other users of the cores show up here too). */
    public static double threadControl(long n, int runs) {
        double[] one = new double[runs], two = new double[runs];
        for (int k = -3; k < runs; k++) {
            long t0 = System.nanoTime();
            Pi.partialSum(n, 0, 1);
            long t1 = System.nanoTime();
            Thread other = Thread.ofPlatform().start(() -> Pi.partialSum(n, 1, 2));
            Pi.partialSum(n, 0, 2);
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
            long t2 = System.nanoTime();
            if (k >= 0) {
                one[k] = t1 - t0;
                two[k] = t2 - t1;
            }
        }
        Arrays.sort(one);
        Arrays.sort(two);
        return one[runs / 2] / two[runs / 2];
    }
}
