package hitchhiker.cli;

import hitchhiker.examples.Catalogue;
import org.junit.jupiter.api.Test;

import java.util.List;
import org.junit.jupiter.api.Timeout;


import static org.assertj.core.api.Assertions.assertThat;

/** hhg mpirun: real ranks for a real example, one-line errors with exit 2 for bad input. */
@Timeout(60)
class MpirunCommandTest {

    static Outcome hhg(String... args) {
        return Outcome.of(Catalogue.guide(), List.of(args));
    }

    @Test
    void runsAnExampleWithTaggedOutput() {
        Outcome o = hhg("mpirun", "-np", "2", "--tag-output", "part4.p2p");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("[1] rank 1 received {a=7, b=3.14}");
    }

    @Test
    void zeroRanksIsOneLineAndExitTwo() {
        Outcome o = hhg("mpirun", "-np", "0", "part4.hello");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("hhg: -np must be at least 1, not 0");
    }

    @Test
    void badProgramsAndParametersAreOneLineAndExitTwo() {
        Outcome unknown = hhg("mpirun", "-np", "2", "part4.helo");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("hhg: unknown example 'part4.helo' — did you mean part4.hello?");
        Outcome notMpi = hhg("mpirun", "part1.hello");
        assertThat(notMpi.code()).isEqualTo(2);
        Outcome badValue = hhg("mpirun", "part4.pi", "n=lots");
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.err().strip()).isEqualTo("hhg: parameter 'n': 'lots' is not allowed (a whole number from 1 to 2000000000)");
        Outcome noClass = hhg("mpirun", "-np", "2", "com.example.Missing");
        assertThat(noClass.code()).isEqualTo(2);
        assertThat(noClass.err().strip()).isEqualTo("hhg: no class 'com.example.Missing' on the class path");
    }
}
