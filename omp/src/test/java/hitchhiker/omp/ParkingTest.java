package hitchhiker.omp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the passive wait policy every wait ends in park/unpark, so a lost wake-up would hang here
 * (the timeout turns a hang into a failure).
 */
@Timeout(60)
class ParkingTest {

    private final WaitPolicy before = Omp.waitPolicy();

    @AfterEach
    void restore() {
        Omp.setWaitPolicy(before);
    }

    @Test
    void passiveThreadsParkAndAreAlwaysWoken() throws InterruptedException {
        Omp.setWaitPolicy(WaitPolicy.PASSIVE);
        for (int threads = 2; threads <= 4; threads++) {
            int n = threads;
            AtomicInteger singles = new AtomicInteger();
            for (int region = 0; region < 200; region++) {
                AtomicIntegerArray seen = new AtomicIntegerArray(100);
                long[] sums = new long[n];
                Omp.parallel(n).run(t -> {
                    t.barrier();
                    t.loop(0, 100, Schedule.dynamic(3), i -> seen.incrementAndGet(i));
                    t.single(singles::incrementAndGet);
                    sums[t.threadNum()] = t.reduce(0, 100, Schedule.GUIDED, LongReducer.SUM, (int i) -> i);
                });
                for (int i = 0; i < 100; i++) assertThat(seen.get(i)).isEqualTo(1);
                assertThat(sums).containsOnly(4950L);
                if (region % 50 == 0) Thread.sleep(2);   // let the team go idle and park between regions
            }
            assertThat(singles.get()).isEqualTo(200);
        }
    }

    @Test
    void aFailureWakesParkedThreads() throws InterruptedException {
        Omp.setWaitPolicy(WaitPolicy.PASSIVE);
        assertThatThrownBy(() -> Omp.parallel(3).run(t -> {
            if (t.threadNum() == 2) {
                sleep(20);   // the others are parked at the barrier by now
                throw new IllegalStateException("late failure");
            }
            t.barrier();
        })).hasMessage("late failure");
        assertThat(Omp.parallel(3).reduce(0, 10, Schedule.STATIC, IntReducer.SUM, (int i) -> i)).isEqualTo(45);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
