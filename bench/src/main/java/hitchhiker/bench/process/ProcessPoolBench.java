package hitchhiker.bench.process;

import hitchhiker.process.ProcessPool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Medians for the process pool's targets: start until 2 workers are ready, one trivial task's
 * round trip, and tiny-task throughput at chunksize 1 and at the automatic chunksize.
 *
 * <p>A plain main rather than JMH: each sample starts and stops whole JVMs, and the numbers we
 * want are medians of many such samples, which JMH's forked iterations would not make clearer.
 * Run: {@code java -cp <bench class path> hitchhiker.bench.process.ProcessPoolBench [quick]}.
 */
public final class ProcessPoolBench {

    private ProcessPoolBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int workers = 2;
        poolStart(workers, quick ? 5 : 15);
        try (ProcessPool pool = new ProcessPool(workers)) {
            roundTrip(pool, quick ? 2_000 : 20_000);
            throughput(pool, quick ? 50_000 : 200_000, quick ? 3 : 7);
        }
    }

    static void poolStart(int workers, int samples) {
        double[] start = new double[samples];
        double[] close = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            ProcessPool pool = new ProcessPool(workers);
            long t1 = System.nanoTime();
            pool.close();
            long t2 = System.nanoTime();
            start[i] = (t1 - t0) / 1e9;
            close[i] = (t2 - t1) / 1e9;
        }
        print("pool start, %d workers ready: median %.3f s (best %.3f s, %d samples); close median %.3f s",
                workers, median(start), min(start), samples, median(close));
    }

    static void roundTrip(ProcessPool pool, int samples) throws Exception {
        for (int i = 0; i < samples; i++) pool.submit((Integer x) -> x + 1, i).get(); // warm-up: JIT both sides
        double[] micros = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            pool.submit((Integer x) -> x + 1, i).get();
            micros[i] = (System.nanoTime() - t0) / 1e3;
        }
        print("round trip of one trivial task: median %.1f us (p10 %.1f, p90 %.1f, %d samples)",
                median(micros), percentile(micros, 0.1), percentile(micros, 0.9), samples);
    }

    static void throughput(ProcessPool pool, int tasks, int samples) {
        List<Integer> inputs = IntStream.range(0, tasks).boxed().toList();
        int auto = ProcessPool.autoChunksize(tasks, pool.size());
        for (int chunksize : new int[]{1, auto}) {
            pool.map((Integer x) -> x + 1, inputs, chunksize); // warm-up
            double[] rate = new double[samples];
            for (int s = 0; s < samples; s++) {
                long t0 = System.nanoTime();
                List<Integer> out = pool.map((Integer x) -> x + 1, inputs, chunksize);
                rate[s] = tasks / ((System.nanoTime() - t0) / 1e9);
                if (out.size() != tasks || out.get(tasks - 1) != tasks) throw new AssertionError("wrong results");
            }
            print("throughput, %d workers, chunksize %d%s: median %,.0f tasks/s (best %,.0f; %d tasks x %d)",
                    pool.size(), chunksize, chunksize == auto ? " (auto)" : "", median(rate), max(rate), tasks, samples);
        }
    }

    static double median(double[] v) {
        return percentile(v, 0.5);
    }

    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(p * (s.length - 1)))];
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }
}
