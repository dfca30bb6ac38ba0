package hitchhiker.mpi.ffm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native backend under a real {@code mpirun}: every scenario of {@link NativeScenarios} on 3
 * ranks (an odd count, so trees are uneven) in one job, spawn, and a failing rank.
 */
@Timeout(120)
class NativeBackendTest {

    @Test
    void everyScenarioPassesOnEveryRank() throws Exception {
        // maxPlainCount=1000 sends every message over 1000 bytes as a derived type, as if it were over 2 GiB.
        OpenMpiTests.requireOpenMpi();
        var job = Mpirun.run(3, List.of(), OpenMpiTests.java(List.of("-Dhhg.mpi.ffm.maxPlainCount=1000"),
                NativeScenarios.class.getName(), List.of("all")), Duration.ofSeconds(90));
        assertThat(job.exitCode()).as(job.output()).isZero();
        for (String scenario : NativeScenarios.scenarios().keySet()) {
            for (int rank = 0; rank < 3; rank++) assertThat(job.output()).as(scenario).contains("rank " + rank + " ok " + scenario);
        }
    }

    @Test
    void spawnedChildrenGetNOverTheIntercommunicatorAndReduceToPi() throws Exception {
        OpenMpiTests.requireOpenMpi();
        var job = Mpirun.run(2, List.of(), OpenMpiTests.java(List.of(), NativeSpawnScenario.class.getName(),
                List.of("3")), Duration.ofSeconds(90));
        assertThat(job.exitCode()).as(job.output()).isZero();
        assertThat(job.lines("child ")).containsExactlyInAnyOrder("child 0 of 3", "child 1 of 3", "child 2 of 3");
        assertThat(job.output()).contains("parent 0 pi 3.14160", "parent 0 disconnected", "parent 1 disconnected");
    }

    @Test
    void aPoolOfSpawnedWorkersServesItsClient() throws Exception {
        OpenMpiTests.requireOpenMpi();
        var job = Mpirun.run(1, List.of(), OpenMpiTests.java(List.of(), "hitchhiker.mpi.RankMain",
                List.of(hitchhiker.mpi.futures.MpiPoolExecutorTest.SpawningClient.class.getName())), Duration.ofSeconds(90));
        assertThat(job.exitCode()).as(job.output()).isZero();
        assertThat(job.output()).contains("spawned pool ok on the native backend");
    }

    @Test
    void aRankThatThrowsEndsTheWholeJobInsteadOfHangingItsPeers() throws Exception {
        OpenMpiTests.requireOpenMpi();
        var job = Mpirun.run(3, List.of(), OpenMpiTests.java(List.of(), NativeScenarios.class.getName(),
                List.of("crash")), Duration.ofSeconds(60));
        assertThat(job.timedOut()).as(job.output()).isFalse();
        assertThat(job.exitCode()).isNotZero();
        assertThat(job.output()).contains("rank 1 gives up on purpose");
    }
}
