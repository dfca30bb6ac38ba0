package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MessageTruncatedException;
import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.Backends;
import hitchhiker.mpi.spi.Channel;
import hitchhiker.mpi.spi.ElementType;
import hitchhiker.mpi.spi.ReduceOp;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rank programs that pin down the native backend's contract (the SPI's {@link Channel}) under a
 * real {@code mpirun}: {@code NativeScenarios all} runs every scenario in one job and prints
 * {@code rank R ok NAME} for each; a broken invariant throws, which ends the job non-zero.
 * Each scenario checks its result against an independent value (a formula of the ranks).
 */
public final class NativeScenarios {

    private static Backend backend;
    private static Channel world;
    private static int rank;
    private static int size;

    private NativeScenarios() {
    }

    public static void main(String[] args) throws Exception {
        backend = Backends.select(System.getenv()).start();
        check(backend.name().equals("native"), "backend " + backend.name());
        world = backend.world();
        rank = world.rank();
        size = world.size();
        if (args.length == 1 && args[0].equals("crash")) {
            // The others wait for a message rank 1 never sends: the job must end anyway, not hang.
            if (rank == 1) throw new IllegalStateException("rank 1 gives up on purpose");
            world.recv(MemorySegment.ofArray(new int[1]), 1, 0);
            throw new AssertionError("rank " + rank + " received from a rank that died");
        }
        Map<String, Runnable> scenarios = scenarios();
        List<String> chosen = args.length == 1 && args[0].equals("all") ? new ArrayList<>(scenarios.keySet()) : List.of(args);
        for (String name : chosen) {
            Runnable scenario = scenarios.get(name);
            if (scenario == null) throw new IllegalArgumentException("no scenario " + name + "; have " + scenarios.keySet());
            scenario.run();
            world.barrier();
            System.out.println("rank " + rank + " ok " + name);
            System.out.flush();
        }
        backend.finish();
    }

    static Map<String, Runnable> scenarios() {
        Map<String, Runnable> all = new LinkedHashMap<>();
        all.put("ring", NativeScenarios::ring);
        all.put("nonblocking", NativeScenarios::nonblocking);
        all.put("anySource", NativeScenarios::anySource);
        all.put("ordered", NativeScenarios::ordered);
        all.put("anySize", NativeScenarios::anySize);
        all.put("postingOrder", NativeScenarios::postingOrder);
        all.put("sendToSelf", NativeScenarios::sendToSelf);
        all.put("largeHeap", NativeScenarios::largeHeap);
        all.put("truncation", NativeScenarios::truncation);
        all.put("procNull", NativeScenarios::procNull);
        all.put("mpiError", NativeScenarios::mpiError);
        all.put("bcast", NativeScenarios::bcast);
        all.put("gatherScatter", NativeScenarios::gatherScatter);
        all.put("variable", NativeScenarios::variable);
        all.put("reductions", NativeScenarios::reductions);
        all.put("split", NativeScenarios::split);
        all.put("beyondIntCounts", NativeScenarios::beyondIntCounts);
        all.put("threads", NativeScenarios::threads);
        return all;
    }

