package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMemoryTest {

    @Test
    void aChildProcessSeesAndChangesOurValueAndArray() throws Exception {
        try (SharedDouble num = new SharedDouble(0.0); SharedIntArray arr = SharedIntArray.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)) {
            JvmProcess p = new JvmProcess(() -> {
                num.set(3.1415927);
                for (int i = 0; i < arr.length(); i++) arr.set(i, -arr.get(i));
            }).start();
            p.join();
            assertThat(p.exitCode()).hasValue(0);
            assertThat(num.get()).isEqualTo(3.1415927);
            assertThat(arr.toArray()).containsExactly(0, -1, -2, -3, -4, -5, -6, -7, -8, -9);
        }
    }

    @Test
    void atomicUpdatesFromSeveralWorkersAddUpExactly() {
        try (ProcessPool pool = new ProcessPool(2);
             SharedLong count = new SharedLong(0);
             SharedInt ints = new SharedInt(0);
             SharedDouble sum = new SharedDouble(0);
             SharedLongArray longs = new SharedLongArray(2);
             SharedDoubleArray doubles = new SharedDoubleArray(2)) {
            pool.map(x -> {
                for (int i = 0; i < 20_000; i++) {
                    count.addAndGet(1);
                    ints.addAndGet(1);
                    sum.addAndGet(0.5);
                    longs.addAndGet(1, 2);
                    doubles.addAndGet(0, 0.25);
                }
                return x;
            }, List.of(1, 2, 3, 4), 1);
            assertThat(count.get()).isEqualTo(80_000);
            assertThat(ints.get()).isEqualTo(80_000);
            assertThat(sum.get()).isEqualTo(40_000.0);
            assertThat(longs.toArray()).containsExactly(0, 160_000);
            assertThat(doubles.toArray()).containsExactly(20_000.0, 0.0);
        }
    }

    @Test
    void compareAndSetAndBoundsAndUseAfterClose() {
        SharedLongArray a = SharedLongArray.of(5, 6);
        assertThat(a.compareAndSet(0, 5, 7)).isTrue();
        assertThat(a.compareAndSet(0, 5, 8)).isFalse();
        assertThat(a.get(0)).isEqualTo(7);
        assertThatThrownBy(() -> a.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        a.close();
        assertThatThrownBy(() -> a.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SharedIntArray(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
