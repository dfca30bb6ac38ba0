package hitchhiker.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times an example's variants the way {@code %%timeit} would, but simpler: one first call (which
 * in Java includes interpretation and JIT compilation), more warm-up calls, then {@code repeats}
 * timed calls whose median is what we report.
 *
 * <p>A variant that throws does not stop the others from being reported: the run's check fails,
 * naming the variant and where it failed.
 */
public final class Harness {

    private final int warmups;
    private final int repeats;

    /**
     * @param warmups untimed calls before the repeats, the first call included (at least 1)
     * @param repeats timed calls (at least 1)
     */
    public Harness(int warmups, int repeats) {
        if (warmups < 1) throw new BadInputException("warm-ups must be at least 1, not " + warmups);
        if (repeats < 1) throw new BadInputException("--repeat must be at least 1, not " + repeats);
        this.warmups = warmups;
        this.repeats = repeats;
    }

    /** Prepares, times and checks an example; never throws for a failure inside the work. */
    public ExampleRun run(Example example, Settings settings) {
        Map<Path, FileTime> before = listFiles(settings.outputDir());
        List<VariantTiming> timings = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        try (Workload work = example.prepare(settings)) {
            List<Variant> variants = work.variants();
            for (Variant v : variants) {
                timings.add(time(v, results));
            }
            Results r = new Results(variants, results);
            Check check = work.check(r);
            return new ExampleRun(example.id(), settings.values(), work.result(r), check, timings,
                    newFiles(settings.outputDir(), before));
        } catch (VariantFailure f) {
            return new ExampleRun(example.id(), settings.values(), null, Check.fail(f.getMessage()), timings, List.of());
        } catch (Exception | Error e) {
            return new ExampleRun(example.id(), settings.values(), null,
                    Check.fail(example.id() + " failed: " + Failures.describe(e)), timings, List.of());
        }
    }

    private VariantTiming time(Variant v, Map<String, Object> results) {
        double first = 0;
        Object last = null;
        List<Double> seconds = new ArrayList<>(repeats);
        try {
            for (int i = 0; i < warmups + repeats; i++) {
                long t0 = System.nanoTime();
                last = v.body().call();
                double s = (System.nanoTime() - t0) / 1e9;
                if (i == 0) first = s;
                if (i >= warmups) seconds.add(s);
            }
        } catch (Exception | Error e) {
            throw new VariantFailure("variant '" + v.name() + "' failed: " + Failures.describe(e), e);
        }
        results.put(v.name(), last);
        return new VariantTiming(v.name(), v.role(), v.workers(), first, seconds);
    }

    /** The files in {@code dir} with their modification times. */
    private static Map<Path, FileTime> listFiles(Path dir) {
        Map<Path, FileTime> files = new HashMap<>();
        if (dir == null || !Files.isDirectory(dir)) return files;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) files.put(p, Files.getLastModifiedTime(p));
        } catch (java.io.IOException e) {
            // A folder we cannot read lists no files: the run itself is unaffected.
        }
        return files;
    }

    /** Files written during the run: new ones, and ones a previous run left that this run rewrote. */
    private static List<Path> newFiles(Path dir, Map<Path, FileTime> before) {
        return listFiles(dir).entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Carries a variant's failure, already described, out of the timing loop. */
    private static final class VariantFailure extends RuntimeException {
        VariantFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
