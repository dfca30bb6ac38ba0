package hitchhiker.omp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An exception in a region reaches the caller; no thread is left waiting; the team is reusable. */
@Timeout(30)
class FailureTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void oneThreadThrowingReleasesTheOthersFromBarriers(int thrower) {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Omp.parallel(3).run(t -> {
            if (t.threadNum() == thrower) throw boom;
            for (int i = 0; i < 1000; i++) t.barrier();
        })).isSameAs(boom);
        assertTeamStillWorks(3);
    }

    @Test
    void aThrowInsideADynamicLoopStopsTheLoopAndPropagates() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> Omp.parallel(2).loop(0, 1_000_000, Schedule.dynamic(1), i -> {
            ran.incrementAndGet();
            if (i == 10) throw new ArithmeticException("at 10");
        })).isInstanceOf(ArithmeticException.class).hasMessage("at 10");
        assertThat(ran.get()).isLessThan(1_000_000);
        assertTeamStillWorks(2);
    }

    @Test
    void theFirstFailureWinsAndTheOthersAreSuppressed() {
        Throwable thrown = null;
        try {
            Omp.parallel(4).run(t -> {
                t.barrier();
                throw new IllegalArgumentException("thread " + t.threadNum());
            });
        } catch (IllegalArgumentException e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull();
        assertThat(thrown.getSuppressed()).hasSize(3).allMatch(s -> s instanceof IllegalArgumentException);
        assertTeamStillWorks(4);
    }

    @Test
    void errorsAndFailuresInSlotsAndReductionsPropagate() {
        assertThatThrownBy(() -> Omp.parallel(2).run(t -> {
            t.single(() -> {
                throw new StackOverflowError("deep");
            });
            t.reduce(0, 100, Schedule.GUIDED, IntReducer.SUM, (int i) -> i);
        })).isInstanceOf(StackOverflowError.class);
        assertThatThrownBy(() -> Omp.parallel(2).reduce(0, 100, Schedule.STATIC, LongReducer.SUM, (int i) -> 10 / (i - 75)))
                .isInstanceOf(ArithmeticException.class);
        assertTeamStillWorks(2);
    }

    @Test
    void badArgumentsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> Omp.parallel(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> Omp.parallel(1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Omp.setSchedule(Schedule.RUNTIME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.dynamic(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertTeamStillWorks(int threads) {
        for (Schedule s : new Schedule[] {Schedule.STATIC, Schedule.DYNAMIC, Schedule.guided(3)}) {
            long sum = Omp.parallel(threads).reduce(0, 1000, s, LongReducer.SUM, (int i) -> i);
            assertThat(sum).isEqualTo(499_500);
            AtomicInteger singles = new AtomicInteger();
            Omp.parallel(threads).run(t -> {
                t.barrier();
                t.single(singles::incrementAndGet);
                t.loop(0, 100, s, i -> { });
            });
            assertThat(singles.get()).isEqualTo(1);
        }
    }
}
