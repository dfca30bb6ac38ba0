package hitchhiker.mpi.ffm;

import hitchhiker.mpi.ApiSuiteRank;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's test-suite on the native backend: {@link ApiSuiteRank} under {@code mpirun} for the
 * world sizes the suite is written for, each test's body running once per process.
 */
@Timeout(150)
class ApiSuiteUnderOpenMpiTest {

    @ParameterizedTest(name = "-np {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theApiSuitePassesOnTheNativeBackend(int np) throws Exception {
        OpenMpiTests.requireOpenMpi();
        var job = Mpirun.run(np, List.of(), OpenMpiTests.java(List.of(), ApiSuiteRank.class.getName(), List.of()),
                Duration.ofSeconds(140));
        assertThat(job.exitCode()).as(job.output()).isZero();
        assertThat(job.output()).doesNotContain("FAIL");
        assertThat(job.lines("ok ")).as(job.output()).isNotEmpty();
        assertThat(job.lines("passed ")).as(job.output()).singleElement().asString().doesNotStartWith("passed 0 ");
    }
}
