package hitchhiker.bench.mpi.ffm;

import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.spi.ElementType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ping-pong between ranks 0 and 1 through the {@code hitchhiker.mpi} API — on the native backend
 * when {@code mpirun} starts it, so every message goes through the FFM binding to libmpi — with
 * the same loops as {@code bench/src/main/c/mpi/pingpong.c}:
 *
 * <pre>  mpirun -np 2 java ... hitchhiker.bench.mpi.ffm.PingPong MODE SIZE ROUND_TRIPS REPEATS [...]</pre>
 *
 * MODE is {@code offheap} (an off-heap {@link MemorySegment}, handed to MPI as it is; from the
 * global arena, whose segments the linker need not lock per call — a confined arena's cost about
 * 15 ns more per call here, the price of FFM's liveness check) or
 * {@code heap} (a {@code byte[]}, which the backend copies through native memory, and whose
 * large sends it buffers). For each size: ten untimed repeats (which let the JIT compile the loop:
 * with three, the first timed repeats of 8 bytes still ran at twice the steady state),
 * then REPEATS timed repeats; rank 0 prints {@code pingpong java-MODE bytes=N oneway_us=t1,t2,...}.
 */
public final class PingPong {

    private static final double WARM_UP_SECONDS = 8;

    private PingPong() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || (args.length - 1) % 3 != 0) {
            throw new IllegalArgumentException("usage: PingPong offheap|heap SIZE ROUND_TRIPS REPEATS [SIZE ROUND_TRIPS REPEATS ...]");
        }
        boolean offHeap = switch (args[0]) {
            case "offheap" -> true;
            case "heap" -> false;
            default -> throw new IllegalArgumentException("mode must be offheap or heap, not " + args[0]);
        };
        Comm world = Mpi.world();
        if (world.size() != 2) throw new IllegalArgumentException("ping-pong needs exactly 2 ranks, not " + world.size());
        int rank = world.rank();
        for (int a = 1; a + 2 < args.length; a += 3) {
            int bytes = Integer.parseInt(args[a]);
            long trips = Long.parseLong(args[a + 1]);
            int repeats = Integer.parseInt(args[a + 2]);
            Buffer buffer = offHeap
                    ? Buffer.of(Arena.global().allocate(Math.max(bytes, 1), 64).asSlice(0, bytes), ElementType.BYTE)
                    : Buffer.of(new byte[bytes]);
            warmUp(world, buffer, trips, rank, bytes <= 1024 ? WARM_UP_SECONDS : 0);
            List<String> times = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                world.barrier();
                long t0 = System.nanoTime();
                repeat(world, buffer, trips, rank);
                double oneWayMicros = (System.nanoTime() - t0) / 1e3 / (2.0 * trips);
                times.add(String.format(Locale.ROOT, "%.4f", oneWayMicros));
            }
            if (rank == 0) {
                System.out.println("pingpong java-" + args[0] + " bytes=" + bytes + " oneway_us=" + String.join(",", times));
                System.out.flush();
            }
        }
        Mpi.finish();
    }

    /**
     * Ten repeats, and for small messages {@link #WARM_UP_SECONDS} at least (rank 0 decides, so
     * both run as many): two spinning ranks leave their JIT threads little of a 2-core machine,
     * and ten repeats (0.4 s at 8 B) left the embedded transport's path half compiled (0.70 µs,
     * then 0.43 µs once warm). A large message's repeats are long enough on their own.
     */
    private static void warmUp(Comm world, Buffer buffer, long trips, int rank, double seconds) {
        long start = System.nanoTime();
        for (int w = 0; ; w++) {
            boolean more = w < 10 || System.nanoTime() - start < seconds * 1e9;
            if (!world.bcast(more, 0)) return;
            repeat(world, buffer, trips, rank);
        }
    }

    private static void repeat(Comm world, Buffer buffer, long trips, int rank) {
        for (long i = 0; i < trips; i++) {
            if (rank == 0) {
                world.sendBuffer(buffer, 1, 1);
                world.recvBuffer(buffer, 1, 1);
            } else {
                world.recvBuffer(buffer, 0, 1);
                world.sendBuffer(buffer, 0, 1);
            }
        }
    }
}
