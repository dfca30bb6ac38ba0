package hitchhiker.cli.docs;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import hitchhiker.examples.Param;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuideCheckTest {

    /** One example with parameters, enough for the check; it is never run. */
    record Stub(String id) implements Example {
        public String title() { return "stub"; }
        public String mirrors() { return "a test"; }
        public List<Param> params() {
            return List.of(Param.integer("n", 10, 1, 100, "how many"),
                    Param.choice("range", "B", List.of("A", "B"), "which range"));
        }
        public Workload prepare(Settings settings) {
            throw new UnsupportedOperationException("never run");
        }
    }

    final GuideCheck check = new GuideCheck(new Catalogue(List.of(new Stub("part1.pi"), new Stub("part3.julia"))),
            java.util.Set.of("hitchhiker.bench.omp.OmpOverheads", "hitchhiker.bench.mpi.PingPong"));

    @Test
    void findsCommandsInBlocksAndInlineButNotInJavaListings() {
        var quoted = QuotedCommands.in("""
                Run `./hhg run part1.pi n=5` or `hhg list`; see ./hhg-report/index.html and `hhg-out`.
                ```
                $ ./hhg run part3.julia \\
                    --threads 2   # two threads
                mpirun -np 2 ./hhg tour --quick | tail -3
                ```
                ```java
                String s = "hhg run nothing";
                ```
                """);
        assertThat(quoted).extracting(QuotedCommands.Quoted::args).containsExactly(
                List.of("run", "part1.pi", "n=5"), List.of("list"),
                List.of("run", "part3.julia", "--threads", "2"), List.of("tour", "--quick"));
        assertThat(quoted.get(2).line()).isEqualTo(3);
    }

    @Test
    void acceptsCommandsThatParseWithKnownIdsAndParameters() {
        assertThat(check.problems("""
                `./hhg run part1.pi n=5 range=A --threads 2 --json`, `hhg tour --quick`, `./hhg test -q`,
                `./hhg bench OmpOverheads 2`, `./hhg bench mpi.PingPong`,
                the pattern `hhg run <id> [name=value ...]`, `hhg list --params` for part3.julia, and what `hhg run` prints.
                """)).isEmpty();
    }

    @Test
    void reportsEachStaleCommandOrId() {
        assertThat(check.problems("""
                `hhg run part1.pi --thread 2` and `hhg fly` and `hhg run --json` and `hhg run part1.pie`
                and `hhg run part1.pi n=500` and `hhg run part1.pi size=3` and `hhg launch <id>`
                and `./hhg bench Overheads`.
                See part2.gofast, not hitchhiker.examples.part2.GoFast or part3/julia.png.
                """)).satisfiesExactly(
                p -> assertThat(p).contains("hhg run part1.pi --thread 2").contains("does not parse").contains("--thread"),
                p -> assertThat(p).contains("hhg fly").contains("no command 'fly'"),
                p -> assertThat(p).contains("hhg run --json").contains("does not parse").contains("ID"),
                p -> assertThat(p).contains("unknown example 'part1.pie'"),
                p -> assertThat(p).contains("n=500").contains("'500' is not allowed"),
                p -> assertThat(p).contains("no parameter 'size' in part1.pi"),
                p -> assertThat(p).contains("no command 'launch'"),
                p -> assertThat(p).contains("no benchmark 'Overheads' in bench/"),
                p -> assertThat(p).isEqualTo("example id part1.pie is not in the catalogue"),
                p -> assertThat(p).isEqualTo("example id part2.gofast is not in the catalogue"));
    }
}
