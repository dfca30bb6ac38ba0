package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure rules, for real: workers killed, exiting and out of memory, and the parent killed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerFailureTest {

    @Test
    void killNineOfAWorkerFailsOnlyItsTaskAndThePoolCompletesTheRest() throws Exception {
        try (ProcessPool pool = new ProcessPool(2); SharedLong victimPid = new SharedLong(0)) {
            CompletableFuture<Integer> victim = pool.submit(x -> {
                victimPid.set(ProcessHandle.current().pid());
                Thread.sleep(60_000);
                return x;
            }, 0);
            long pid = Processes.awaitNonZero(victimPid, Duration.ofSeconds(10));
            List<CompletableFuture<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 20; i++) others.add(pool.submit(x -> x * 2, i));

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> victim.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WorkerDiedException.class)
                    .hasMessageContaining("(pid " + pid + ")")
                    .hasMessageContaining("exit status 137 (killed by SIGKILL)");
            for (int i = 1; i <= 20; i++) assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(2 * i);
            assertThat(pool.map(x -> x + 1, IntStream.range(0, 100).boxed().toList(), 1))
                    .isEqualTo(IntStream.range(1, 101).boxed().toList());
            assertThat(pool.pids()).hasSize(2).doesNotContain(pid);
        }
    }

    @Test
    void aTaskCallingSystemExitFailsWithTheExitStatusAndTheWorkerIsReplaced() throws Exception {
        try (ProcessPool pool = new ProcessPool(1)) {
            CompletableFuture<Integer> before = pool.submit(x -> x, 1);
            CompletableFuture<Integer> exits = pool.submit(x -> {
                System.exit(7);
                return x;
            }, 2);
            CompletableFuture<Integer> after = pool.submit(x -> x, 3);
            assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> exits.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(WorkerDiedException.class).hasMessageContaining("exit status 7")
                    .satisfies(e -> assertThat(((WorkerDiedException) e).exitStatus()).isEqualTo(7));
            assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    @Test
    void aWorkerOutOfMemoryReportsTheErrorAndIsReplaced() throws Exception {
        try (ProcessPool pool = ProcessPool.builder().workers(1).jvmOptions("-Xmx32m").start()) {
            long firstPid = pool.pids().getFirst();
            CompletableFuture<Integer> hog = pool.submit(n -> new long[n].length, 100_000_000);
            CompletableFuture<Integer> queued = pool.submit(x -> x + 1, 41);
            assertThatThrownBy(() -> hog.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(RemoteTaskException.class)
                    .cause().isInstanceOf(OutOfMemoryError.class);
            assertThat(queued.get(20, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(pool.pids()).doesNotContain(firstPid);
        }
    }

    @Test
    void aWorkerThatCannotStartFailsThePoolStartWithItsExitStatus() {
        assertThatThrownBy(() -> ProcessPool.builder().workers(2).jvmOptions("-XX:+NoSuchOptionForHhg").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with status 1 before it was ready");
    }

    @Test
    void aFailingInitializerBreaksThePoolWithItsException() {
        assertThatThrownBy(() -> ProcessPool.builder().workers(1).initializer(() -> {
            throw new IllegalStateException("no licence");
        }).start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initializer failed in worker 0").hasMessageContaining("no licence");
    }

    @Test
    void killNineOfTheParentMakesEveryWorkerExitWithinTwoSeconds() throws Exception {
        Process parent = Processes.startJvm(OrphanParent.class);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()));
            List<Long> workers = Arrays.stream(out.readLine().trim().split(" ")).map(Long::parseLong).toList();
            assertThat(workers).hasSize(2).allMatch(Processes::isRunning);

            parent.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to clean up
            parent.waitFor();

            Duration gone = Processes.awaitAllGone(workers, Duration.ofSeconds(2));
            assertThat(gone).as("workers %s still running 2 s after the parent was killed", workers).isNotNull();
        } finally {
            parent.destroyForcibly();
        }
    }
}
