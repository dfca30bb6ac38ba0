package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmProcessTest {

    @Test
    void runsTheTargetInAChildJvmOfOursAndExitsZero() throws Exception {
        try (SharedLong childPid = new SharedLong(0); SharedLong childsParent = new SharedLong(0)) {
            JvmProcess p = new JvmProcess(() -> {
                childPid.set(ProcessHandle.current().pid());
                childsParent.set(ProcessHandle.current().parent().orElseThrow().pid());
            }).start();
            assertThat(p.join(Duration.ofSeconds(20))).isTrue();
            assertThat(p.exitCode()).hasValue(0);
            assertThat(childPid.get()).isEqualTo(p.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(childsParent.get()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void exitCodeIsOneWhenTheTargetThrowsAndWhatItPassedToSystemExit() throws Exception {
        JvmProcess throwing = new JvmProcess(() -> {
            throw new IllegalStateException("deliberate");
        }).output(new PrintStream(new ByteArrayOutputStream())).start();
        JvmProcess exiting = new JvmProcess(() -> System.exit(7)).start();
        throwing.join();
        exiting.join();
        assertThat(throwing.exitCode()).hasValue(1);
        assertThat(exiting.exitCode()).hasValue(7);
    }

    @Test
    void theChildsOutputGoesWhereWeSay() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JvmProcess p = new JvmProcess(() -> System.out.println("hello from the child"))
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).start();
        p.join();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("hello from the child" + System.lineSeparator());
    }

    @Test
    void joinWithATimeoutReturnsFalseWhileItRunsAndKillEndsIt() throws Exception {
        JvmProcess p = new JvmProcess(() -> Thread.sleep(60_000)).start();
        assertThat(p.join(Duration.ofMillis(100))).isFalse();
        assertThat(p.isAlive()).isTrue();
        assertThat(p.exitCode()).isEmpty();
        p.kill();
        assertThat(p.join(Duration.ofSeconds(10))).isTrue();
        assertThat(p.exitCode()).hasValue(137);
    }

    @Test
    void misuseGetsOneLineMessages() {
        assertThatThrownBy(() -> new JvmProcess(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the process target is null");
        JvmProcess p = new JvmProcess(() -> { });
        assertThatThrownBy(p::pid).isInstanceOf(IllegalStateException.class).hasMessage("the process has not been started");
        Object notSerializable = new Object();
        assertThatThrownBy(() -> new JvmProcess(() -> notSerializable.hashCode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
