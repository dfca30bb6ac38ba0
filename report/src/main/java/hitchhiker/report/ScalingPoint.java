package hitchhiker.report;

/**
 * One step of a scaling run: the example run with {@code workers} threads and processes.
 *
 * @param workers        the threads / workers / ranks the run was given
 * @param variant        the parallel variant that was fastest at this count
 * @param serialSeconds  the serial variant's median, same run
 * @param parallelSeconds that variant's median
 * @param checkPassed    whether the run's check passed
 * @param checkDetail    the check's one line
 */
public record ScalingPoint(int workers, String variant, double serialSeconds, double parallelSeconds,
                           boolean checkPassed, String checkDetail) {

    /** Serial median over the best parallel median. */
    public double speedup() {
        return hitchhiker.examples.Stats.speedup(serialSeconds, parallelSeconds);
    }
}
