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
