package hitchhiker.mpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every collective against its serial definition, for 1 to 5 ranks and several roots. */
@Timeout(120)
class CollectivesTest {

    static Stream<Arguments> sizesAndRoots() {
        return IntStream.rangeClosed(1, 5).boxed()
                .flatMap(n -> IntStream.of(0, n / 2, n - 1).distinct().mapToObj(root -> Arguments.of(n, root)));
    }

    @ParameterizedTest(name = "{0} ranks, root {1}")
    @MethodSource("sizesAndRoots")
    void objectCollectivesMatchTheirSerialDefinitions(int n, int root) throws Exception {
        List<Integer> ranks = IntStream.range(0, n).boxed().toList();
        ThreadWorld.run(n, w -> {
            int r = w.rank();
            boolean isRoot = r == root;
            assertThat(w.bcast(isRoot ? "from " + root : null, root)).isEqualTo("from " + root);
            List<String> parts = ranks.stream().map(i -> "part" + i).toList();
            assertThat(w.<String>scatter(isRoot ? parts : null, root)).isEqualTo("part" + r);
            List<Integer> gathered = w.gather(r * 10, root);
            assertThat(gathered).isEqualTo(isRoot ? ranks.stream().map(i -> i * 10).toList() : null);
            assertThat(w.allgather(r)).isEqualTo(ranks);

            assertEqualAtRoot(w.reduce(r + 1, Op.SUM, root), n * (n + 1) / 2, isRoot);
            assertEqualAtRoot(w.reduce((long) r + 1, Op.PROD, root), LongStream.rangeClosed(1, n).reduce(1, (a, b) -> a * b), isRoot);
            assertEqualAtRoot(w.reduce(7 - r, Op.MIN, root), 7 - (n - 1), isRoot);
            assertEqualAtRoot(w.reduce(r * 1.5, Op.MAX, root), (n - 1) * 1.5, isRoot);
            assertEqualAtRoot(w.reduce(r != 1, Op.LAND, root), n < 2, isRoot);
            assertEqualAtRoot(w.reduce(r == n - 1, Op.LOR, root), true, isRoot);
            Op concat = Op.of("concat", (String a, String b) -> a + b, false);
            String order = ranks.stream().map(String::valueOf).reduce("", String::concat);
            assertEqualAtRoot(w.reduce(String.valueOf(r), concat, root), order, isRoot);
            assertThat(w.allreduce(String.valueOf(r), concat)).isEqualTo(order);
            assertThat(w.allreduce(new int[] {r, 1}, Op.SUM)).containsExactly(n * (n - 1) / 2, n);
            w.barrier();
            return null;
        });
    }

