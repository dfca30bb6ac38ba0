package hitchhiker.examples.part4;

import hitchhiker.examples.BadInputException;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every part 4 example, run as hhg run runs it: real ranks through the launcher, checked. */
@Timeout(120)
class Part4ExamplesTest {

    @TempDir
    Path dir;

    private String run(Example example) {
        return run(example, hitchhiker.examples.Size.QUICK);
    }

    private String run(Example example, hitchhiker.examples.Size size) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Settings settings = Settings.defaults(example, size, 1, 2, new PrintStream(printed, true), dir);
        ExampleRun run = new Harness(1, 1).run(example, settings);
        assertThat(run.check().passed()).as(run.check().detail() + "\n" + printed).isTrue();
        return printed.toString();
    }

    @Test
    void helloGreetsFromEveryRank() {
        assertThat(run(Hello.EXAMPLE)).contains("Hello, World! I am process 0 of 2", "Hello, World! I am process 1 of 2");
    }

    @Test
    void p2pDeliversTheMap() {
        assertThat(run(PointToPoint.EXAMPLE)).contains("rank 1 received {a=7, b=3.14}");
    }

    @Test
    void bcastGivesEveryRankTheArray() {
        assertThat(run(Broadcast.EXAMPLE)).contains("rank 1: [0.0, 1.0, 2.0, 3.0, 4.0]");
    }

    @Test
    void spawnpiComputesPiInSpawnedChildren() {
        assertThat(run(SpawnPi.EXAMPLE)).contains("pi is approximately 3.14160098692312");
    }

    @Test
    void futuresCountsThePrimesOnWorkerRanks() {
        // quick: 2 ranks, one client and one worker; 10,000 numbers from 1e8 hold 551 primes (Part 1's range A)
        assertThat(run(Futures.EXAMPLE)).contains("551 primes in [100000000, 100010000), found by 1 worker rank in chunks of 1000");
    }

    @Test
    void piPrintsLikeMpiPiAndReportsLaunchApart() {
        String printed = run(Pi.EXAMPLE, hitchhiker.examples.Size.WORKSHOP);
        assertThat(printed).containsOnlyOnce("pi is approximately 3.1415927369231").contains("error is 0.00000008333333");
        assertThat(printed).containsPattern("2 ranks launched in \\d+\\.\\d\\d s \\(not part of the timings\\)");
    }

    @Test
    void piRunsOnceUnderMpirunAsTheScriptDoes() {
        var r = hitchhiker.mpi.embedded.Launcher.run(2, Pi.Program.class.getName(), List.of("n=1000"),
                hitchhiker.mpi.embedded.Launcher.Options.defaults().withOutput(new PrintStream(new ByteArrayOutputStream()),
                        System.err));
        assertThat(r.exitStatus()).isZero();
        assertThat(r.result()).isInstanceOf(java.util.Map.class);
        assertThat(((java.util.Map<?, ?>) r.result()).get("pi")).isEqualTo(3.1415927369231254);
    }

    @Test
    void rankProgramArgumentsAreCheckedAgainstTheParameters() {
        assertThat(Pi.EXAMPLE.values(List.of("n=10_000"))).containsEntry("n", 10_000L);
        assertThat(Hello.EXAMPLE.values(List.of())).containsEntry("np", 4L);
        assertThatThrownBy(() -> Pi.EXAMPLE.values(List.of("m=3")))
                .isInstanceOf(BadInputException.class).hasMessage("unknown parameter 'm' for part4.pi (allowed: n)");
    }
}
