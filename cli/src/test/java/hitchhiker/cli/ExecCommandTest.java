package hitchhiker.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecCommandTest {

    static Outcome hhg(String... args) {
        return Outcome.of(FakeExamples.catalogue(), List.of(args));
    }

    /** A rank program as a user would write one. */
    public static final class Program {
        static volatile List<String> seen;

        public static void main(String[] args) {
            seen = List.of(args);
            if (args.length > 0 && args[0].equals("fail")) throw new IllegalStateException("rank program broke");
        }
    }

    @Test
    void runsAClassMainWithEveryArgumentUntouchedOptionsIncluded() {
        Outcome o = hhg("exec", Program.class.getName(), "--size", "10", "--verbose", "x=1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Program.seen).containsExactly("--size", "10", "--verbose", "x=1");
    }

    @Test
    void aFailingProgramExitsOneNamingTheFailure() {
        Outcome o = hhg("exec", Program.class.getName(), "fail");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("IllegalStateException: rank program broke").doesNotContain("\tat ");
    }

    @Test
    void runsAnOrdinaryExampleOnceAndChecksIt() {
        Outcome o = hhg("exec", "part1.sum", "n=10");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("part1.sum").contains("check passed");
    }

    @Test
    void aFailedCheckExitsOne() {
        assertThat(hhg("exec", "part3.wrong").code()).isEqualTo(1);
    }

    @Test
    void aBadArgumentForAnMpiExampleIsOneLineAndExitTwoBeforeAnyRankStarts() {
        Outcome o = Outcome.of(hitchhiker.examples.Catalogue.guide(), List.of("exec", "part4.pi", "n=abc"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("hhg: parameter 'n': 'abc' is not allowed").doesNotContain("\n");
    }

    @Test
    void anUnknownProgramIsOneLineAndExitTwo() {
        Outcome o = hhg("exec", "part1.sun");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("hhg: unknown example 'part1.sun' — did you mean part1.sum?")
                .endsWith("nor is it a class on the class path").doesNotContain("\n");
    }
}
