package hitchhiker.examples.timeit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Times a piece of code the way IPython's {@code %timeit} does, and reports the first call apart.
 *
 * <p>The algorithm: (1) the first call is timed on its own — in Java it is interpreted and starts
 * JIT compilation, like Numba's compile-on-first-call; (2) the number of calls per repeat is chosen
 * by trying 1, 2, 5, 10, 20, 50, ... calls until one batch takes at least {@code minRepeatSeconds}
 * (these batches also warm the JIT up); (3) {@code repeats} batches of that many calls are timed
 * and each is divided by the number of calls. Batching makes the clock's resolution and the call
 * overhead negligible for fast code; slow code gets one call per repeat.
 *
 * <p>Every result is written to a volatile field so the JIT cannot discard the work being timed.
 * For the project's own benchmarks JMH stays the tool: it also forks JVMs and controls dead-code
 * elimination and profile pollution. This helper is for examples and the interactive shell.
 */
public final class Timeit {

    /** IPython's defaults: 7 repeats, each at least 0.2 s. */
    public static final int DEFAULT_REPEATS = 7;
    public static final double DEFAULT_MIN_REPEAT_SECONDS = 0.2;

    private final int repeats;
    private final double minRepeatSeconds;
    private final long fixedLoops;
    private final LongSupplier nanoClock;

    @SuppressWarnings("unused") // written so results of timed calls escape
    private volatile Object sink;

    private Timeit(int repeats, double minRepeatSeconds, long fixedLoops, LongSupplier nanoClock) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, not " + repeats);
        if (!(minRepeatSeconds >= 0)) throw new IllegalArgumentException("minimum repeat time must be >= 0, not " + minRepeatSeconds);
        if (fixedLoops < 0) throw new IllegalArgumentException("loops must be at least 1, not " + fixedLoops);
        this.repeats = repeats;
        this.minRepeatSeconds = minRepeatSeconds;
        this.fixedLoops = fixedLoops;
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** 7 repeats of at least 0.2 s each, the loop count chosen automatically. */
    public static Timeit standard() {
        return new Timeit(DEFAULT_REPEATS, DEFAULT_MIN_REPEAT_SECONDS, 0, System::nanoTime);
    }

    /** The same helper with another number of repeats. */
    public Timeit repeats(int repeats) {
        return new Timeit(repeats, minRepeatSeconds, fixedLoops, nanoClock);
    }

    /** The same helper choosing loop counts so that a repeat lasts at least this long. */
    public Timeit minRepeatSeconds(double seconds) {
        return new Timeit(repeats, seconds, fixedLoops, nanoClock);
    }

    /** The same helper with a fixed number of calls per repeat (like {@code %timeit -n}); no calibration. */
    public Timeit loops(long loops) {
        if (loops < 1) throw new IllegalArgumentException("loops must be at least 1, not " + loops);
        return new Timeit(repeats, minRepeatSeconds, loops, nanoClock);
    }

    /** The same helper reading another clock (nanoseconds); for tests. */
    public Timeit clock(LongSupplier nanoClock) {
        return new Timeit(repeats, minRepeatSeconds, fixedLoops, nanoClock);
    }

    /** Times {@code body}; an exception from the body ends the measurement and is rethrown. */
    public Timing measure(Callable<?> body) throws Exception {
        Objects.requireNonNull(body);
        double first = batchSeconds(body, 1);
        long loops = fixedLoops > 0 ? fixedLoops : calibrate(body);
        List<Double> perCall = new ArrayList<>(repeats);
        for (int r = 0; r < repeats; r++) {
            perCall.add(batchSeconds(body, loops) / loops);
        }
        return new Timing(first, loops, perCall);
    }

    /** Like {@link #measure} for code that throws no checked exception. */
    public Timing measure(Runnable body) {
        Objects.requireNonNull(body);
        try {
            return measure(() -> {
                body.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // cannot happen: a Runnable throws no checked exception
        }
    }

    /** The first of 1, 2, 5, 10, 20, 50, ... calls whose batch lasts at least {@code minRepeatSeconds}. */
    private long calibrate(Callable<?> body) throws Exception {
        long loops = 1;
        for (int step = 0; ; step++) {
            if (batchSeconds(body, loops) >= minRepeatSeconds || loops > Long.MAX_VALUE / 10) return loops;
            loops = switch (step % 3) {
                case 0 -> loops * 2;          // 1 -> 2, 10 -> 20
                case 1 -> loops / 2 * 5;      // 2 -> 5, 20 -> 50
                default -> loops * 2;         // 5 -> 10, 50 -> 100
            };
        }
    }

    private double batchSeconds(Callable<?> body, long loops) throws Exception {
        long t0 = nanoClock.getAsLong();
        for (long i = 0; i < loops; i++) sink = body.call();
        return (nanoClock.getAsLong() - t0) / 1e9;
    }
}
