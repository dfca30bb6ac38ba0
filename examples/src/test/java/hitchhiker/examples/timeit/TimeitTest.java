package hitchhiker.examples.timeit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The helper's choices and statistics, on a fake clock that each call of the timed code advances. */
class TimeitTest {

    /** A clock in nanoseconds that only moves when the timed code says so. */
    private static final class FakeClock {
        long now;
        long calls;

        /** A body whose k-th call (from 0) costs {@code cost(k)} nanoseconds. */
        Runnable body(java.util.function.LongUnaryOperator cost) {
            return () -> now += cost.applyAsLong(calls++);
        }
    }

    @Test
    void firstCallIsTimedAloneAndKeptApart() {
        FakeClock clock = new FakeClock();
        Timing t = Timeit.standard().clock(() -> clock.now).loops(1).repeats(3)
                .measure(clock.body(k -> k == 0 ? 900_000_000L : 1_000_000L));
        assertThat(t.firstCallSeconds()).isCloseTo(0.9, within(1e-12));
        assertThat(t.perCallSeconds()).containsExactly(0.001, 0.001, 0.001);
        assertThat(clock.calls).isEqualTo(4); // first call + 3 repeats, no calibration with fixed loops
    }

    @Test
    void loopCountGrowsOneTwoFiveUntilABatchLastsLongEnough() {
        FakeClock clock = new FakeClock();
        // 1 ms per call: batches of 1, 2, 5, 10, 20, 50, 100, 200 calls; 200 ms is the first >= 0.2 s.
        Timing t = Timeit.standard().clock(() -> clock.now).repeats(7)
                .measure(clock.body(k -> 1_000_000L));
        assertThat(t.loops()).isEqualTo(200);
        assertThat(t.repeats()).isEqualTo(7);
        assertThat(t.best()).isCloseTo(0.001, within(1e-12));
        int calibration = 1 + 2 + 5 + 10 + 20 + 50 + 100 + 200;
        assertThat(clock.calls).isEqualTo(1 + calibration + 7 * 200);
    }

    @Test
    void slowCodeGetsOneCallPerRepeat() {
        FakeClock clock = new FakeClock();
        Timing t = Timeit.standard().clock(() -> clock.now).repeats(2).measure(clock.body(k -> 300_000_000L));
        assertThat(t.loops()).isEqualTo(1);
        assertThat(t.perCallSeconds()).containsExactly(0.3, 0.3);
    }

    @Test
    void eachRepeatIsItsBatchDividedByItsCalls() {
        FakeClock clock = new FakeClock();
        // The first call, then 3 repeats of 4 calls: 5 ms, 12 ms and 4 ms per repeat.
        long[] perCall = {99, 1, 1, 1, 2, 3, 3, 3, 3, 1, 1, 1, 1};
        Timing t = Timeit.standard().clock(() -> clock.now).loops(4).repeats(3)
                .measure(clock.body(k -> perCall[(int) k] * 1_000_000L));
        assertThat(t.firstCallSeconds()).isCloseTo(0.099, within(1e-12));
        assertThat(t.perCallSeconds()).containsExactly(0.00125, 0.003, 0.001);
        assertThat(t.median()).isEqualTo(0.00125);
        assertThat(t.best()).isEqualTo(0.001);
    }

    @Property(tries = 50)
    void constantCostCodeMeasuresItsCostWhateverTheLoopCount(@ForAll @LongRange(min = 10_000, max = 50_000_000) long nanos,
                                                           @ForAll @IntRange(min = 1, max = 9) int repeats) {
        FakeClock clock = new FakeClock();
        Timing t = Timeit.standard().clock(() -> clock.now).repeats(repeats).minRepeatSeconds(0.05)
                .measure(clock.body(k -> nanos));
        assertThat(t.best()).isCloseTo(nanos / 1e9, within(1e-12));
        assertThat(t.median()).isCloseTo(nanos / 1e9, within(1e-12));
        // The loop count is the first of 1, 2, 5, 10, ... whose batch lasts 50 ms or more.
        assertThat(t.loops() * nanos).isGreaterThanOrEqualTo(50_000_000L);
        for (long candidate : oneTwoFive(t.loops())) assertThat(candidate * nanos).isLessThan(50_000_000L);
    }

    /** 1, 2, 5, 10, 20, 50, ... below {@code limit}. */
    private static List<Long> oneTwoFive(long limit) {
        List<Long> values = new ArrayList<>();
        for (long decade = 1; decade < limit; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) if (m * decade < limit) values.add(m * decade);
        }
        return values;
    }

    @Test
    void anExceptionFromTheTimedCodeEndsTheMeasurement() {
        assertThatThrownBy(() -> Timeit.standard().measure(() -> {
            throw new java.io.IOException("disk gone");
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk gone");
    }

    @Test
    void measuresRealCodeOnTheRealClock() throws Exception {
        Timing t = Timeit.standard().repeats(3).minRepeatSeconds(0.001).measure(() -> Math.sqrt(2));
        assertThat(t.loops()).isGreaterThan(1);
        assertThat(t.best()).isPositive().isLessThanOrEqualTo(t.median());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> Timeit.standard().repeats(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeit.standard().loops(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeit.standard().minRepeatSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