    /** Each rank passes its rank to the next, from a heap array and from native memory. */
    static void ring() {
        int next = (rank + 1) % size, prev = (rank - 1 + size) % size;
        int[] got = new int[1];
        Request r = world.irecv(MemorySegment.ofArray(got), prev, 5);
        world.send(MemorySegment.ofArray(new int[] {rank * 10}), next, 5);
        Status st = r.await();
        check(got[0] == prev * 10 && st.source() == prev && st.tag() == 5 && st.bytes() == 4, "ring heap " + got[0] + " " + st);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocateFrom(ValueLayout.JAVA_LONG, rank + 1000L);
            MemorySegment in = arena.allocate(ValueLayout.JAVA_LONG);
            Request s = world.isend(out, next, 6);
            Status rs = world.recv(in, prev, 6);
            s.await();
            check(in.get(ValueLayout.JAVA_LONG, 0) == prev + 1000L && rs.bytes() == 8, "ring native " + rs);
        }
    }

    /** Requests complete once, report the same status to every later call, and test() never blocks. */
    static void nonblocking() {
        if (size < 2 || rank > 1) return;
        int peer = 1 - rank;
        double[] in = new double[3];
        Request recv = world.irecv(MemorySegment.ofArray(in), peer, 9);
        Request send = world.isend(MemorySegment.ofArray(new double[] {rank, rank + 0.5, -rank}), peer, 9);
        Status first;
        while ((first = recv.test()) == null) Thread.onSpinWait();
        check(first.equals(recv.await()) && first.equals(recv.test()), "same status twice");
        check(Arrays.equals(in, new double[] {peer, peer + 0.5, -peer}), "nonblocking data " + Arrays.toString(in));
        Status sent = send.await();
        check(sent.source() == peer && sent.bytes() == 24, "send status names its destination " + sent);
    }

    /** Rank 0 hears from everyone else through ANY_SOURCE / ANY_TAG, probing each message's size first. */
    static void anySource() {
        if (rank == 0) {
            Set<Integer> sources = new TreeSet<>();
            for (int i = 1; i < size; i++) {
                Status probed = world.probe(Channel.ANY_SOURCE, Channel.ANY_TAG);
                check(probed.bytes() == probed.source() * 4L && probed.tag() == 100 + probed.source(), "probe " + probed);
                int[] data = new int[probed.source()];
                Status st = world.recv(MemorySegment.ofArray(data), probed.source(), Channel.ANY_TAG);
                check(st.equals(probed), "probe and recv agree");
                for (int v : data) check(v == st.source(), "payload");
                sources.add(st.source());
            }
            check(sources.size() == size - 1, "every sender once " + sources);
            check(world.iprobe(Channel.ANY_SOURCE, Channel.ANY_TAG) == null, "nothing left");
        } else {
            int[] data = new int[rank];
            Arrays.fill(data, rank);
            world.send(MemorySegment.ofArray(data), 0, 100 + rank);
        }
    }

    /** Messages between a pair on one tag arrive in the order sent (non-overtaking), small and large mixed. */
    static void ordered() {
        if (size < 2 || rank > 1) return;
        int n = 200;
        if (rank == 0) {
            List<Request> sends = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int len = i % 50 == 0 ? 100_000 : 1;
                int[] m = new int[len];
                m[0] = i;
                sends.add(world.isendAnySize(MemorySegment.ofArray(m), 1, 3));
            }
            sends.forEach(Request::await);
        } else {
            for (int i = 0; i < n; i++) {
                Request r = world.irecvAnySize(0, 3);
                r.await();
                check(r.payload().get(ValueLayout.JAVA_INT, 0) == i, "message " + i + " out of order");
            }
        }
    }

    /** Receives of any size get exactly the message, however long, blocking or polled. */
    static void anySize() {
        if (size < 2 || rank > 1) return;
        long[] lengths = {0, 1, 4096, 65_537, 3 << 20};
        if (rank == 0) {
            for (long len : lengths) world.sendAnySize(pattern(len, (int) len), 1, 11);
        } else {
            for (int i = 0; i < lengths.length; i++) {
                Request r = world.irecvAnySize(0, 11);
                Status st = i % 2 == 0 ? r.await() : poll(r);
                check(st.bytes() == lengths[i] && r.payload().byteSize() == lengths[i], "any size " + st);
                check(r.payload().mismatch(pattern(lengths[i], (int) lengths[i])) == -1, "any size content");
            }
        }
    }

    /**
     * Receives of any size match in the order they were posted, as MPI requires: two posted
     * receives that both match get the first and the second message, whichever is waited on first,
     * and a plain receive posted after them gets the third.
     */
    static void postingOrder() {
        if (size < 2 || rank > 1) return;
        if (rank == 0) {
            world.recv(MemorySegment.ofArray(new int[1]), 1, 31);  // rank 1 has posted its receives
            world.sendAnySize(MemorySegment.ofArray(new int[] {1}), 1, 30);
            world.sendAnySize(MemorySegment.ofArray(new int[50_000]).fill((byte) 2), 1, 30);
            world.sendAnySize(MemorySegment.ofArray(new int[] {3}), 1, 30);
        } else {
            Request first = world.irecvAnySize(0, 30);
            Request second = world.irecvAnySize(Channel.ANY_SOURCE, Channel.ANY_TAG);
            Request third = world.irecvAnySize(0, Channel.ANY_TAG);
            world.send(MemorySegment.ofArray(new int[1]), 0, 31);
            check(third.await().bytes() == 4 && third.payload().get(ValueLayout.JAVA_INT, 0) == 3, "third " + third.await());
            check(second.await().bytes() == 200_000 && second.payload().get(ValueLayout.JAVA_BYTE, 7) == 2, "second " + second.await());
            check(first.await().bytes() == 4 && first.payload().get(ValueLayout.JAVA_INT, 0) == 1, "first " + first.await());
        }
    }

    /**
     * A rank sends to itself, object and buffer messages above Open MPI's eager limit for self
     * (1 KiB), with the receive posted first or after the send: nothing waits forever.
     */
    static void sendToSelf() {
        for (int len : new int[] {8, 1000, 5000, 300_000}) {
            Request posted = world.irecvAnySize(rank, 40);
            world.sendAnySize(pattern(len, 1), rank, 40);
            check(posted.await().bytes() == len && posted.payload().mismatch(pattern(len, 1)) == -1, "self posted " + len);
            world.sendAnySize(pattern(len, 2), rank, 41);
            Request later = world.recvAnySize(rank, 41);
            check(later.await().bytes() == len && later.payload().mismatch(pattern(len, 2)) == -1, "self later " + len);
            byte[] out = new byte[len], in = new byte[len];
            Arrays.fill(out, (byte) 7);
            world.send(MemorySegment.ofArray(out), rank, 42);
            check(world.recv(MemorySegment.ofArray(in), rank, 42).bytes() == len && in[len - 1] == 7, "self buffer " + len);
        }
    }

    /** Heap arrays beyond the critical-call limit go through staging (send) and a matched receive (recv). */
    static void largeHeap() {
        if (size < 2 || rank > 1) return;
        int n = 1 << 20;
        if (rank == 0) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = i * 0.5;
            world.send(MemorySegment.ofArray(d), 1, 12);
        } else {
            double[] d = new double[n];
            Status st = world.recv(MemorySegment.ofArray(d), 0, 12);
            check(st.bytes() == 8L * n, "large heap status");
            for (int i = 0; i < n; i += 997) check(d[i] == i * 0.5, "large heap content at " + i);
        }
    }

    /** A message longer than the buffer fails with the API's exception naming both sizes. */
    static void truncation() {
        if (size < 2 || rank > 1) return;
        if (rank == 0) {
            world.send(MemorySegment.ofArray(new byte[100]), 1, 13);
            world.send(MemorySegment.ofArray(new byte[100]), 1, 14);
        } else {
            try {
                world.recv(MemorySegment.ofArray(new byte[10]), 0, 13);
                throw new AssertionError("heap receive was not truncated");
            } catch (MessageTruncatedException e) {
                check(e.getMessage().contains("100 bytes") && e.getMessage().contains("10-byte"), e.getMessage());
            }
            try (Arena arena = Arena.ofConfined()) {
                world.recv(arena.allocate(10), 0, 14);
                throw new AssertionError("native receive was not truncated");
            } catch (MessageTruncatedException e) {
                check(e.getMessage().contains("10-byte"), e.getMessage());
            }
        }
    }

    /** Sends to and receives from the null process complete at once. */
    static void procNull() {
        world.send(MemorySegment.ofArray(new int[4]), Channel.PROC_NULL, 1);
        Status st = world.recv(MemorySegment.ofArray(new int[4]), Channel.PROC_NULL, 1);
        check(st.source() == Channel.PROC_NULL && st.bytes() == 0, "proc null " + st);
    }

    /** An MPI error code becomes an exception with MPI's own message; the job goes on. */
    static void mpiError() {
        try {
            world.send(MemorySegment.ofArray(new int[1]), size + 7, 1);
            throw new AssertionError("send to a rank out of range succeeded");
        } catch (MpiNativeException e) {
            check(e.function().equals("MPI_Send") && e.getMessage().toLowerCase().contains("rank"), e.getMessage());
        }
    }

    static void bcast() {
        for (int root = 0; root < size; root++) {
            double[] heap = new double[5];
            if (rank == root) for (int i = 0; i < 5; i++) heap[i] = i + root;
            world.bcast(MemorySegment.ofArray(heap), root);
            for (int i = 0; i < 5; i++) check(heap[i] == i + root, "bcast heap from " + root);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment big = rank == 0 ? pattern(1 << 20, 7) : arena.allocate(1 << 20);
            world.bcast(big, 0);
            check(big.mismatch(pattern(1 << 20, 7)) == -1, "bcast native");
        }
    }

    static void gatherScatter() {
        int[] all = new int[2 * size];
        world.gather(MemorySegment.ofArray(new int[] {rank, -rank}), MemorySegment.ofArray(all), size - 1);
        if (rank == size - 1) for (int r = 0; r < size; r++) check(all[2 * r] == r && all[2 * r + 1] == -r, "gather");
        int[] every = new int[size];
        world.allgather(MemorySegment.ofArray(new int[] {rank * rank}), MemorySegment.ofArray(every));
        for (int r = 0; r < size; r++) check(every[r] == r * r, "allgather");
        long[] source = new long[3 * size];
        if (rank == 0) for (int i = 0; i < source.length; i++) source[i] = i;
        long[] mine = new long[3];
        world.scatter(MemorySegment.ofArray(source), MemorySegment.ofArray(mine), 0);
        check(Arrays.equals(mine, new long[] {3L * rank, 3L * rank + 1, 3L * rank + 2}), "scatter " + Arrays.toString(mine));
    }

    /** gatherv / scatterv / allgatherv with rank r owning r+1 bytes of value r. */
    static void variable() {
        long[] counts = new long[size];
        long total = 0;
        for (int r = 0; r < size; r++) total += counts[r] = r + 1;
        byte[] expected = new byte[(int) total];
        for (int r = 0, at = 0; r < size; r++) for (int i = 0; i <= r; i++) expected[at++] = (byte) r;
        byte[] mine = new byte[rank + 1];
        Arrays.fill(mine, (byte) rank);
        byte[] all = new byte[(int) total];
        world.gatherv(MemorySegment.ofArray(mine), MemorySegment.ofArray(all), counts, 0);
        if (rank == 0) check(Arrays.equals(all, expected), "gatherv");
        byte[] every = new byte[(int) total];
        world.allgatherv(MemorySegment.ofArray(mine), MemorySegment.ofArray(every), counts);
        check(Arrays.equals(every, expected), "allgatherv");
        byte[] back = new byte[rank + 1];
        world.scatterv(MemorySegment.ofArray(rank == 0 ? expected : new byte[0]), counts, MemorySegment.ofArray(back), 0);
        check(Arrays.equals(back, mine), "scatterv");
    }

    static void reductions() {
        long n = size;
        long[] sums = new long[2];
        world.allreduce(MemorySegment.ofArray(new long[] {rank, 1L << 40}), MemorySegment.ofArray(sums), ElementType.LONG, op(ReduceOp.Builtin.SUM));
        check(sums[0] == n * (n - 1) / 2 && sums[1] == n << 40, "allreduce long sum");
        double[] max = new double[1];
        world.reduce(MemorySegment.ofArray(new double[] {rank * 1.5}), MemorySegment.ofArray(max), ElementType.DOUBLE, op(ReduceOp.Builtin.MAX), 0);
        if (rank == 0) check(max[0] == (n - 1) * 1.5, "reduce double max");
        int[] prod = new int[1];
        world.allreduce(MemorySegment.ofArray(new int[] {rank + 1}), MemorySegment.ofArray(prod), ElementType.INT, op(ReduceOp.Builtin.PROD));
        int factorial = 1;
        for (int i = 2; i <= n; i++) factorial *= i;
        check(prod[0] == factorial, "allreduce int prod");
        byte[] bytes = new byte[2];
        world.allreduce(MemorySegment.ofArray(new byte[] {(byte) -rank, 1}), MemorySegment.ofArray(bytes), ElementType.BYTE, op(ReduceOp.Builtin.SUM));
        check(bytes[0] == (byte) -(n * (n - 1) / 2) && bytes[1] == n, "allreduce byte sum (signed)");
        world.allreduce(MemorySegment.ofArray(new byte[] {(byte) (rank % 2), 1}), MemorySegment.ofArray(bytes), ElementType.BYTE, op(ReduceOp.Builtin.LAND));
        check(bytes[0] == 0 && bytes[1] == 1, "allreduce byte land (rank 0 contributes false)");
        float[] min = new float[1];
        world.allreduce(MemorySegment.ofArray(new float[] {-rank}), MemorySegment.ofArray(min), ElementType.FLOAT, op(ReduceOp.Builtin.MIN));
        check(min[0] == -(n - 1), "allreduce float min");
        // MPI has no logical ops on doubles: the backend falls back to Java's combine over a private context.
        double[] land = new double[1];
        world.allreduce(MemorySegment.ofArray(new double[] {rank == 0 ? 0.0 : 2.0}), MemorySegment.ofArray(land), ElementType.DOUBLE, logicalAnd());
        check(land[0] == 0.0, "land on doubles");
        // A non-commutative user op, applied in rank order: acc * 10 + next gives the ranks' digits.
        long[] digits = new long[1];
        world.reduce(MemorySegment.ofArray(new long[] {rank}), MemorySegment.ofArray(digits), ElementType.LONG, decimalDigits(), 0);
        long want = 0;
        for (int r = 0; r < size; r++) want = want * 10 + r;
        if (rank == 0) check(digits[0] == want, "user op in rank order " + digits[0]);
    }

    /** Split by parity, ordered by descending rank; collectives work inside the parts; UNDEFINED gets none. */
    static void split() {
        Channel part = world.split(rank % 2, -rank);
        List<Integer> members = new ArrayList<>();
        for (int r = size - 1; r >= 0; r--) if (r % 2 == rank % 2) members.add(r);
        check(part.size() == members.size() && part.rank() == members.indexOf(rank), "split rank " + part.rank());
        int[] sum = new int[1];
        part.allreduce(MemorySegment.ofArray(new int[] {rank}), MemorySegment.ofArray(sum), ElementType.INT, op(ReduceOp.Builtin.SUM));
        check(sum[0] == members.stream().mapToInt(Integer::intValue).sum(), "sum in split");
        part.close();
        Channel none = world.split(rank == 0 ? Channel.UNDEFINED : 1, 0);
        check((rank == 0) == (none == null), "undefined colour");
        if (none != null) none.close();
    }

    /**
     * Run with a small {@code -Dhhg.mpi.ffm.maxPlainCount}: messages longer than it travel as one
     * element of a derived type, as messages over 2 GiB do; both kinds of receive must get them whole.
     */
    static void beyondIntCounts() {
        if (size < 2 || rank > 1) return;
        long len = ByteCount.MAX_PLAIN * 3 + 17;
        if (rank == 0) {
            world.send(pattern(len, 3), 1, 21);
            world.isendAnySize(pattern(len, 4), 1, 22).await();
        } else {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment into = arena.allocate(len + 100);
                Status st = world.recv(into, 0, 21);
                check(st.bytes() == len && into.asSlice(0, len).mismatch(pattern(len, 3)) == -1, "derived recv " + st);
            }
            Request r = world.irecvAnySize(0, 22);
            check(r.await().bytes() == len && r.payload().mismatch(pattern(len, 4)) == -1, "derived any size");
        }
    }

    /**
     * MPI_THREAD_MULTIPLE is asked for and given; two threads per rank then exchange messages at
     * once on their own tags (per-thread scratch memory must not mix them up).
     */
    static void threads() {
        NativeBackend nb = (NativeBackend) backend;
        check(nb.requestedThreadLevel() == MpiAbi.ThreadLevel.MULTIPLE && nb.threadLevel() == MpiAbi.ThreadLevel.MULTIPLE,
                "thread level " + nb.threadLevel());
        if (size < 2 || rank > 1) return;
        int peer = 1 - rank;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 2; t++) {
            int tag = 50 + t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    long[] in = new long[1];
                    for (int i = 0; i < 2000; i++) {
                        long mine = (long) tag << 32 | i;
                        if (rank == 0) {
                            world.send(MemorySegment.ofArray(new long[] {mine}), peer, tag);
                            Status st = world.recv(MemorySegment.ofArray(in), peer, tag);
                            check(in[0] == mine && st.tag() == tag, "thread echo " + in[0]);
                        } else {
                            Status st = world.recv(MemorySegment.ofArray(in), peer, tag);
                            check(in[0] == mine && st.tag() == tag, "thread got " + in[0]);
                            world.send(MemorySegment.ofArray(in), peer, tag);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        check(failures.isEmpty(), "threads failed: " + failures);
    }

    // ---- helpers --------------------------------------------------------------------------

    static MemorySegment pattern(long length, int seed) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, length)).asSlice(0, length);
        for (long i = 0; i < length; i++) s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed));
        return s;
    }

    static Status poll(Request r) {
        Status st;
        while ((st = r.test()) == null) Thread.onSpinWait();
        return st;
    }

    static ReduceOp op(ReduceOp.Builtin builtin) {
        return new ReduceOp() {
            @Override public Builtin builtin() { return builtin; }
            @Override public boolean commutative() { return true; }
            @Override public void combine(MemorySegment acc, MemorySegment in, ElementType type, long count) {
                throw new AssertionError("a predefined op must run inside MPI");
            }
        };
    }

    static ReduceOp logicalAnd() {
        return new ReduceOp() {
            @Override public Builtin builtin() { return Builtin.LAND; }
            @Override public boolean commutative() { return true; }
            @Override public void combine(MemorySegment acc, MemorySegment in, ElementType type, long count) {
                for (long i = 0; i < count; i++) {
                    boolean both = acc.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i) != 0 && in.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i) != 0;
                    acc.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, both ? 1 : 0);
                }
            }
        };
    }

    static ReduceOp decimalDigits() {
        return new ReduceOp() {
            @Override public Builtin builtin() { return null; }
            @Override public boolean commutative() { return false; }
            @Override public void combine(MemorySegment acc, MemorySegment in, ElementType type, long count) {
                for (long i = 0; i < count; i++) {
                    acc.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i,
                            acc.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i) * 10 + in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i));
                }
            }
        };
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError("rank " + rank + ": " + what);
    }
}
