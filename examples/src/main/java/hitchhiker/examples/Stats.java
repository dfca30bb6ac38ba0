package hitchhiker.examples;

import java.util.List;

/** Order statistics of a sample of timings, in seconds. */
public final class Stats {

    private Stats() {
    }

    /** The median; for an even count, the mean of the two middle values. */
    public static double median(List<Double> sample) {
        if (sample.isEmpty()) throw new IllegalArgumentException("median of no values");
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The smallest value: the run least disturbed by the rest of the machine. */
    public static double best(List<Double> sample) {
        if (sample.isEmpty()) throw new IllegalArgumentException("best of no values");
        return sample.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /**
     * A distribution-free confidence interval of about 95 % for the median: the order statistics
     * {@code x(j)} and {@code x(n+1-j)} with the largest {@code j} for which
     * {@code P(Binomial(n, 1/2) < j) <= 2.5 %}. Below six values no such {@code j} exists and the
     * interval is the whole range (a coverage of 94 % at five values, less below).
     *
     * @return {@code {low, high}}
     */
    public static double[] medianInterval(List<Double> sample) {
        if (sample.isEmpty()) throw new IllegalArgumentException("interval of no values");
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        int j = 1;
        double below = 0;  // P(X < j) for X ~ Binomial(n, 1/2), accumulated term by term
        double term = Math.pow(0.5, n);  // P(X = 0)
        for (int k = 0; k < n / 2; k++) {
            below += term;
            if (below > 0.025) break;
            j = k + 1;
            term = term * (n - k) / (k + 1);
        }
        j = Math.min(j, (n + 1) / 2);
        return new double[]{sorted[j - 1], sorted[n - j]};
    }

    /**
     * The half-width of {@link #medianInterval} relative to the median, the larger side: 0.05
     * reads "the median is known to about ±5 %".
     */
    public static double relativeUncertainty(List<Double> sample) {
        double m = median(sample);
        if (m <= 0) return 0;
        double[] ci = medianInterval(sample);
        return Math.max(m - ci[0], ci[1] - m) / m;
    }

    /** (max - min) / min of a sample: how far apart its values are. */
    public static double spread(List<Double> sample) {
        double min = best(sample);
        double max = sample.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return min <= 0 ? 0 : (max - min) / min;
    }

    /** How many times faster {@code candidate} is than {@code reference}. */
    public static double speedup(double referenceSeconds, double candidateSeconds) {
        if (candidateSeconds <= 0) return Double.POSITIVE_INFINITY;
        return referenceSeconds / candidateSeconds;
    }

    /** Speed-up per worker: 1.0 means every worker was fully used. */
    public static double efficiency(double speedup, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be positive");
        return speedup / workers;
    }

}
