package hitchhiker.omp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The package documentation's examples compile as written (implicit lambdas) and do what they say. */
@Timeout(20)
class ReadmeExamplesTest {

    @Test
    void thePackageExamplesWork() {
        int n = 1000;
        double[] x = new double[n];
        AtomicLong rowsDone = new AtomicLong();
        Omp.parallel().loop(0, n, Schedule.dynamic(1), (lo, hi) -> {
            for (int i = lo; i < hi; i++) x[i] = i;
            rowsDone.addAndGet(hi - lo);
        });
        assertThat(rowsDone.get()).isEqualTo(n);
        assertThat(Omp.parallel().reduce(0, 30, Schedule.STATIC, LongReducer.SUM, i -> i)).isEqualTo(435);

        List<Double> log = new ArrayList<>();
        Omp.parallel(3).run(t -> {
            t.loopNowait(0, n, Schedule.GUIDED, (lo, hi) -> { });
            t.barrier();
            double total = t.reduce(0, n, Schedule.STATIC, DoubleReducer.SUM, i -> x[i]);
            t.critical("log", () -> log.add(total));
        });
        assertThat(log).hasSize(3).containsOnly(499_500.0);
    }
}
