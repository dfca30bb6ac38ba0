package hitchhiker.bench.mpi;

import hitchhiker.examples.part4.Pi;
import hitchhiker.mpi.embedded.Launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * part4.pi with n = 10,000,000 on 1 and 2 ranks: for each, {@code repeats} launches, each computing
 * π {@code inJob} times and reporting the median (so the first, JIT-compiling run does not count);
 * reports the median of the computation as rank 0 measures it (bcast + sums + reduce, launch excluded),
 * the median launch time apart, and the speed-up of 2 ranks over 1 in the same run
 * (target >= 1.7x on 2 cores).
 *
 * <p>Run: {@code java -cp <bench class path> hitchhiker.bench.mpi.PiScaling [n] [launches] [inJob]}.
 */
public final class PiScaling {

    private PiScaling() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Each rank is a fresh JVM: C2 needs a few hundred computations before the sums run at steady
        // speed (measured: 9 per job gave 0.98x on a quiet machine, 40 gave 1.40x, 400 gave 1.90x).
        int inJob = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        double[] compute1 = null;
        double[][] results = new double[2][];
        double[][] launches = new double[2][];
        for (int np : new int[] {1, 2}) {
            double[] compute = new double[repeats];
            double[] launch = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                Launcher.Result r = Launcher.run(np, Pi.Program.class.getName(), List.of("n=" + n, "repeat=" + inJob),
                        Launcher.Options.defaults().withOutput(quiet, System.err));
                if (!r.succeeded()) throw new IllegalStateException(r.failure());
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r.result();
                compute[i] = (Double) m.get("compute_s");
                launch[i] = r.launchSeconds();
            }
            Arrays.sort(compute);
            Arrays.sort(launch);
            results[np - 1] = compute;
            launches[np - 1] = launch;
            if (np == 1) compute1 = compute;
            System.out.printf(Locale.ROOT, "part4.pi n=%d  %d rank%s: compute median %.4f s (best %.4f), launch median %.3f s%n",
                    n, np, np == 1 ? " " : "s", compute[repeats / 2], compute[0], launch[repeats / 2]);
        }
        double speedup = compute1[repeats / 2] / results[1][repeats / 2];
        System.out.printf(Locale.ROOT, "speed-up 2 ranks over 1 (compute medians): %.2fx (target >= 1.7x)%n", speedup);
        System.out.printf(Locale.ROOT, "control, same sums in 1 vs 2 threads of this JVM, no MPI: %.2fx%n", threadControl(n, inJob));
    }

    // What the machine gives two busy threads right now (other users of the cores show up here too).
    private static double threadControl(long n, int runs) {
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
