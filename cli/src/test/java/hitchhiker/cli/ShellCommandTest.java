package hitchhiker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCommandTest {

    @Test
    @Timeout(120)
    void runsAScriptFromStdinWithTheToolkitImportedAndTheLaunchersFlags() throws Exception {
        // The interactive greeting is startup code too: it must compile and print.
        String script = ShellCommand.greeting() + """
                System.out.println("sum=" + java.util.stream.IntStream.range(0, 30).sum());
                System.out.println("cores=" + (cores() == Runtime.getRuntime().availableProcessors()));
                System.out.println("catalogue=" + (Catalogue.guide().all().size() >= 0));
                System.out.println("lanes=" + jdk.incubator.vector.DoubleVector.SPECIES_64.length());
                System.out.println("native=" + new Object(){}.getClass().getModule().isNativeAccessEnabled());
                int oops = 1 / 0;
                System.out.println("after=" + "still running");
                """;
        Session s = runScript(script);
        String printed = s.out();
        assertThat(printed).contains("|  Helpers: cores(), run(\"part1.pi\"", "sum=435", "cores=true", "catalogue=true", "lanes=1", "native=true",
                "after=still running");
        // A snippet's exception is reported, and the script goes on, as in an interactive session.
        assertThat(printed + s.err()).contains("ArithmeticException");
    }

    /** What a script run through the shell printed. */
    record Session(String out, String err) {
    }

    /** Runs a script through {@code hhg shell} as stdin that is not a terminal; asserts it exits 0. */
    static Session runScript(String script) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new ShellCommand().run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, new HashMap<>());
        Session s = new Session(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(code).as("exit code; stderr: %s; stdout: %s", s.err(), s.out()).isZero();
        return s;
    }

    @Test
    @Timeout(120)
    void aPoolMapsALambdaTypedAtThePrompt() throws Exception {
        // The lambda's class exists only in the shell's memory: its bytecode travels to the workers,
        // and so does the value of the shell variable it reads.
        String script = """
                int offset = 100;
                var pool = new ProcessPool(2);
                System.out.println("squares=" + pool.map(x -> x * x + offset, List.of(1, 2, 3)));
                record Pair(int a, int b) implements java.io.Serializable {}
                System.out.println("pairs=" + pool.map(x -> new Pair(x, -x), List.of(4)).get(0).b());
                pool.close();
                """;
        Session s = runScript(script);
        assertThat(s.out()).as("stderr: %s", s.err()).contains("squares=[101, 104, 109]", "pairs=-4");
    }

    @Test
    void startupImportsTheToolkitAndDefinesTheHelpers() {
        String startup = ShellCommand.startupScript();
        assertThat(startup).contains("import hitchhiker.examples.*;")
                .contains("int cores()").contains("ExampleRun run(String id, String... assignments)");
        // timeit comes with Part 2's helper: defined exactly when that class is on the class path.
        boolean timeitPresent = getClass().getClassLoader().getResource("hitchhiker/examples/timeit/Timeit.class") != null;
        assertThat(startup.contains("Timing timeit(Runnable body)")).isEqualTo(timeitPresent);
        for (String line : startup.lines().filter(l -> l.startsWith("import ")).toList()) {
            String pkg = line.substring("import ".length(), line.length() - ".*;".length());
            assertThat(ShellCommand.PACKAGES).contains(pkg);
        }
    }

    @Test
    void theSnippetsJvmGetsTheLaunchersFlags() {
        assertThat(new ShellCommand().arguments(java.nio.file.Path.of("startup.jsh")))
                .contains("-R--add-modules=jdk.incubator.vector", "-R--enable-native-access=ALL-UNNAMED", "--class-path");
    }
}
