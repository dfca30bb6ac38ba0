package hitchhiker.report;

/**
 * One step of a scaling run: the example run with {@code workers} threads and processes.
 *
 * @param workers         the threads / workers / ranks the run was given
 * @param variant         the parallel variant that was fastest at this count
 * @param serialSeconds   the serial variant's median, same run
 * @param parallelSeconds that variant's median
 * @param checkPassed     whether the run's check passed
 * @param checkDetail     the check's one line
 * @param uncertainty     the speed-up's relative uncertainty (the two medians' added up)
 */
public record ScalingPoint(int workers, String variant, double serialSeconds, double parallelSeconds,
                           boolean checkPassed, String checkDetail, double uncertainty) {

    /** A point whose uncertainty was not measured. */
    public ScalingPoint(int workers, String variant, double serialSeconds, double parallelSeconds,
                        boolean checkPassed, String checkDetail) {
        this(workers, variant, serialSeconds, parallelSeconds, checkPassed, checkDetail, 0);
    }

    /** Serial median over the best parallel median. */
    public double speedup() {
        return hitchhiker.examples.Stats.speedup(serialSeconds, parallelSeconds);
    }
}
