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
    void theChildWaitsForNonDaemonThreadsItsTargetStarted() throws Exception {
        try (SharedLong done = new SharedLong(0)) {
            JvmProcess p = new JvmProcess(() -> {
                Thread worker = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                    done.set(42);
                });
                worker.start(); // non-daemon, as a plain thread is
            }).start();
            assertThat(p.join(Duration.ofSeconds(20))).isTrue();
            assertThat(p.exitCode()).hasValue(0);
            assertThat(done.get()).isEqualTo(42);
        }
    }

    @Test
    void terminateRunsTheChildsShutdownHooksAndKillDoesNot() throws Exception {
        try (SharedLong hookRan = new SharedLong(0); SharedLong started = new SharedLong(0)) {
            SerializableRunnable target = () -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> hookRan.addAndGet(1)));
                started.addAndGet(1);
                Thread.sleep(60_000);
            };
            JvmProcess terminated = new JvmProcess(target).start();
            Processes.awaitNonZero(started, Duration.ofSeconds(20));
            terminated.terminate();
            assertThat(terminated.join(Duration.ofSeconds(10))).isTrue();
            assertThat(terminated.exitCode()).hasValue(143);
            assertThat(hookRan.get()).isEqualTo(1);

            JvmProcess killed = new JvmProcess(target).start();
            while (started.get() < 2) Thread.sleep(5);
            killed.kill();
            assertThat(killed.join(Duration.ofSeconds(10))).isTrue();
            assertThat(killed.exitCode()).hasValue(137);
            assertThat(hookRan.get()).isEqualTo(1);
        }
    }

    @Test
    void nameDaemonActiveChildrenAndParentProcessAsInPython() throws Exception {
        assertThat(JvmProcess.parentProcess()).isEmpty(); // this JVM was not started by a JvmProcess
        try (SharedLong parentSeen = new SharedLong(0)) {
            JvmProcess p = new JvmProcess(() -> {
                parentSeen.set(JvmProcess.parentProcess().orElseThrow().pid());
                Thread.sleep(300);
            });
            assertThat(p.name()).matches("JvmProcess-\\d+");
            assertThat(new JvmProcess(() -> { }).name()).isNotEqualTo(p.name());
            assertThat(p.daemon()).isFalse();
            p.name("summer").daemon(true).start();
            assertThat(p.name()).isEqualTo("summer");
            assertThat(p.toString()).contains("summer", "pid " + p.pid(), "daemon");
            assertThatThrownBy(() -> p.daemon(false)).isInstanceOf(IllegalStateException.class);
            assertThat(JvmProcess.activeChildren()).contains(p);
            p.join();
            assertThat(JvmProcess.activeChildren()).doesNotContain(p);
            assertThat(p.isAlive()).isFalse();
            assertThat(parentSeen.get()).isEqualTo(ProcessHandle.current().pid());
        }
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
