package hitchhiker.bench.process;

import hitchhiker.examples.Example;
import hitchhiker.examples.ExampleRun;
import hitchhiker.examples.Harness;
import hitchhiker.examples.Settings;
import hitchhiker.examples.VariantTiming;
import hitchhiker.examples.part1.Part1;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whole-workload medians for part 1 through the example harness: part1.primes (range B) serial vs
 * pool map vs queue, and part1.pi (10,000,000 samples) serial vs 2 and 16 blocks, with 2 workers.
 * Speed-ups are ratios of medians from the same run. Args: {@code [repeats]} (default 7).
 */
public final class Part1ExamplesBench {

    private Part1ExamplesBench() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Harness harness = new Harness(2, repeats);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        for (String id : new String[]{"part1.primes", "part1.pi"}) {
            Example example = Part1.examples().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
            ExampleRun run = harness.run(example, Settings.defaults(example, false, 2, 2, quiet, Path.of("target")));
            System.out.println(id + " " + run.params() + ", 2 workers, " + repeats + " repeats: check "
                    + (run.check().passed() ? "passed" : "FAILED") + " (" + run.check().detail() + ")");
            for (VariantTiming v : run.variants()) {
                System.out.println(String.format(Locale.ROOT, "  %-16s median %8.4f s  best %8.4f s  speed-up %s",
                        v.name(), v.median(), v.best(),
                        run.speedup(v).map(s -> String.format(Locale.ROOT, "%.2fx", s)).orElse("-")));
            }
        }
    }
}
