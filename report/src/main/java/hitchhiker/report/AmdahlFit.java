package hitchhiker.report;

import java.util.List;

/**
 * Amdahl's law fitted to measured speed-ups: the serial fraction {@code f} for which
 * {@code S(p) = 1 / (f + (1 - f) / p)} comes closest to the measurements.
 *
 * <p>"Closest" means least squares in the speed-ups themselves, the quantity the reader sees on
 * the chart (fitting {@code 1/S}, which would be linear in {@code f}, weighs the points
 * differently and bends the curve away from the larger speed-ups). The error is minimised over
 * {@code f} in {@code [0, 1]}: a grid scan finds the best cell, so a second, shallower valley
 * cannot capture the search, and a golden-section search then narrows that cell to machine
 * precision. A speed-up above the ideal (superlinear, e.g. from caches) fits as {@code f = 0}.
 *
 * @param serialFraction the fitted serial fraction, in {@code [0, 1]}
 * @param rmsError       root-mean-square difference between measured and fitted speed-ups
 */
public record AmdahlFit(double serialFraction, double rmsError) {

    private static final int GRID = 200;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** One measurement: {@code speedup} on {@code workers} threads, processes or ranks. */
    public record Point(int workers, double speedup) {
        public Point {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not " + workers);
            if (!(speedup > 0) || Double.isInfinite(speedup)) {
                throw new IllegalArgumentException("speed-up must be positive and finite, not " + speedup);
            }
        }
    }

    /**
     * Fits the serial fraction to the measurements.
     *
     * @throws IllegalArgumentException when no measurement used more than one worker (then every
     *                                  {@code f} fits equally well)
     */
    public static AmdahlFit fit(List<Point> points) {
        if (points.stream().noneMatch(p -> p.workers() > 1)) {
            throw new IllegalArgumentException("Amdahl's law needs a speed-up measured on more than one worker");
        }
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double e = squaredError(points, (double) i / GRID);
            if (e < bestError) {
                bestError = e;
                best = i;
            }
        }
        double lo = Math.max(0, best - 1) / (double) GRID;
        double hi = Math.min(GRID, best + 1) / (double) GRID;
        double f = goldenSection(points, lo, hi);
        if (squaredError(points, f) > bestError) f = (double) best / GRID;
        return new AmdahlFit(f, Math.sqrt(squaredError(points, f) / points.size()));
    }

    /** The speed-up Amdahl's law predicts on {@code p} workers for serial fraction {@code f}. */
    public static double speedup(double f, double p) {
        return 1 / (f + (1 - f) / p);
    }

    /** The speed-up this fit predicts on {@code p} workers. */
    public double speedup(double p) {
        return speedup(serialFraction, p);
    }

    /** The most any number of workers can give, {@code 1/f} (infinite when {@code f = 0}). */
    public double limit() {
        return 1 / serialFraction;
    }

    private static double squaredError(List<Point> points, double f) {
        double sum = 0;
        for (Point p : points) {
            double d = p.speedup() - speedup(f, p.workers());
            sum += d * d;
        }
        return sum;
    }

    /** Minimum of the (here unimodal) error on [lo, hi]. */
    private static double goldenSection(List<Point> points, double lo, double hi) {
        double a = lo, b = hi;
        double c = b - GOLDEN * (b - a), d = a + GOLDEN * (b - a);
        double fc = squaredError(points, c), fd = squaredError(points, d);
        while (b - a > 1e-12) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = squaredError(points, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = squaredError(points, d);
            }
        }
        return (a + b) / 2;
    }
}
