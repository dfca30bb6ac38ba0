package hitchhiker.examples.timeit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Wraps a piece of code and times every call of it, for code that something else calls (such as
 * the example harness): the first call is kept apart from the later ones, as in {@link Timing}.
 *
 * <p>Not thread-safe: the wrapped code is meant to be called by one thread at a time.
 */
public final class CallTimer<T> implements Callable<T> {

    private final Callable<T> body;
    private final LongSupplier nanoClock;
    private final List<Double> seconds = new ArrayList<>();

    private CallTimer(Callable<T> body, LongSupplier nanoClock) {
        this.body = Objects.requireNonNull(body);
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** Times every call of {@code body} with {@link System#nanoTime}. */
    public static <T> CallTimer<T> of(Callable<T> body) {
        return new CallTimer<>(body, System::nanoTime);
    }

    /** Times every call of {@code body} with the given clock (nanoseconds); for tests. */
    public static <T> CallTimer<T> of(Callable<T> body, LongSupplier nanoClock) {
        return new CallTimer<>(body, nanoClock);
    }

    @Override
    public T call() throws Exception {
        long t0 = nanoClock.getAsLong();
        T result = body.call();
        seconds.add((nanoClock.getAsLong() - t0) / 1e9);
        return result;
    }

    /** How many calls completed. */
    public int calls() {
        return seconds.size();
    }

    /**
     * The first call and every later call as repeats of one call each; needs at least two calls
     * so that there is a steady state to report.
     */
    public Timing timing() {
        if (seconds.size() < 2) {
            throw new IllegalStateException("a timing needs a first call and at least one more; got " + seconds.size());
        }
        return new Timing(seconds.getFirst(), 1, seconds.subList(1, seconds.size()));
    }
}
