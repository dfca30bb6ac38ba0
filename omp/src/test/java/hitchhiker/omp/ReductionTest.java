package hitchhiker.omp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.function.IntBinaryOperator;

import static hitchhiker.omp.LoopCoverageTest.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Reductions give the serial loop's result: exactly for int and long, within rounding for double sums. */
class ReductionTest {

    @Provide
    Arbitrary<Schedule> schedules() {
        return new LoopCoverageTest().schedules();
    }

    @Provide
    Arbitrary<IntReducer> intReducers() {
        return Arbitraries.of(IntReducer.SUM, IntReducer.PRODUCT, IntReducer.MIN, IntReducer.MAX,
                IntReducer.of(0, (a, b) -> a ^ b), IntReducer.of(-1, (a, b) -> a & b));
    }

    @Provide
    Arbitrary<LongReducer> longReducers() {
        return Arbitraries.of(LongReducer.SUM, LongReducer.PRODUCT, LongReducer.MIN, LongReducer.MAX,
                LongReducer.of(0, (a, b) -> a | b));
    }

    @Property(tries = 400)
    void intReductionsEqualSerial(@ForAll @Size(max = 2000) List<Integer> values, @ForAll("intReducers") IntReducer r,
                                  @ForAll("schedules") Schedule s, @ForAll @IntRange(min = 1, max = 5) int threads,
                                  @ForAll boolean chunked, @ForAll boolean inRegion) {
        int[] a = values.stream().mapToInt(Integer::intValue).toArray();
        int serial = r.identity();
        for (int v : a) serial = r.combine(serial, v);
        int[] got = new int[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            if (inRegion) {
                int[] perThread = new int[threads];
                Omp.parallel(threads).run(t -> perThread[t.threadNum()] = chunked
                        ? t.reduce(0, a.length, s, r, (int lo, int hi) -> fold(a, lo, hi, r.identity(), r.op()))
                        : t.reduce(0, a.length, s, r, (int i) -> a[i]));
                for (int i = 1; i < threads; i++) assertThat(perThread[i]).as("every thread's result").isEqualTo(perThread[0]);
                got[0] = perThread[0];
            } else {
                got[0] = chunked
                        ? Omp.parallel(threads).reduce(0, a.length, s, r, (int lo, int hi) -> fold(a, lo, hi, r.identity(), r.op()))
                        : Omp.parallel(threads).reduce(0, a.length, s, r, (int i) -> a[i]);
            }
        });
        assertThat(got[0]).isEqualTo(serial);
    }

    @Property(tries = 400)
    void longReductionsOverLongRangesEqualSerial(@ForAll("longReducers") LongReducer r, @ForAll("schedules") Schedule s,
                                                 @ForAll @IntRange(min = 1, max = 5) int threads,
                                                 @ForAll @IntRange(max = 3000) int count, @ForAll boolean nearTop,
                                                 @ForAll boolean inRegion) {
        long lo = nearTop ? Long.MAX_VALUE - count : -count / 2;
        long hi = lo + count;
        long serial = r.identity();
        for (long i = lo; i < hi; i++) serial = r.combine(serial, i * 0x9E3779B97F4A7C15L);
        long[] got = new long[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            if (inRegion) {
                Omp.parallel(threads).run(t -> {
                    long v = t.reduceLong(lo, hi, s, r, (long i) -> i * 0x9E3779B97F4A7C15L);
                    if (t.isMaster()) got[0] = v;
                });
            } else {
                got[0] = Omp.parallel(threads).reduceLong(lo, hi, s, r, (long i) -> i * 0x9E3779B97F4A7C15L);
            }
        });
        assertThat(got[0]).isEqualTo(serial);
    }

    @Property(tries = 60)
    void doubleReductionsEqualSerial(@ForAll @Size(max = 2000) List<@net.jqwik.api.constraints.DoubleRange(min = -1e6, max = 1e6) Double> values,
                                     @ForAll("schedules") Schedule s, @ForAll @IntRange(min = 1, max = 5) int threads) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Parallel p = Omp.parallel(threads);
        double[] got = new double[3];
        assertTimeoutPreemptively(LIMIT, () -> {
            got[0] = p.reduce(0, a.length, s, DoubleReducer.SUM, (int i) -> a[i]);
            got[1] = p.reduce(0, a.length, s, DoubleReducer.MIN, (int lo, int hi) -> {
                double m = Double.POSITIVE_INFINITY;
                for (int i = lo; i < hi; i++) m = Math.min(m, a[i]);
                return m;
            });
            got[2] = p.reduceLong(0, a.length, s, DoubleReducer.MAX, (long i) -> a[(int) i]);
        });
        assertThat(got[0]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6 * (1 + a.length)));
        assertThat(got[1]).isEqualTo(min);
        assertThat(got[2]).isEqualTo(max);
    }

    @Property(tries = 40)
    void nonCommutativeOperatorsCombineInIterationOrderUnderStatic(@ForAll @IntRange(max = 500) int count,
                                                                   @ForAll @IntRange(min = 1, max = 5) int threads) {
        // "keep the left operand" is associative but not commutative: the result is the first iteration's value
        LongReducer first = LongReducer.of(Long.MIN_VALUE, (a, b) -> a == Long.MIN_VALUE ? b : a);
        long got = Omp.parallel(threads).reduce(0, count, Schedule.STATIC, first, (int i) -> 1000L + i);
        assertThat(got).isEqualTo(count == 0 ? Long.MIN_VALUE : 1000L);
    }

    private static int fold(int[] a, int lo, int hi, int identity, IntBinaryOperator op) {
        int acc = identity;
        for (int i = lo; i < hi; i++) acc = op.applyAsInt(acc, a[i]);
        return acc;
    }
}
