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
 * Times an example's variants the way {@code %%timeit} would, with a JVM's warm-up in mind: each
 * variant is called until its times are steady (see {@link TimingPolicy}), then timed several
 * times; the median is what we report, with its confidence interval.
 *
 * <p>Variants run one after the other, each warmed up on its own: a pool's workers or an MPI job's
 * ranks reach their steady state through the very calls that are then timed. Only the serial
 * variant and the parallel ones compared with it get the full policy; the others are timed
 * {@linkplain TimingPolicy#brief() briefly}.
 *
 * <p>A variant that throws does not stop the others from being reported: the run's check fails,
 * naming the variant and where it failed.
 */
public final class Harness {

    private final TimingPolicy policy;
    private final Progress progress;

    /** A harness with the given policy, telling {@code progress} about every call. */
    public Harness(TimingPolicy policy, Progress progress) {
        this.policy = java.util.Objects.requireNonNull(policy);
        this.progress = java.util.Objects.requireNonNull(progress);
    }

    /**
     * A harness making exactly {@code warmups} untimed calls (the first included, at least 1) and
     * {@code repeats} timed ones (at least 1): for tests, where the numbers do not matter.
     */
    public Harness(int warmups, int repeats) {
        this(TimingPolicy.fixed(warmups, repeats), Progress.NONE);
    }

    /** The harness of {@code hhg run} and {@code hhg tour}: steady state, at least {@code minRuns} timed calls. */
    public static Harness steadyState(int minRuns, Progress progress) {
        return new Harness(TimingPolicy.steadyState(minRuns), progress);
    }

    /** Prepares, times and checks an example; never throws for a failure inside the work. */
    public ExampleRun run(Example example, Settings settings) {
        Map<Path, FileTime> before = listFiles(settings.outputDir());
        List<VariantTiming> timings = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        try (Workload work = example.prepare(settings)) {
            List<Variant> variants = work.variants();
            boolean compared = variants.stream().anyMatch(v -> v.role() == Variant.Role.SERIAL);
            for (Variant v : variants) {
                boolean precise = v.role() == Variant.Role.SERIAL || (compared && v.role() == Variant.Role.PARALLEL);
                timings.add(time(v, precise ? policy : policy.brief(), results));
            }
            Results r = new Results(variants, results);
            Check check = work.check(r);
            return new ExampleRun(example.id(), settings.size(), settings.values(), work.result(r), check, timings,
                    newFiles(settings.outputDir(), before));
        } catch (VariantFailure f) {
            return new ExampleRun(example.id(), settings.size(), settings.values(), null, Check.fail(f.getMessage()),
                    timings, List.of());
        } catch (Exception | Error e) {
            return new ExampleRun(example.id(), settings.size(), settings.values(), null,
                    Check.fail(example.id() + " failed: " + Failures.describe(e)), timings, List.of());
        }
    }

    private VariantTiming time(Variant v, TimingPolicy policy, Map<String, Object> results) {
        double first = 0;
        Object last = null;
        List<Double> seconds = new ArrayList<>();
        int warmups = 0;
        try {
            double spent = 0;
            double previous = 0;
            double s = 0;
            do {
                previous = s;
                long t0 = System.nanoTime();
                last = v.body().call();
                s = (System.nanoTime() - t0) / 1e9;
                if (warmups == 0) first = s;
                spent += s;
                progress.called(v.name(), true, ++warmups, s);
            } while (!policy.warm(warmups, spent, previous, s));
            spent = 0;
            while (policy.wantsRun(seconds.size(), spent)) {
                long t0 = System.nanoTime();
                last = v.body().call();
                s = (System.nanoTime() - t0) / 1e9;
                seconds.add(s);
                spent += s;
                progress.called(v.name(), false, seconds.size(), s);
            }
        } catch (Exception | Error e) {
            throw new VariantFailure("variant '" + v.name() + "' failed: " + Failures.describe(e), e);
        }
        results.put(v.name(), last);
        return new VariantTiming(v.name(), v.role(), v.workers(), first, seconds, warmups, v.tasks());
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
