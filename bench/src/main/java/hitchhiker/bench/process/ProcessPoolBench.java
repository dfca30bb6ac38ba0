package hitchhiker.bench.process;

import hitchhiker.examples.part1.Primes;
import hitchhiker.process.ProcessPool;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Medians for the process pool's targets: start until 2 workers are ready, one trivial task's
 * round trip, tiny-task throughput at chunksize 1 and at the automatic chunksize, and part1.primes
 * range B serial against the pool, in wall-clock and CPU time.
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
            primesB(pool, quick ? 3 : 9);
        }
    }

    /**
     * part1.primes range B, serial against {@code pool.map}, alternating so both see the same
     * machine. Besides wall-clock medians it prints CPU time summed over this JVM and the workers:
     * on a machine shared with other jobs the wall-clock ratio says more about the neighbours than
     * about us, while serial CPU / pool CPU shows what the pool itself costs (1.0 = nothing).
     */
    static void primesB(ProcessPool pool, int samples) {
        List<Long> numbers = java.util.stream.LongStream.range(100_000_000L, 100_100_000L).boxed().toList();
        double[][] t = primes(pool, numbers, 5_411, samples);
        double[] serialWall = t[0], poolWall = t[1], serialCpu = t[2], poolCpu = t[3];
        print("primes B (5411 primes), %d workers, %d samples: serial median %.4f s, pool map median %.4f s, "
                        + "speed-up %.2fx (best-of %.2fx)", pool.size(), samples, median(serialWall), median(poolWall),
                median(serialWall) / median(poolWall), min(serialWall) / min(poolWall));
        print("  CPU time, all processes: serial median %.3f s, pool map median %.3f s: pool CPU efficiency %.2f "
                        + "(ideal speed-up on %d idle cores %.2fx)", median(serialCpu), median(poolCpu),
                median(serialCpu) / median(poolCpu), pool.size(), pool.size() * median(serialCpu) / median(poolCpu));
    }

    /**
     * Serial against {@code pool.map} over {@code numbers}, alternating so both see the same
     * machine, after five warm-up rounds; returns {serial wall, pool wall, serial CPU, pool CPU}
     * seconds per sample. Fails when either count differs from {@code primes}.
     */
    public static double[][] primes(ProcessPool pool, List<Long> numbers, long primes, int samples) {
        double[] serialWall = new double[samples], poolWall = new double[samples];
        double[] serialCpu = new double[samples], poolCpu = new double[samples];
        // Five warm-up rounds: each worker is a fresh JVM whose C2 must compile isPrime too (with two,
        // the workers were still warming up and the median ratio came out 1.58-1.75x instead of ~1.8x).
        for (int s = -5; s < samples; s++) {
            long c0 = cpuNanos(pool), t0 = System.nanoTime();
            long serialCount = numbers.stream().filter(Primes::isPrime).count();
            long c1 = cpuNanos(pool), t1 = System.nanoTime();
            List<Boolean> flags = pool.map(Primes::isPrime, numbers);
            long c2 = cpuNanos(pool), t2 = System.nanoTime();
            long poolCount = flags.stream().filter(b -> b).count();
            if (serialCount != primes || poolCount != primes) throw new AssertionError("wrong prime count");
            if (s < 0) continue;
            serialWall[s] = (t1 - t0) / 1e9;
            poolWall[s] = (t2 - t1) / 1e9;
            serialCpu[s] = (c1 - c0) / 1e9;
            poolCpu[s] = (c2 - c1) / 1e9;
        }
        return new double[][] {serialWall, poolWall, serialCpu, poolCpu};
    }

    /** CPU time used so far by this JVM and the pool's workers, to the nanosecond (Linux schedstat). */
    static long cpuNanos(ProcessPool pool) {
        long total = cpuNanos(ProcessHandle.current().pid());
        for (long pid : pool.pids()) total += cpuNanos(pid);
        return total;
    }

    /** Sums the first field of /proc/PID/task/TID/schedstat (ns on a CPU) over the process's threads. */
    static long cpuNanos(long pid) {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc", Long.toString(pid), "task");
        try (var threads = java.nio.file.Files.list(tasks)) {
            return threads.mapToLong(t -> {
                try {
                    return Long.parseLong(java.nio.file.Files.readString(t.resolve("schedstat")).split(" ")[0]);
                } catch (java.io.IOException | RuntimeException gone) {
                    return 0; // the thread ended meanwhile
                }
            }).sum();
        } catch (java.io.IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                    .map(java.time.Duration::toNanos).orElse(0L);
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
}
