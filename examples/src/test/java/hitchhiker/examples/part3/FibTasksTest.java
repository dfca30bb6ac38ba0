package hitchhiker.examples.part3;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** part3.fib with method=tasks: the recursion by tasks equals the serial recursion and the loop. */
@Timeout(60)
class FibTasksTest {

    @TempDir
    Path out;

    private ExampleRun run(int threads, Map<String, Object> overrides) {
        Settings s = Settings.defaults(Fib.EXAMPLE, true, threads, 1,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), out).with(overrides);
        return new Harness(1, 1).run(Fib.EXAMPLE, s);
    }

    @Test
    void tasksWithACutOffGiveTheSerialValue() {
        for (long cutoff : new long[] {2, 10, 25}) {
            ExampleRun r = run(2, Map.of("method", "tasks", "n", 24L, "cutoff", cutoff));
            assertThat(r.check().passed()).as(r.check().detail()).isTrue();
            assertThat(r.result()).isEqualTo(46368L);
            assertThat(r.variants()).extracting(v -> v.name()).containsExactly("recursive", "tasks, cut-off " + cutoff);
        }
    }

    @Test
    void theTaskCountIsOnePerCallAtOrAboveTheCutOff() {
        assertThat(Fib.tasksCreated(10, 11)).isZero();
        assertThat(Fib.tasksCreated(5, 5)).isEqualTo(1);
        assertThat(Fib.tasksCreated(6, 5)).isEqualTo(2);
        // with cut-off 2 every call with n >= 2 is a task: fib(n+1) - 1 of them
        assertThat(Fib.tasksCreated(20, 2)).isEqualTo(Fib.fib(21) - 1);
    }

    @Test
    void theRecursionRefusesAnNItCannotFinish() {
        Settings s = Settings.defaults(Fib.EXAMPLE, true, 2, 1,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), out).with(Map.of("method", "tasks"));
        assertThatThrownBy(() -> Fib.EXAMPLE.prepare(s))
                .isInstanceOf(BadInputException.class).hasMessageContaining("n=90 is too large for method=tasks");
    }
}
