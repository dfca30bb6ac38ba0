package hitchhiker.bench.process;

import hitchhiker.process.Connection;
import hitchhiker.process.JvmCommand;
import hitchhiker.process.JvmProcess;
import hitchhiker.process.Pipe;
import hitchhiker.process.ProcessEvent;
import hitchhiker.process.ProcessPool;
import hitchhiker.process.ProcessQueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static hitchhiker.bench.process.ProcessPoolBench.max;
import static hitchhiker.bench.process.ProcessPoolBench.median;
import static hitchhiker.bench.process.ProcessPoolBench.min;
import static hitchhiker.bench.process.ProcessPoolBench.print;

/**
 * Medians for the queue and the pipe between JVMs, and for pool start with and without an AOT
 * cache, each beside Python's {@code multiprocessing} in the same run when {@code python3} is
 * there: small items (a {@code Long}) from one JVM to another through a {@link ProcessQueue}; the
 * issue's 100,000 items with 2 producers and 2 consumers; a {@link Pipe} round trip.
 *
 * <p>Run: {@code ./hhg bench ProcessQueueBench [quick] [start]} ({@code start}: pool start only).
 */
public final class ProcessQueueBench {

    private ProcessQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("quick");
        if (List.of(args).contains("start")) { // only pool start, with and without the AOT cache
            poolStartWithAotCache(quick ? 5 : 11);
            return;
        }
        int samples = quick ? 3 : 7;
        try (ProcessPool pool = new ProcessPool(2)) {
            oneToOne(pool, quick ? 200_000 : 1_000_000, samples);
            twoByTwo(pool, 100_000, samples);
        }
        pipeRoundTrip(quick ? 2_000 : 20_000);
        python(quick);
        poolStartWithAotCache(quick ? 5 : 11);
    }

    /** One producer here, one consumer in a worker: small items per second. */
    static void oneToOne(ProcessPool pool, int items, int samples) throws Exception {
        double[] rate = new double[samples];
        try (ProcessQueue<Long> q = new ProcessQueue<>()) {
            for (int s = -1; s < samples; s++) {
                CompletableFuture<Long> consumer = pool.submit(n -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) sum += q.get();
                    return sum;
                }, items);
                long t0 = System.nanoTime();
                for (long i = 0; i < items; i++) q.put(i);
                long sum = consumer.get(120, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                if (sum != (long) items * (items - 1) / 2) throw new AssertionError("wrong sum " + sum);
                if (s >= 0) rate[s] = items / ((t1 - t0) / 1e9);
            }
        }
        print("queue, 1 producer -> 1 consumer in another JVM, %,d Longs: median %,.0f items/s (best %,.0f, %d samples)",
                items, median(rate), max(rate), samples);
    }

    /** The case: 100,000 items, 2 producers (this JVM and a child) and 2 consumers (workers). */
    static void twoByTwo(ProcessPool pool, int items, int samples) throws Exception {
        double[] seconds = new double[samples];
        try (ProcessQueue<Long> q = new ProcessQueue<>(); ProcessQueue<Long> sums = new ProcessQueue<>()) {
            for (int s = -1; s < samples; s++) {
                List<CompletableFuture<Integer>> consumers = new ArrayList<>();
                for (int c = 0; c < 2; c++) {
                    consumers.add(pool.submit(x -> {
                        long sum = 0;
                        for (Long v; (v = q.get()) >= 0; ) sum += v;
                        sums.put(sum);
                        return 0;
                    }, c));
                }
                int half = items / 2;
                ProcessEvent ready = new ProcessEvent(), go = new ProcessEvent();
                JvmProcess producer = new JvmProcess(() -> {
                    ready.set();
                    go.await();
                    for (long i = half; i < 2L * half; i++) q.put(i);
                }).start();
                ready.await(); // the child JVM's start is not timed
                long t0 = System.nanoTime();
                go.set();
                for (long i = 0; i < half; i++) q.put(i);
                producer.join();
                q.put(-1L);
                q.put(-1L);
                long total = sums.get(Duration.ofSeconds(60)) + sums.get(Duration.ofSeconds(60));
                long t1 = System.nanoTime();
                for (var c : consumers) c.get();
                go.close();
                ready.close();
                if (total != (long) 2 * half * (2L * half - 1) / 2) throw new AssertionError("wrong total " + total);
                if (s >= 0) seconds[s] = (t1 - t0) / 1e9;
            }
        }
        print("queue, %,d items, 2 producers x 2 consumers: median %.3f s = %,.0f items/s (best %.3f s)",
                items, median(seconds), items / median(seconds), min(seconds));
    }

    /** A value to a child JVM and back through a pipe. */
    static void pipeRoundTrip(int samples) throws Exception {
        try (Pipe pipe = Pipe.open()) {
            Connection child = pipe.second();
            JvmProcess echo = new JvmProcess(() -> {
                for (Object v; !"stop".equals(v = child.recv()); ) child.send(v);
            }).start();
            Connection here = pipe.first();
            for (int i = 0; i < samples; i++) { // warm-up
                here.send(i);
                here.recv();
            }
            double[] micros = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                here.send(i);
                here.recv();
                micros[i] = (System.nanoTime() - t0) / 1e3;
            }
            here.send("stop");
            echo.join();
            print("pipe round trip to a child JVM: median %.1f us (p10 %.1f, p90 %.1f, %d samples)",
                    median(micros), ProcessPoolBench.percentile(micros, 0.1), ProcessPoolBench.percentile(micros, 0.9), samples);
        }
    }

    /** The same measurements with Python's multiprocessing, when python3 is on the PATH. */
    static void python(boolean quick) throws Exception {
        String script = """
                import multiprocessing as mp, time, statistics, sys
                def consume(q, n, out):
                    s = 0
                    for _ in range(n):
                        s += q.get()
                    out.put(s)
                def echo(c):
                    while True:
                        v = c.recv()
                        if v == 'stop':
                            break
                        c.send(v)
                def is_prime(n):
                    if n % 2 == 0:
                        return False
                    for i in range(3, int(n ** 0.5) + 1, 2):
                        if n % i == 0:
                            return False
                    return True
                def checker(numbers, primes):
                    while True:
                        n = numbers.get()
                        if n == 'ALL_DONE':
                            break
                        if is_prime(n):
                            primes.put(n)
                    primes.put('WORKER_FINISHED')
                def primes_manager_queue(lo, hi, workers=2):
                    m = mp.Manager(); numbers = m.Queue(); primes = m.Queue()
                    t0 = time.perf_counter()
                    ps = [mp.Process(target=checker, args=(numbers, primes)) for _ in range(workers)]
                    for p in ps: p.start()
                    for n in range(lo, hi): numbers.put(n)
                    for p in ps: numbers.put('ALL_DONE')
                    found, finished = [], 0
                    while finished < workers:
                        item = primes.get()
                        if item == 'WORKER_FINISHED': finished += 1
                        else: found.append(item)
                    t1 = time.perf_counter()
                    for p in ps: p.join()
                    m.shutdown()
                    return t1 - t0, len(found)
                def start_pool():
                    t0 = time.perf_counter()
                    p = mp.Pool(2)
                    p.map(abs, [1, 2])
                    t1 = time.perf_counter()
                    p.close(); p.join()
                    return t1 - t0
                if __name__ == '__main__':
                    n = int(sys.argv[1]); samples = int(sys.argv[2])
                    for ctx in ('fork', 'spawn'):
                        mp.set_start_method(ctx, force=True)
                        rates = []
                        for s in range(samples):
                            q, out = mp.Queue(), mp.Queue()
                            c = mp.Process(target=consume, args=(q, n, out)); c.start()
                            t0 = time.perf_counter()
                            for i in range(n):
                                q.put(i)
                            out.get(); t1 = time.perf_counter(); c.join()
                            rates.append(n / (t1 - t0))
                        print('python %s: queue, 1 producer -> 1 consumer, %d ints: median %.0f items/s' % (ctx, n, statistics.median(rates)))
                        starts = [start_pool() for _ in range(samples)]
                        print('python %s: pool start, 2 workers ready: median %.3f s' % (ctx, statistics.median(starts)))
                    mp.set_start_method('fork', force=True)
                    a, b = mp.Pipe(); p = mp.Process(target=echo, args=(b,)); p.start()
                    for i in range(1000):
                        a.send(i); a.recv()
                    ts = []
                    for i in range(5000):
                        t0 = time.perf_counter(); a.send(i); a.recv(); ts.append((time.perf_counter() - t0) * 1e6)
                    a.send('stop'); p.join()
                    print('python: pipe round trip: median %.1f us' % statistics.median(ts))
                    lo = 100000000; hi = lo + (10000 if samples < 5 else 100000)
                    secs, found = primes_manager_queue(lo, hi)
                    print('python fork: primes [%d, %d) with Manager queues, 2 workers: %.2f s (%d primes)' % (lo, hi, secs, found))
                    m = mp.Manager(); mq = m.Queue(); t0 = time.perf_counter()
                    for i in range(20000):
                        mq.put(i)
                    for i in range(20000):
                        mq.get()
                    print('python: Manager queue put+get in one process: %.0f items/s' % (20000 / (time.perf_counter() - t0)))
                """;
        Path file = Files.createTempFile("hhg-queue-bench-", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("python3", file.toString(), quick ? "100000" : "300000", quick ? "3" : "5")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            System.out.print(out);
        } catch (IOException e) {
            print("python3 not found: no side-by-side figures (%s)", e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Pool start, 2 workers ready, plain against workers given an AOT cache (JDK 25's
     * {@code -XX:AOTCache}) recorded by a training pool, alternating so both see the same machine.
     */
    static void poolStartWithAotCache(int samples) throws Exception {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                // JDK 25 refuses to record an AOT cache for a class path with directories in it.
                print("pool start with an AOT cache: skipped, the class path has a directory (%s); run with jars only", entry);
                return;
            }
        }
        Path cache = Files.createTempFile("hhg-worker-", ".aot");
        Files.delete(cache);
        try {
            // The training run: one worker started as the pool starts it, told to start and stop. The
            // JVM writes the cache as it exits (which takes seconds: longer than a pool waits for it).
            List<String> cmd = JvmCommand.create().options(JvmCommand.CHILD_FLAGS).options(JvmCommand.toolkitFlags())
                    .options(List.of("-XX:AOTCacheOutput=" + cache))
                    .main("hitchhiker.process.WorkerMain", List.of("pool", Long.toString(ProcessHandle.current().pid())));
            Process training = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (var in = new java.io.DataOutputStream(training.getOutputStream())) {
                in.write(1); // INIT, with no initializer: the worker says READY, then sees EOF and exits
                in.writeInt(0);
            }
            training.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            training.waitFor(120, TimeUnit.SECONDS);
            if (!Files.exists(cache)) {
                print("pool start with an AOT cache: the training run wrote no cache; skipped");
                return;
            }
            double[] plain = new double[samples], aot = new double[samples];
            for (int i = -1; i < samples; i++) {
                long t0 = System.nanoTime();
                new ProcessPool(2).close();
                long t1 = System.nanoTime();
                ProcessPool.builder().workers(2).jvmOptions("-XX:AOTCache=" + cache).start().close();
                long t2 = System.nanoTime();
                if (i < 0) continue;
                plain[i] = (t1 - t0) / 1e9;
                aot[i] = (t2 - t1) / 1e9;
            }
            print("pool start + close, 2 workers: plain median %.3f s (best %.3f), with AOT cache (%,d KiB) median %.3f s (best %.3f): %.2fx",
                    median(plain), min(plain), Files.size(cache) / 1024, median(aot), min(aot), median(plain) / median(aot));
        } finally {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(Path.of(cache + ".config")); // the training run's, if it failed half-way
        }
    }
}
