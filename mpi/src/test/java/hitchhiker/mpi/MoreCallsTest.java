package hitchhiker.mpi;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calls mpi4py users reach for beyond send/recv and the classic collectives, each against
 * its definition in the MPI standard, at 1 to 4 ranks. Each test is one world per size, so the
 * suite stays fast on both backends (it also runs under Open MPI's mpirun, ApiSuiteRank).
 */
@Timeout(120)
class MoreCallsTest {

    static Stream<Arguments> sizes() {
        return IntStream.rangeClosed(1, 4).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("sizes")
    void pointToPointExtrasFollowTheStandard(int n) throws Exception {
        ThreadWorld.run(n, w -> {
            int r = w.rank(), right = (r + 1) % n, left = (r - 1 + n) % n;

            // sendrecv: a ring shift, objects and buffers, and in place.
            assertThat(w.<String>sendrecv("from " + r, right, 1, left, 1)).isEqualTo("from " + left);
            int[] got = new int[2];
            Status st = w.sendrecvBuffer(Buffer.of(new int[] {r, -r}), right, 2, Buffer.of(got), left, 2);
            assertThat(got).containsExactly(left, -left);
            assertThat(st.source()).isEqualTo(left);
            long[] mine = {r * 100L};
            w.sendrecvReplaceBuffer(Buffer.of(mine), right, 3, left, 3);
            assertThat(mine).containsExactly(left * 100L);

            // Receives match in the order they were posted, whichever is waited on first.
            ReceiveRequest<String> first = w.irecv(left, 4);
            ReceiveRequest<String> second = w.irecv(left, 4);
            w.barrier();
            w.send("first", right, 4);
            w.send("second " + "x".repeat(100_000), right, 4);
            assertThat(second.value()).startsWith("second ").hasSize(100_007);
            assertThat(first.value()).isEqualTo("first");

            // A send to oneself above Open MPI's eager limit for self, posted first or not.
            ReceiveRequest<byte[]> self = w.irecv(r, 5);
            w.send(new byte[5000], r, 5);
            assertThat(self.value()).hasSize(5000);
            w.send(new byte[5000], r, 6);
            assertThat(w.<byte[]>recv(r, 6)).hasSize(5000);

            // A synchronous send completes only once its receive has matched it.
            if (n > 1 && r == 0) {
                Request s = w.issendBuffer(Buffer.of(new int[] {42}), 1, 7);
                Request so = w.issend("synchronous object", 1, 14);
                Thread.sleep(50);
                assertThat(s.test()).as("issend completed before the receive was posted").isFalse();
                assertThat(so.test()).as("object issend completed before the receive was posted").isFalse();
                w.barrier();
                s.waitFor();
                so.waitFor();
            } else if (n > 1 && r == 1) {
                w.barrier();
                int[] one = new int[1];
                w.recvBuffer(Buffer.of(one), 0, 7);
                assertThat(one[0]).isEqualTo(42);
                assertThat(w.<String>recv(0, 14)).isEqualTo("synchronous object");
            } else if (n > 1) {
                w.barrier();
            }
            int[] echo = new int[1];
            Request toSelf = w.irecvBuffer(Buffer.of(echo), r, 8);  // a synchronous send to oneself needs its receive posted first
            w.ssendBuffer(Buffer.of(new int[] {r}), r, 8);
            assertThat(toSelf.waitFor().bytes()).isEqualTo(4);
            assertThat(echo[0]).isEqualTo(r);

            // persistent requests: the same receive and send, started three times.
            int[] in = new int[1], out = new int[1];
            Prequest recv = w.recvInit(Buffer.of(in), left, 9);
            Prequest send = w.sendInit(Buffer.of(out), right, 9);
            assertThat(recv.waitFor().source()).as("an inactive request completes at once").isEqualTo(Mpi.PROC_NULL);
            for (int i = 0; i < 3; i++) {
                out[0] = r * 10 + i;
                Prequest.startAll(List.of(recv, send));
                Request.waitAll(recv, send);
                assertThat(in[0]).isEqualTo(left * 10 + i);
            }

            // waitany / testsome: the requests complete one by one, each seen once.
            List<Request> pending = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            int[][] boxes = new int[n][1];
            for (int p = 0; p < n; p++) pending.add(w.irecvBuffer(Buffer.of(boxes[p]), p, 10));
            List<Request> sends = new ArrayList<>();
            for (int p = 0; p < n; p++) sends.add(w.isendBuffer(Buffer.of(new int[] {r + 1000 * p}), p, 10));
            List<int[]> open = new ArrayList<>(Arrays.asList(boxes));
            while (!pending.isEmpty()) {
                int i = Request.waitAny(pending);
                values.add(open.get(i)[0] - 1000 * r);
                pending.remove(i);
                open.remove(i);
            }
            assertThat(values).containsExactlyInAnyOrderElementsOf(IntStream.range(0, n).boxed().toList());
            assertThat(Request.waitSome(sends)).isNotEmpty();
            Request.waitAll(sends);
            assertThat(Request.testAny(List.of())).isEqualTo(-1);

            // cancel: a receive nothing will ever match is cancelled; a completed one is not.
            Request never = w.irecvBuffer(Buffer.of(new int[1]), Mpi.ANY_SOURCE, 11);
            assertThat(never.cancel()).isTrue();
            assertThat(never.waitFor().source()).isEqualTo(Mpi.PROC_NULL);
            ReceiveRequest<String> neverObject = w.irecv(Mpi.ANY_SOURCE, 12);
            assertThat(neverObject.cancel()).isTrue();
            assertThat(neverObject.value()).isNull();
            w.barrier();
            return null;
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("sizes")
    void collectiveExtrasFollowTheStandard(int n) throws Exception {
        List<Integer> ranks = IntStream.range(0, n).boxed().toList();
        ThreadWorld.run(n, w -> {
            int r = w.rank();

            // alltoall: rank r sends "r->j" to j and gets "i->r" from every i.
            List<String> outgoing = ranks.stream().map(j -> r + "->" + j).toList();
            assertThat(w.<String>alltoall(outgoing)).isEqualTo(ranks.stream().map(i -> i + "->" + r).toList());
            int[] sendInts = IntStream.range(0, 2 * n).map(k -> 100 * r + k).toArray();
            int[] recvInts = new int[2 * n];
            w.alltoallBuffer(Buffer.of(sendInts), Buffer.of(recvInts));
            assertThat(recvInts).containsExactly(IntStream.range(0, 2 * n).map(k -> 100 * (k / 2) + 2 * r + k % 2).toArray());

            // IN_PLACE: allreduce, allgather, gather at the root, reduce at the root, scatter at the root.
            double[] sum = {r, 1};
            w.allreduceBuffer(Buffer.IN_PLACE, Buffer.of(sum), Op.SUM);
            assertThat(sum).containsExactly(n * (n - 1) / 2.0, n);
            long[] all = new long[n];
            all[r] = r * 7L;
            w.allgatherBuffer(Buffer.IN_PLACE, Buffer.of(all));
            assertThat(all).containsExactly(ranks.stream().mapToLong(i -> i * 7L).toArray());
            int[] gathered = new int[n];
            if (r == 0) gathered[0] = -5;
            w.gatherBuffer(r == 0 ? Buffer.IN_PLACE : Buffer.of(new int[] {r}), r == 0 ? Buffer.of(gathered) : null, 0);
            if (r == 0) assertThat(gathered).containsExactly(IntStream.range(0, n).map(i -> i == 0 ? -5 : i).toArray());
            int[] reduced = {r + 1};
            w.reduceBuffer(r == 0 ? Buffer.IN_PLACE : Buffer.of(reduced), r == 0 ? Buffer.of(reduced) : null, Op.SUM, 0);
            if (r == 0) assertThat(reduced[0]).isEqualTo(n * (n + 1) / 2);
            int[] pieces = IntStream.range(0, n).map(i -> i * 3).toArray();
            int[] piece = new int[1];
            w.scatterBuffer(r == 0 ? Buffer.of(pieces) : null, r == 0 ? Buffer.IN_PLACE : Buffer.of(piece), 0);
            if (r != 0) assertThat(piece[0]).isEqualTo(r * 3);

            // scan / exscan, objects and buffers, with a non-commutative op: rank order is kept.
            Op concat = Op.of("concat", (String a, String b) -> a + b, false);
            String prefix = ranks.stream().limit(r + 1).map(String::valueOf).reduce("", String::concat);
            assertThat(w.scan(String.valueOf(r), concat)).isEqualTo(prefix);
            assertThat(w.exscan(String.valueOf(r), concat)).isEqualTo(r == 0 ? null : prefix.substring(0, prefix.length() - 1));
            long[] scanned = new long[1];
            w.scanBuffer(Buffer.of(new long[] {r + 1}), Buffer.of(scanned), Op.SUM);
            assertThat(scanned[0]).isEqualTo((long) (r + 1) * (r + 2) / 2);
            long[] exscanned = {-1};
            w.exscanBuffer(Buffer.of(new long[] {r + 1}), Buffer.of(exscanned), Op.PROD);
            assertThat(exscanned[0]).isEqualTo(r == 0 ? -1 : LongStreamFactorial.of(r));
            long[] digits = new long[1];
            w.scanBuffer(Buffer.of(new long[] {r + 1}), Buffer.of(digits), Op.ofLongs("digits", (a, b) -> a * 10 + b, false));
            assertThat(digits[0]).isEqualTo(Long.parseLong(ranks.stream().limit(r + 1).map(i -> String.valueOf(i + 1)).reduce("", String::concat)));

            // reduce_scatter: rank r gets block r of the element-wise sum.
            int[] contributions = IntStream.range(0, 2 * n).map(k -> k + r).toArray();
            int[] block = new int[2];
            w.reduceScatterBlockBuffer(Buffer.of(contributions), Buffer.of(block), Op.SUM);
            int base = n * (n - 1) / 2;
            assertThat(block).containsExactly(2 * r * n + base, (2 * r + 1) * n + base);
            int[] counts = IntStream.range(0, n).map(i -> i + 1).toArray();
            int total = n * (n + 1) / 2;
            int[] mineOfAll = new int[r + 1];
            w.reduceScatterBuffer(Buffer.of(IntStream.range(0, total).map(k -> k * (r + 1)).toArray()), Buffer.of(mineOfAll), counts, Op.SUM);
            int start = r * (r + 1) / 2;
            assertThat(mineOfAll).containsExactly(IntStream.range(start, start + r + 1).map(k -> k * total).toArray());

            // MAXLOC / MINLOC on (value, index) pairs; ties go to the smaller index.
            Op.Loc<Integer> max = w.allreduce(new Op.Loc<>(r % 2, r), Op.MAXLOC);
            assertThat(max).isEqualTo(new Op.Loc<>(n > 1 ? 1 : 0, n > 1 ? 1 : 0));
            assertThat(w.allreduce(new Op.Loc<>(10.0 - r, r), Op.MINLOC)).isEqualTo(new Op.Loc<>(10.0 - (n - 1), n - 1));

            // REPLACE keeps the last rank's value, NO_OP the first's.
            assertThat(w.<Integer>allreduce(r, Op.REPLACE)).isEqualTo(n - 1);
            int[] kept = new int[1];
            w.allreduceBuffer(Buffer.of(new int[] {r + 5}), Buffer.of(kept), Op.NO_OP);
            assertThat(kept[0]).isEqualTo(5);

            // More element types: short, complex (SUM and PROD), booleans (LAND and LOR).
            short[] shorts = new short[2];
            w.allreduceBuffer(Buffer.of(new short[] {(short) r, 2}), Buffer.of(shorts), Op.SUM);
            assertThat(shorts).containsExactly((short) (n * (n - 1) / 2), (short) (2 * n));
            double[] z = new double[2];
            w.allreduceBuffer(Buffer.complex(new double[] {0, 1}), Buffer.complex(z), Op.PROD);  // i^n
            double[][] powersOfI = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
            assertThat(new double[] {z[0] + 0.0, z[1] + 0.0}).containsExactly(powersOfI[n % 4]);  // + 0.0 turns -0.0 into 0.0
            float[] zf = new float[2];
            w.allreduceBuffer(Buffer.complex(new float[] {r, -r}), Buffer.complex(zf), Op.SUM);
            assertThat(zf).containsExactly(n * (n - 1) / 2f, -n * (n - 1) / 2f);

            byte[] both = new byte[2];
            w.allreduceBuffer(Buffer.ofBooleans(new byte[] {1, (byte) (r == 0 ? 1 : 0)}), Buffer.ofBooleans(both), Op.LAND);
            assertThat(both).containsExactly(1, n == 1 ? 1 : 0);
            byte[] either = new byte[1];
            w.allreduceBuffer(Buffer.ofBooleans(new byte[] {(byte) (r == n - 1 ? 1 : 0)}), Buffer.ofBooleans(either), Op.LOR);
            assertThat(either).containsExactly(1);

            // dup and compare; split_type puts every rank of one machine together.
            try (Comm copy = w.dup()) {
                assertThat(w.compare(w)).isEqualTo(Mpi.IDENT);
                assertThat(w.compare(copy)).isEqualTo(Mpi.CONGRUENT);
                assertThat(copy).isNotEqualTo(w);
                assertThat(new Comm(w.channel())).isEqualTo(w);
                copy.send("on the copy", r, 13);
                assertThat(w.iprobe(r, 13)).as("messages of a duplicate never match the original's").isEmpty();
                assertThat(copy.<String>recv(r, 13)).isEqualTo("on the copy");
                Comm reversed = w.split(0, n - r);
                assertThat(w.compare(reversed)).isEqualTo(n > 1 ? Mpi.SIMILAR : Mpi.CONGRUENT);
                reversed.close();
            }
            Comm node = w.splitType(Mpi.COMM_TYPE_SHARED, r);
            assertThat(node.size()).isEqualTo(n);
            assertThat(node.rank()).isEqualTo(r);
            node.close();
            w.barrier();
            return null;
        });
    }

    /**
     * MAXLOC and MINLOC on buffers of (value, index) pairs, every pair type (MPI_DOUBLE_INT,
     * MPI_FLOAT_INT, MPI_LONG_INT, MPI_2INT, MPI_SHORT_INT), against MPI's definition: the
     * largest (smallest) value with its index, and of equal values the smaller index.
     */
    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("sizes")
    void maxlocAndMinlocOnPairBuffersFollowTheStandard(int n) throws Exception {
        ThreadWorld.run(n, w -> {
            int r = w.rank(), root = n - 1;
            for (hitchhiker.mpi.spi.ElementType type : List.of(hitchhiker.mpi.spi.ElementType.DOUBLE_INT,
                    hitchhiker.mpi.spi.ElementType.FLOAT_INT, hitchhiker.mpi.spi.ElementType.LONG_INT,
                    hitchhiker.mpi.spi.ElementType.INT_INT, hitchhiker.mpi.spi.ElementType.SHORT_INT)) {
                for (Op op : List.of(Op.MAXLOC, Op.MINLOC)) {
                    String what = op + " on " + type + " at " + n + " ranks";
                    Buffer mine = locs(type, pairValues(r), pairIndices(r, n));
                    Buffer all = Buffer.locs(type, PAIRS);
                    w.allreduceBuffer(mine, all, op);
                    assertLocs(all, expectedLocs(n, n, op == Op.MAXLOC), what + " (allreduce)");

                    Buffer atRoot = r == root ? Buffer.locs(type, PAIRS) : null;
                    w.reduceBuffer(mine, atRoot, op, root);
                    if (r == root) assertLocs(atRoot, expectedLocs(n, n, op == Op.MAXLOC), what + " (reduce)");

                    Buffer inPlace = locs(type, pairValues(r), pairIndices(r, n));
                    w.allreduceBuffer(Buffer.IN_PLACE, inPlace, op);
                    assertLocs(inPlace, expectedLocs(n, n, op == Op.MAXLOC), what + " (in place)");

                    Buffer prefix = Buffer.locs(type, PAIRS);
                    w.scanBuffer(mine, prefix, op);
                    assertLocs(prefix, expectedLocs(r + 1, n, op == Op.MAXLOC), what + " (scan)");
                }
            }
            // 64-bit values compare exactly, not as doubles: 2^62 + r differ where doubles would not.
            Buffer big = Buffer.locs(hitchhiker.mpi.spi.ElementType.LONG_INT, 1);
            w.allreduceBuffer(Buffer.ofLocs(new long[] {(1L << 62) + r}, new int[] {r}), big, Op.MAXLOC);
            assertThat(big.valueAt(0)).isEqualTo((1L << 62) + n - 1);
            assertThat(big.indexAt(0)).isEqualTo(n - 1);

            // MAXLOC needs pairs, and pairs need MAXLOC or MINLOC: every rank fails alike, before communicating.
            assertThatThrownBy(() -> w.allreduceBuffer(Buffer.of(new double[] {r}), Buffer.of(new double[1]), Op.MAXLOC))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
            assertThatThrownBy(() -> w.allreduceBuffer(Buffer.ofLocs(new int[] {r}, new int[] {r}),
                    Buffer.locs(hitchhiker.mpi.spi.ElementType.INT_INT, 1), Op.SUM))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAXLOC and MINLOC");
            w.barrier();
            return null;
        });
    }

    private static final int PAIRS = 4;

    /** Rank r's values: alternating 0/1, falling, all equal (ties everywhere), and a peak in the middle rank. */
    private static long[] pairValues(int r) {
        return new long[] {r % 2, 10 - r, 5, r == 1 ? 7 : -3};
    }

    /** Rank r's indices: its rank, except the third pair's, which run backwards (so ties are not won by rank order). */
    private static int[] pairIndices(int r, int n) {
        return new int[] {r, r, n - 1 - r, r + 100};
    }

    /** The serial definition: over ranks 0..upTo-1 of n, the larger (max) or smaller value, and of equal values the smaller index. */
    private static long[][] expectedLocs(int upTo, int n, boolean max) {
        long[][] best = new long[PAIRS][];
        for (int rank = 0; rank < upTo; rank++) {
            long[] v = pairValues(rank);
            int[] ix = pairIndices(rank, n);
            for (int k = 0; k < PAIRS; k++) {
                boolean better = best[k] == null || (max ? v[k] > best[k][0] : v[k] < best[k][0])
                        || (v[k] == best[k][0] && ix[k] < best[k][1]);
                if (better) best[k] = new long[] {v[k], ix[k]};
            }
        }
        return best;
    }

    private static Buffer locs(hitchhiker.mpi.spi.ElementType type, long[] v, int[] ix) {
        return switch (type) {
            case DOUBLE_INT -> Buffer.ofLocs(Arrays.stream(v).asDoubleStream().toArray(), ix);
            case FLOAT_INT -> {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) f[i] = v[i];
                yield Buffer.ofLocs(f, ix);
            }
            case LONG_INT -> Buffer.ofLocs(v, ix);
            case INT_INT -> Buffer.ofLocs(Arrays.stream(v).mapToInt(Math::toIntExact).toArray(), ix);
            default -> {
                short[] s = new short[v.length];
                for (int i = 0; i < v.length; i++) s[i] = (short) v[i];
                yield Buffer.ofLocs(s, ix);
            }
        };
    }

    private static void assertLocs(Buffer got, long[][] expected, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertThat(got.valueAt(k).longValue()).as(what + ", value " + k).isEqualTo(expected[k][0]);
            assertThat(got.indexAt(k)).as(what + ", index " + k).isEqualTo((int) expected[k][1]);
        }
    }

    /** n! for small n. */
    private static final class LongStreamFactorial {
        static long of(int n) {
            long f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }
    }
}
