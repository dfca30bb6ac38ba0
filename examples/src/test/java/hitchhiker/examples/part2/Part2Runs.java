package hitchhiker.examples.part2;

import hitchhiker.examples.Assignments;
import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs an example through the harness at small sizes, as the CLI would. */
final class Part2Runs {

    private Part2Runs() {
    }

    /** One warm-up and one repeat of every variant, with {@code threads} threads and the given parameters. */
    static ExampleRun run(Example example, int threads, String... nameValues) {
        return run(example, threads, new PrintStream(new ByteArrayOutputStream()), nameValues);
    }

    /** The same, printing what the example prints to {@code out}. */
    static ExampleRun run(Example example, int threads, PrintStream out, String... nameValues) {
        Settings defaults = Settings.defaults(example, true, threads, threads, out, Path.of("target", "part2-test-out"));
        return new Harness(1, 1).run(example, defaults.with(Assignments.parse(example, List.of(nameValues))));
    }

    /** The run's headline result, which this part's examples give as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resultMap(Object result) {
        return (Map<String, Object>) result;
    }
}
