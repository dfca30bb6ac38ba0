package hitchhiker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gunther's Universal Scalability Law fitted to measured speed-ups:
 * {@code S(p) = S(1) · p / (1 + σ(p − 1) + κ p(p − 1))}.
 *
 * <p>Amdahl's law is the case {@code κ = 0} with {@code σ} the serial fraction; it has no term for
 * a cost that grows with the workers (dispatch, coherence, a shared link), so fitted to points
 * that such costs bend it calls them all "serial" and, from two points, extrapolates to speed-ups
 * no machine would give. {@code κ} is that term: with it the curve can peak and fall.
 *
 * <p>The fit is linear least squares: {@code S(1)·p / S(p) − 1 = σ(p − 1) + κ p(p − 1)} is linear
 * in {@code σ} and {@code κ}, both kept at or above zero. Two unknowns need at least
 * {@link #MIN_POINTS} counts above one to leave anything to check the model against; below that
 * {@link #fit} gives nothing and the caller says so instead of predicting. The uncertainty is
 * the spread of the leave-one-out (jackknife) fits: a prediction is shown as the range of what
 * they predict.
 *
 * @param sigma     contention: the share of the work that does not spread over workers
 * @param kappa     coherence: a cost per pair of workers
 * @param base      the measured speed-up on one worker (below 1 when the parallel code costs more)
 * @param jackknife the fits that leave out one point each, for the uncertainty
 */
public record ScalingModel(double sigma, double kappa, double base, List<ScalingModel> jackknife) {

    /** Counts above one needed for a fit: two unknowns and at least one point to spare. */
    public static final int MIN_POINTS = 3;

    public ScalingModel {
        jackknife = List.copyOf(jackknife);
    }

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
     * Fits the model to the points; empty without a point on one worker or with fewer than
     * {@link #MIN_POINTS} points on more.
     */
    public static Optional<ScalingModel> fit(List<Point> points) {
        Optional<Point> one = points.stream().filter(p -> p.workers() == 1).findFirst();
        List<Point> more = points.stream().filter(p -> p.workers() > 1).toList();
        if (one.isEmpty() || more.size() < MIN_POINTS) return Optional.empty();
        double base = one.get().speedup();
        List<ScalingModel> jackknife = new ArrayList<>();
        for (int leave = 0; leave < more.size(); leave++) {
            List<Point> rest = new ArrayList<>(more);
            rest.remove(leave);
            jackknife.add(solve(rest, base, List.of()));
        }
        return Optional.of(solve(more, base, jackknife));
    }

    /** Least squares for σ, κ ≥ 0 from points on more than one worker. */
    private static ScalingModel solve(List<Point> more, double base, List<ScalingModel> jackknife) {
        // Normal equations of y = σ a + κ b, with a = p − 1, b = p(p − 1), y = base·p/S − 1.
        double aa = 0, ab = 0, bb = 0, ay = 0, by = 0;
        for (Point pt : more) {
            double p = pt.workers();
            double a = p - 1, b = p * (p - 1), y = base * p / pt.speedup() - 1;
            aa += a * a;
            ab += a * b;
            bb += b * b;
            ay += a * y;
            by += b * y;
        }
        double det = aa * bb - ab * ab;
        double sigma = det == 0 ? 0 : (ay * bb - by * ab) / det;
        double kappa = det == 0 ? by / bb : (by * aa - ay * ab) / det;
        if (sigma < 0) {
            sigma = 0;
            kappa = by / bb;
        }
        if (kappa < 0) {
            kappa = 0;
            sigma = Math.max(0, ay / aa);
        }
        return new ScalingModel(sigma, kappa, base, jackknife);
    }

    /** The speed-up the model predicts on {@code p} workers. */
    public double speedup(double p) {
        return base * p / (1 + sigma * (p - 1) + kappa * p * (p - 1));
    }

    /** The lowest and highest speed-up the leave-one-out fits predict on {@code p} workers, {@code {low, high}}. */
    public double[] range(double p) {
        double lo = speedup(p), hi = lo;
        for (ScalingModel m : jackknife) {
            lo = Math.min(lo, m.speedup(p));
            hi = Math.max(hi, m.speedup(p));
        }
        return new double[]{lo, hi};
    }

    /** The worker count at which the predicted speed-up peaks, if {@code κ > 0}. */
    public Optional<Double> peak() {
        return kappa > 0 ? Optional.of(Math.sqrt((1 - sigma) / kappa)) : Optional.empty();
    }
}
