package hitchhiker.bench.mpi.ffm;

import hitchhiker.mpi.embedded.Launcher;
import hitchhiker.mpi.ffm.Mpirun;
import hitchhiker.mpi.ffm.NativeMpi;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The native backend against C over the same Open MPI, in the same run: ping-pong latency (8 B)
 * and bandwidth (1 MiB, 4 MiB) of {@link PingPong} (off-heap segments and heap arrays) beside
 * {@code bench/src/main/c/mpi/pingpong.c} (compiled here with {@code mpicc} when present), and
 * the same {@link PingPong} on the embedded transport ({@code hhg mpirun}'s shared memory, rows
 * {@code embedded-*}), the jobs interleaved round by round so that a noisy machine disturbs all
 * alike; then
 * {@code part4.pi} with n = 10,000,000 on 1 and 2 ranks. Prints medians and Java/C ratios.
 *
 * <pre>  java --enable-native-access=ALL-UNNAMED -cp ... hitchhiker.bench.mpi.ffm.NativeMpiBenchmark [rounds]</pre>
 * Run it from the repository (it looks for the C source below the working directory's ancestors).
 */
public final class NativeMpiBenchmark {

    private static final int MIB = 1 << 20;
    /** size, round trips, repeats: enough trips that a repeat lasts tens of milliseconds. */
    private static final List<String> SIZES = List.of("8", "20000", "5", Integer.toString(MIB), "200", "5",
            Integer.toString(4 * MIB), "50", "5");
    private static final List<String> JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms256m");

    private NativeMpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var missing = Mpirun.unavailable();
        if (missing.isPresent()) {
            System.out.println("native MPI benchmark skipped: " + missing.get());
            return;
        }
        System.out.println("native MPI: " + NativeMpi.check().detail() + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        Path c = compileC();
        Map<String, Map<Integer, List<Double>>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            if (c != null) collect(times, pingPong(concat(List.of(c.toString()), SIZES)));
            for (String mode : List.of("offheap", "heap")) {
                collect(times, pingPong(Mpirun.javaCommand(JAVA_OPTIONS, PingPong.class.getName(), concat(List.of(mode), SIZES))));
                collect(times, embedded(mode));
            }
        }
        report(times);
        pi();
    }

    /**
     * A ping-pong job on 2 ranks, with Open MPI's busy polling as it is by default: the
     * {@code mpi_yield_when_idle} that {@link Mpirun} sets for oversubscribed jobs (spawning)
     * makes every poll a sched_yield, which measured 1.7 µs one way for C and Java alike,
     * against 0.5 µs without it, and hides the difference this benchmark is about.
     */
    private static Mpirun.Outcome pingPong(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", "2"));
        cmd.addAll(command);
        return Mpirun.launch(cmd, Map.of("OMPI_MCA_mpi_yield_when_idle", "0"), Duration.ofMinutes(3));
    }

    /** {@link PingPong} on two ranks of the embedded transport, its rows labelled {@code embedded-MODE}. */
    private static Mpirun.Outcome embedded(String mode) {
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        Launcher.Result r = Launcher.run(2, PingPong.class.getName(), concat(List.of(mode), SIZES),
                new Launcher.Options(false, print, System.err, List.of("-Xms256m")));
        String output = out.toString(java.nio.charset.StandardCharsets.UTF_8).replace("pingpong java-", "pingpong embedded-");
        return new Mpirun.Outcome(r.exitStatus(), output, false);
    }

    private static void collect(Map<String, Map<Integer, List<Double>>> times, Mpirun.Outcome job) {
        if (job.exitCode() != 0) {
            throw new IllegalStateException("ping-pong job " + (job.timedOut() ? "timed out (a very busy machine?)" : "failed") + ":\n" + job.output());
        }
        for (String line : job.lines("pingpong ")) {
            String[] f = line.split(" ");
            int bytes = Integer.parseInt(f[2].substring("bytes=".length()));
            List<Double> all = times.computeIfAbsent(f[1], k -> new TreeMap<>()).computeIfAbsent(bytes, k -> new ArrayList<>());
            for (String t : f[3].substring("oneway_us=".length()).split(",")) all.add(Double.parseDouble(t));
        }
    }

    private static void report(Map<String, Map<Integer, List<Double>>> times) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-13s %10s %14s %12s%n", "ping-pong", "bytes", "one-way (us)", "MB/s");
        times.forEach((impl, bySize) -> bySize.forEach((bytes, t) -> {
            double us = median(t);
            System.out.printf(Locale.ROOT, "%-13s %10d %14.3f %12.1f%n", impl, bytes, us, bytes / us);
        }));
        Map<Integer, List<Double>> cTimes = times.get("c");
        if (cTimes == null) {
            System.out.println("(no mpicc: no C reference, so no ratios)");
            return;
        }
        System.out.println();
        for (String impl : times.keySet()) {
            if (impl.equals("c")) continue;
            double latency = median(times.get(impl).get(8)) / median(cTimes.get(8));
            double bw1 = median(cTimes.get(MIB)) / median(times.get(impl).get(MIB));
            double bw4 = median(cTimes.get(4 * MIB)) / median(times.get(impl).get(4 * MIB));
            System.out.printf(Locale.ROOT, "%s vs c: latency 8 B %.3fx (target <= 1.1), bandwidth 1 MiB %.3fx, 4 MiB %.3fx (target >= 0.95)%n",
                    impl, latency, bw1, bw4);
        }
    }

    /**
     * part4.pi, n = 10,000,000, on 1 and 2 ranks under mpirun (native backend): rank 0's compute
     * time (bcast + sums + reduce, one computation, so the JIT is still warming up: see
     * {@code PiScaling} for warm timings) and the launch's wall time (JVM and MPI start-up included).
     */
    private static void pi() throws IOException, InterruptedException {
        System.out.println();
        for (int np : new int[] {1, 2}) {
            Path result = Files.createTempFile("hhg-pi", ".ser");
            try {
                List<String> cmd = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", Integer.toString(np), "-x", "HHG_MPI_RESULT"));
                cmd.addAll(Mpirun.javaCommand(JAVA_OPTIONS, "hitchhiker.mpi.RankMain",
                        List.of("hitchhiker.examples.part4.Pi$Program", "n=10000000")));
                long t0 = System.nanoTime();
                Mpirun.Outcome job = Mpirun.launch(cmd, Map.of("HHG_MPI_RESULT", result.toString()), Duration.ofMinutes(2));
                double wall = (System.nanoTime() - t0) / 1e9;
                if (job.exitCode() != 0 || job.lines("pi is approximately").isEmpty()) {
                    throw new IllegalStateException("part4.pi failed:\n" + job.output());
                }
                double compute;
                try (var in = new ObjectInputStream(Files.newInputStream(result))) {
                    compute = ((Number) ((Map<?, ?>) in.readObject()).get("compute_s")).doubleValue();
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                System.out.printf(Locale.ROOT, "part4.pi n=10000000 np=%d: compute %.4f s (one, cold), launch wall %.2f s; %s%n",
                        np, compute, wall, job.lines("pi is approximately").get(0));
            } finally {
                Files.deleteIfExists(result);
            }
        }
    }

    /** mpicc -O2 of the C ping-pong into a temporary directory, or null (with a note) when there is no mpicc. */
    private static Path compileC() throws IOException, InterruptedException {
        if (Mpirun.onPath("mpicc").isEmpty()) {
            System.out.println("no mpicc on PATH: the C reference is left out");
            return null;
        }
        Path source = findUp(Path.of("bench", "src", "main", "c", "mpi", "pingpong.c"));
        Path binary = Files.createTempDirectory("hhg-pingpong").resolve("pingpong");
        binary.getParent().toFile().deleteOnExit();  // (deleted in reverse order: the file, then its directory)
        binary.toFile().deleteOnExit();
        Process p = new ProcessBuilder("mpicc", "-O2", "-o", binary.toString(), source.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("mpicc failed on " + source);
        return binary;
    }

    private static Path findUp(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) return dir.resolve(relative);
        }
        throw new IllegalStateException("cannot find " + relative + ": run the benchmark from the repository");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