    @ParameterizedTest(name = "{0} ranks, root {1}")
    @MethodSource("sizesAndRoots")
    void bufferCollectivesMatchTheirSerialDefinitions(int n, int root) throws Exception {
        ThreadWorld.run(n, w -> {
            int r = w.rank();
            boolean isRoot = r == root;

            double[] data = new double[7];
            if (isRoot) Arrays.setAll(data, i -> i + 0.5);
            w.bcastBuffer(Buffer.of(data), root);
            assertThat(data).containsExactly(IntStream.range(0, 7).mapToDouble(i -> i + 0.5).toArray());

            int[] all = isRoot ? IntStream.range(0, 3 * n).toArray() : null;
            int[] mine = new int[3];
            w.scatterBuffer(isRoot ? Buffer.of(all) : null, Buffer.of(mine), root);
            assertThat(mine).containsExactly(3 * r, 3 * r + 1, 3 * r + 2);

            long[] gathered = new long[2 * n];
            w.gatherBuffer(Buffer.of(new long[] {r, -r}), isRoot ? Buffer.of(gathered) : null, root);
            if (isRoot) {
                assertThat(gathered).containsExactly(IntStream.range(0, n).boxed()
                        .flatMapToLong(i -> LongStream.of(i, -i)).toArray());
            }

            int[] squares = new int[n];
            w.allgatherBuffer(Buffer.of(new int[] {r * r}), Buffer.of(squares));
            assertThat(squares).containsExactly(IntStream.range(0, n).map(i -> i * i).toArray());

            double[] sum = new double[3];
            w.reduceBuffer(Buffer.of(new double[] {r, 2.0 * r, 1}), isRoot ? Buffer.of(sum) : null, Op.SUM, root);
            double s = n * (n - 1) / 2.0;
            if (isRoot) assertThat(sum).containsExactly(s, 2 * s, n);

            int[] ints = new int[4];
            for (Op op : List.of(Op.PROD, Op.MIN, Op.MAX, Op.LAND, Op.LOR)) {
                w.reduceBuffer(Buffer.of(new int[] {r + 1, 10 - r, r % 2, r == 0 ? 1 : 0}), Buffer.of(ints), op, root);
                if (isRoot) assertThat(ints).containsExactly(serialInts(op, n));
            }

            double[] first = new double[1];
            Op keepFirst = Op.ofDoubles("first", (a, b) -> a, false);
            w.allreduceBuffer(Buffer.of(new double[] {r + 100}), Buffer.of(first), keepFirst);
            assertThat(first[0]).isEqualTo(100.0);

            long[] max = new long[2];
            w.allreduceBuffer(Buffer.of(new long[] {r, -r}), Buffer.of(max), Op.MAX);
            assertThat(max).containsExactly(n - 1, 0);
            return null;
        });
    }

    // The serial definition: fold rank 0's vector with rank 1's, 2's, ... in order.
    private static int[] serialInts(Op op, int n) {
        int[] acc = null;
        for (int r = 0; r < n; r++) {
            int[] v = {r + 1, 10 - r, r % 2, r == 0 ? 1 : 0};
            if (acc == null) {
                acc = v;
            } else {
                acc = (int[]) op.apply(acc, v);
            }
        }
        return acc;
    }

    private static void assertEqualAtRoot(Object got, Object expected, boolean isRoot) {
        if (isRoot) assertThat(got).isEqualTo(expected);
        else assertThat(got).isNull();
    }

    @Test
    void splitGroupsByColourAndOrdersByKey() throws Exception {
        List<List<Object>> got = ThreadWorld.run(5, w -> {
            int r = w.rank();
            Comm sub = w.split(r == 4 ? Mpi.UNDEFINED : r % 2, -r);
            if (sub == null) return List.of("none");
            // Traffic in the new communicator never matches the old one's.
            w.isend("old", r, 0);
            List<Integer> members = sub.allgather(r);
            Object mine = w.recv(r, 0);
            Comm again = sub.split(0, r);
            return List.of(sub.rank(), sub.size(), members, again.allreduce(1, Op.SUM), mine);
        });
        assertThat(got.get(0)).isEqualTo(List.of(1, 2, List.of(2, 0), 2, "old"));
        assertThat(got.get(2)).isEqualTo(List.of(0, 2, List.of(2, 0), 2, "old"));
        assertThat(got.get(1)).isEqualTo(List.of(1, 2, List.of(3, 1), 2, "old"));
        assertThat(got.get(3)).isEqualTo(List.of(0, 2, List.of(3, 1), 2, "old"));
        assertThat(got.get(4)).isEqualTo(List.of("none"));
    }

    @Test
    void barrierHoldsEveryRankUntilTheLastArrives() throws Exception {
        AtomicLong lastArrival = new AtomicLong();
        List<Long> left = ThreadWorld.run(4, w -> {
            if (w.rank() == 2) Thread.sleep(200);
            lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
            w.barrier();
            return System.nanoTime();
        });
        assertThat(left).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(lastArrival.get()));
    }

    @Test
    void mismatchedBufferSizesAreIllegalArguments() throws Exception {
        ThreadWorld.run(2, w -> {
            assertThatThrownBy(() -> w.gatherBuffer(Buffer.of(new int[3]), Buffer.of(new int[5]), w.rank()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
            assertThatThrownBy(() -> w.split(-5, 0)).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
    }
}
