package hitchhiker.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of an example was asked for: parameter values, how many threads and worker
 * processes (or ranks) to use, where to print and where to write files such as images.
 *
 * @param values    every parameter of the example, parsed, in declaration order
 * @param threads   threads for shared-memory variants ({@code --threads})
 * @param workers   processes or ranks for process-based variants ({@code --workers})
 * @param size      the preset the values started from ({@code --size}, {@code --quick})
 * @param out       where the example prints what its notebook cell would print
 * @param outputDir where it may write files (images); created on demand
 */
public record Settings(Map<String, Object> values, int threads, int workers, Size size,
                       PrintStream out, Path outputDir) {

    /**
     * The most worker processes or ranks a run may ask for: the embedded MPI launcher's limit on
     * one machine, and far past what a pool of worker JVMs on one machine is good for.
     */
    public static final int MAX_WORKERS = 256;

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (threads < 1) throw new BadInputException("--threads must be at least 1, not " + threads);
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new BadInputException("--workers must be from 1 to " + MAX_WORKERS + ", not " + workers);
        }
    }

    /** Settings with every parameter at its value in the preset {@code size}, for tests and the tour. */
    public static Settings defaults(Example example, Size size, int threads, int workers, PrintStream out,
                                    Path outputDir) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : example.params()) values.put(p.name(), p.value(size));
        return new Settings(values, threads, workers, size, out, outputDir);
    }

    /** Settings at the default ({@code quick == false}) or quick sizes. */
    public static Settings defaults(Example example, boolean quick, int threads, int workers, PrintStream out,
                                    Path outputDir) {
        return defaults(example, quick ? Size.QUICK : Size.DEFAULT, threads, workers, out, outputDir);
    }

    /** Whether the smaller {@code --quick} sizes were chosen. */
    public boolean quick() {
        return size == Size.QUICK;
    }

    /** The same settings with {@code threads} threads and {@code workers} workers. */
    public Settings withWorkers(int threads, int workers) {
        return new Settings(values, threads, workers, size, out, outputDir);
    }

    /** The same settings with some values replaced (already parsed). */
    public Settings with(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new Settings(merged, threads, workers, size, out, outputDir);
    }

    /** A whole-number parameter. */
    public long longValue(String name) {
        return (Long) value(name);
    }

    /** A whole-number parameter that fits an int (its range says so). */
    public int intValue(String name) {
        return Math.toIntExact(longValue(name));
    }

    /** A real-number parameter. */
    public double doubleValue(String name) {
        return (Double) value(name);
    }

    /** A choice parameter. */
    public String text(String name) {
        return (String) value(name);
    }

    /** Any parameter, as its parser returned it. */
    public Object value(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }
}
