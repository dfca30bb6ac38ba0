package hitchhiker.bench.mpi;

import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.Launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ping-pong between two ranks, OSU-benchmark style: for each message size, warm up, then time
 * {@code repeats} batches of round trips and report the median one-way time (half a round trip)
 * and the bandwidth it implies, for buffer messages ({@code sendBuffer}/{@code recvBuffer}) and
 * object messages ({@code send}/{@code recv} of a {@code byte[]}, serialized).
 *
 * <p>Run: {@code java -cp <bench class path> hitchhiker.bench.mpi.PingPong [bytes...]} (launches
 * 2 ranks with the embedded launcher; the sizes default to 8 B, 1 MiB and 4 MiB). Targets: 8 B
 * one-way latency <= 0.5 µs, 4 MiB bandwidth >= 3 GB/s.
 */
public final class PingPong implements RankProgram {

    private static final int[] SIZES = {8, 1 << 20, 4 << 20};
    private static final int REPEATS = 11;
    /**
     * Seconds of warm-up per size, at least. Two ranks that spin leave their own JIT threads
     * little of a 2-core machine, so compiling the path takes seconds: three batches (0.2 s at
     * 8 B) gave a median of 0.70 µs, and batch times fell until about 4 s in (26, 4.5, 3.2, 1.7,
     * 0.75, ... then 0.43-0.45 µs, with the odd 0.7 µs batch). JMH warms for 50 s by default.
     */
    private static final double WARM_UP_SECONDS = 8;

    public static void main(String[] args) {
        for (String a : args) {
            if (!a.matches("[1-9][0-9]{0,8}")) {
                System.err.println("PingPong: a message size is a positive number of bytes, not '" + a + "'");
                System.exit(2);
            }
        }
        Launcher.Result r = Launcher.run(2, PingPong.class.getName(), List.of(args), Launcher.Options.defaults());
        if (!r.succeeded()) throw new IllegalStateException(r.failure());
    }

    @Override
    public Object run(Comm world, List<String> args) {
        if (world.size() != 2) throw new IllegalArgumentException("ping-pong needs exactly 2 ranks");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> kinds = List.of("buffer", "object");
        int[] sizes = args.isEmpty() ? SIZES : args.stream().mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            int batch = size <= 1024 ? 20_000 : 40;
            byte[] data = new byte[size];
            // Warm-up (JIT, page faults) for WARM_UP_SECONDS, then the kinds' batches interleaved,
            // so that a busy machine or a late compilation disturbs both alike rather than
            // whichever ran first.
            warmUp(world, kinds, data, batch);
            Map<String, double[]> oneWay = new LinkedHashMap<>();
            for (String kind : kinds) oneWay.put(kind, new double[REPEATS]);
            for (int i = 0; i < REPEATS; i++) {
                for (String kind : kinds) oneWay.get(kind)[i] = batch(world, kind, data, batch) / (2.0 * batch);
            }
            for (String kind : kinds) {
                double[] t = oneWay.get(kind);
                Arrays.sort(t);
                double median = t[REPEATS / 2];
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", kind);
                row.put("bytes", size);
                row.put("one_way_us", median * 1e6);
                row.put("gb_per_s", size / median / 1e9);
                rows.add(row);
                if (world.rank() == 0) {
                    System.out.printf(Locale.ROOT, "%-6s %9d B  one-way median %10.2f µs  %7.2f GB/s  (best %.2f µs, %d x %d round trips)%n",
                            kind, size, median * 1e6, size / median / 1e9, t[0] * 1e6, REPEATS, batch);
                }
            }
        }
        return world.rank() == 0 ? rows : null;
    }

    // Three batches of every kind, and for small messages more until rank 0 has warmed for
    // WARM_UP_SECONDS (it decides, so that both ranks run the same number of batches); a large
    // message's batches are long enough on their own.
    private static void warmUp(Comm world, List<String> kinds, byte[] data, int batch) {
        long start = System.nanoTime();
        for (int w = 0; ; w++) {
            boolean more = w < 3 || (data.length <= 1024 && System.nanoTime() - start < WARM_UP_SECONDS * 1e9);
            if (!world.bcast(more, 0)) return;
            for (String kind : kinds) batch(world, kind, data, batch);
        }
    }

    // Seconds for `count` round trips; both ranks start together after a barrier.
    private static double batch(Comm world, String kind, byte[] data, int count) {
        world.barrier();
        Buffer buffer = Buffer.of(data);
        long t0 = System.nanoTime();
        int peer = 1 - world.rank();
        for (int i = 0; i < count; i++) {
            if (world.rank() == 0) {
                send(world, kind, buffer, data, peer);
                receive(world, kind, buffer, peer);
            } else {
                receive(world, kind, buffer, peer);
                send(world, kind, buffer, data, peer);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void send(Comm world, String kind, Buffer buffer, byte[] data, int peer) {
        if (kind.equals("buffer")) world.sendBuffer(buffer, peer, 0);
        else world.send(data, peer, 0);
    }

    private static void receive(Comm world, String kind, Buffer buffer, int peer) {
        if (kind.equals("buffer")) world.recvBuffer(buffer, peer, 0);
        else world.<byte[]>recv(peer, 0);
    }
}
