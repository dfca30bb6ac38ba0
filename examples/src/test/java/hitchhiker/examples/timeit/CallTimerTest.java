package hitchhiker.examples.timeit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTimerTest {

    @Test
    void timesEveryCallAndKeepsTheFirstApart() throws Exception {
        long[] now = {0};
        long[] costs = {50, 10, 30, 20};
        int[] k = {0};
        CallTimer<Integer> timer = CallTimer.of(() -> {
            now[0] += costs[k[0]] * 1_000_000L;
            return k[0]++;
        }, () -> now[0]);
        for (int i = 0; i < 4; i++) assertThat(timer.call()).isEqualTo(i);
        Timing t = timer.timing();
        assertThat(timer.calls()).isEqualTo(4);
        assertThat(t.firstCallSeconds()).isEqualTo(0.05);
        assertThat(t.perCallSeconds()).containsExactly(0.01, 0.03, 0.02);
        assertThat(t.best()).isEqualTo(0.01);
        assertThat(t.median()).isEqualTo(0.02);
        assertThat(t.loops()).isEqualTo(1);
    }

    @Test
    void needsAFirstCallAndOneMore() throws Exception {
        CallTimer<String> timer = CallTimer.of(() -> "x");
        timer.call();
        assertThatThrownBy(timer::timing).isInstanceOf(IllegalStateException.class).hasMessageContaining("got 1");
    }

    @Test
    void aFailedCallIsNotCounted() {
        CallTimer<String> timer = CallTimer.of(() -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(timer::call).hasMessage("boom");
        assertThat(timer.calls()).isZero();
    }
}
