package hitchhiker.examples;

import java.util.Locale;

/** Durations for people: "0.4 µs", "21 µs", "3.2 ms", "0.71 s", and "< 1 µs" below what the clock resolves. */
public final class Durations {

    /** Below this, {@link System#nanoTime()} on common hardware does not resolve a single call. */
    public static final double RESOLUTION = 1e-6;

    private Durations() {
    }

    /** Whether a measured duration is too short to mean anything as a single call's time. */
    public static boolean unresolved(double seconds) {
        return seconds < RESOLUTION;
    }

    /** A duration with a unit that keeps two or three significant digits. */
    public static String format(double seconds) {
        if (seconds < 1e-6) return String.format(Locale.ROOT, "%.2f µs", seconds * 1e6);
        if (seconds < 1e-3) return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        if (seconds < 1) return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        return String.format(Locale.ROOT, "%.3g s", seconds);
    }
}
