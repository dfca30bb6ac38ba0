package hitchhiker.omp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * OpenMP's {@code #pragma omp atomic} updates on elements of plain arrays, which Java's
 * {@code java.util.concurrent.atomic} classes do not cover (they own their arrays): an atomic
 * add on a {@code double[]} bin of a histogram, a running maximum in a {@code long[]}. Each is
 * one hardware atomic (int and long adds) or a compare-and-set loop (double adds, min, max). A
 * plain read of the array after the region (whose end publishes every update) sees the totals.
 */
public final class Atomics {

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle DOUBLES = MethodHandles.arrayElementVarHandle(double[].class);

    private Atomics() {
    }

    /** {@code #pragma omp atomic}: {@code a[i] += v}, returning the new value. */
    public static int add(int[] a, int i, int v) {
        return (int) INTS.getAndAdd(a, i, v) + v;
    }

    /** {@code #pragma omp atomic}: {@code a[i] += v}, returning the new value. */
    public static long add(long[] a, int i, long v) {
        return (long) LONGS.getAndAdd(a, i, v) + v;
    }

    /** {@code #pragma omp atomic}: {@code a[i] += v}, returning the new value. */
    public static double add(double[] a, int i, double v) {
        double old = (double) DOUBLES.getVolatile(a, i);
        while (true) {
            double now = old + v;
            // compareAndExchange compares bit patterns, so a NaN element cannot loop forever.
            double seen = (double) DOUBLES.compareAndExchange(a, i, old, now);
            if (Double.doubleToRawLongBits(seen) == Double.doubleToRawLongBits(old)) return now;
            old = seen;
        }
    }

    /** {@code a[i] = max(a[i], v)} atomically, returning the new value. */
    public static long max(long[] a, int i, long v) {
        long old = (long) LONGS.getVolatile(a, i);
        while (old < v) {
            long seen = (long) LONGS.compareAndExchange(a, i, old, v);
            if (seen == old) return v;
            old = seen;
        }
        return old;
    }

    /** {@code a[i] = min(a[i], v)} atomically, returning the new value. */
    public static long min(long[] a, int i, long v) {
        long old = (long) LONGS.getVolatile(a, i);
        while (old > v) {
            long seen = (long) LONGS.compareAndExchange(a, i, old, v);
            if (seen == old) return v;
            old = seen;
        }
        return old;
    }

    /** {@code a[i] = max(a[i], v)} atomically (NaN is ignored), returning the new value. */
    public static double max(double[] a, int i, double v) {
        double old = (double) DOUBLES.getVolatile(a, i);
        while (old < v || Double.isNaN(old) && !Double.isNaN(v)) {
            double seen = (double) DOUBLES.compareAndExchange(a, i, old, v);
            if (Double.doubleToRawLongBits(seen) == Double.doubleToRawLongBits(old)) return v;
            old = seen;
        }
        return old;
    }

    /** {@code a[i] = min(a[i], v)} atomically (NaN is ignored), returning the new value. */
    public static double min(double[] a, int i, double v) {
        double old = (double) DOUBLES.getVolatile(a, i);
        while (old > v || Double.isNaN(old) && !Double.isNaN(v)) {
            double seen = (double) DOUBLES.compareAndExchange(a, i, old, v);
            if (Double.doubleToRawLongBits(seen) == Double.doubleToRawLongBits(old)) return v;
            old = seen;
        }
        return old;
    }
}
