package hitchhiker.omp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-thread state in the manner of OpenMP's {@code threadprivate}: one value per thread number,
 * made by the initial supplier the first time that thread asks, kept from region to region (so
 * thread 2 of the next region finds what thread 2 of this one left), as OpenMP keeps
 * threadprivate copies while the team size stays the same. Nothing is shared between threads, so
 * reads and writes need no synchronisation; after the region, {@link #values()} collects them.
 *
 * <pre>{@code
 * ThreadPrivate<Random> rng = ThreadPrivate.withInitial(Random::new);
 * Omp.parallel().run(t -> { double x = rng.get(t).nextDouble(); ... });
 * }</pre>
 *
 * @param <T> the type of the per-thread value
 */
public final class ThreadPrivate<T> {

    /** Cache-line padding between the values of neighbouring thread numbers. */
    private static final int PAD = 16;

    private final Supplier<? extends T> initial;
    private volatile Object[] values = new Object[0];

    private ThreadPrivate(Supplier<? extends T> initial) {
        this.initial = initial;
    }

    /** Per-thread state whose values start as {@code initial.get()}, called once per thread number. */
    public static <T> ThreadPrivate<T> withInitial(Supplier<? extends T> initial) {
        if (initial == null) throw new IllegalArgumentException("threadprivate initial value supplier is null");
        return new ThreadPrivate<>(initial);
    }

    /** The calling thread's value (made by the supplier on first use). */
    @SuppressWarnings("unchecked")
    public T get(TeamThread t) {
        Object[] a = values;
        int i = t.threadNum() * PAD;
        if (i < a.length && a[i] != null) return (T) a[i];
        T v = initial.get();
        set(t, v);
        return v;
    }

    /** Replaces the calling thread's value. */
    public void set(TeamThread t, T value) {
        if (value == null) throw new IllegalArgumentException("threadprivate value is null");
        int i = t.threadNum() * PAD;
        synchronized (this) {
            // Growth copies the array: a write under the lock is never lost to a concurrent copy.
            Object[] a = values;
            if (i >= a.length) a = Arrays.copyOf(a, Math.max(i + PAD, 2 * a.length));
            a[i] = value;
            values = a;
        }
    }

    /** Every thread number's value so far, in thread order (threads that never asked are left out); call it outside a region. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        Object[] a = values;
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.length; i += PAD) if (a[i] != null) out.add((T) a[i]);
        return out;
    }
}
