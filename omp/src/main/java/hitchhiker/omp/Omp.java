package hitchhiker.omp;

/**
 * The entry point of the OpenMP-style runtime: parallel regions ({@link #parallel()}) and the
 * runtime's settings, OpenMP's internal control variables, read at start-up from the same
 * environment variables as OpenMP (a system property of the same name wins, e.g.
 * {@code -DOMP_NUM_THREADS=4}):
 * <ul>
 *   <li>{@code OMP_NUM_THREADS}: threads in a region without an explicit count (default: the
 *       available processors; a list such as {@code 4,2} uses its first entry);</li>
 *   <li>{@code OMP_SCHEDULE}: the schedule of loops that ask for {@link Schedule#RUNTIME}
 *       (OpenMP syntax, e.g. {@code dynamic,4}; default {@code static});</li>
 *   <li>{@code OMP_WAIT_POLICY}: {@code active} or {@code passive} ({@link WaitPolicy}).</li>
 * </ul>
 * A bad value is reported once on standard error and the default is used, as libgomp does.
 *
 * <p>Nested parallel regions run serially (a team of one), OpenMP's default.
 */
public final class Omp {

    private static volatile int numThreads = numThreadsSetting();
    private static volatile Schedule schedule = scheduleSetting();
    private static volatile WaitPolicy waitPolicy = waitPolicySetting();

    private Omp() {
    }

    /** A parallel region (or combined construct) on {@link #maxThreads()} threads. */
    public static Parallel parallel() {
        return new Parallel(numThreads);
    }

    /** A parallel region (or combined construct) on {@code numThreads} threads ({@code num_threads} clause). */
    public static Parallel parallel(int numThreads) {
        return new Parallel(numThreads);
    }

    /** Threads a region uses when it names no count ({@code omp_get_max_threads}). */
    public static int maxThreads() {
        return numThreads;
    }

    /** Sets the threads later regions use when they name no count ({@code omp_set_num_threads}). */
    public static void setNumThreads(int n) {
        numThreads = Parallel.checkThreads(n);
    }

    /** The schedule used by loops that ask for {@link Schedule#RUNTIME}. */
    public static Schedule schedule() {
        return schedule;
    }

    /** Sets the run-time schedule ({@code omp_set_schedule}); it may not itself be {@code runtime}. */
    public static void setSchedule(Schedule s) {
        if (s == null || s.kind() == Schedule.Kind.RUNTIME) {
            throw new IllegalArgumentException("the run-time schedule must be static, dynamic, guided or auto, not " + s);
        }
        schedule = s;
    }

    /** How idle threads wait. */
    public static WaitPolicy waitPolicy() {
        return waitPolicy;
    }

    /** Sets how idle threads wait, from their next wait on. */
    public static void setWaitPolicy(WaitPolicy p) {
        if (p == null) throw new IllegalArgumentException("wait policy is null");
        waitPolicy = p;
    }

    /** The calling thread's number in its innermost region, 0 outside any ({@code omp_get_thread_num}). */
    public static int threadNum() {
        TeamThread t = Team.CURRENT.get();
        return t == null ? 0 : t.threadNum();
    }

    /** The size of the calling thread's innermost team, 1 outside any region ({@code omp_get_num_threads}). */
    public static int numThreads() {
        TeamThread t = Team.CURRENT.get();
        return t == null ? 1 : t.numThreads();
    }

    // ---------------------------------------------------------------- start-up settings

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    private static void warn(String name, String value, String why) {
        System.err.println("hitchhiker.omp: ignoring " + name + "='" + value + "': " + why);
    }

    private static int numThreadsSetting() {
        int fallback = Runtime.getRuntime().availableProcessors();
        String v = setting("OMP_NUM_THREADS");
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.split(",")[0].trim());
            if (n >= 1 && n <= Parallel.MAX_THREADS) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        warn("OMP_NUM_THREADS", v, "expected a whole number from 1 to " + Parallel.MAX_THREADS);
        return fallback;
    }

    private static Schedule scheduleSetting() {
        String v = setting("OMP_SCHEDULE");
        if (v == null || v.isBlank()) return Schedule.STATIC;
        try {
            Schedule s = Schedule.parse(v);
            if (s.kind() != Schedule.Kind.RUNTIME) return s;
            warn("OMP_SCHEDULE", v, "the run-time schedule cannot be 'runtime'");
        } catch (IllegalArgumentException e) {
            warn("OMP_SCHEDULE", v, e.getMessage());
        }
        return Schedule.STATIC;
    }

    private static WaitPolicy waitPolicySetting() {
        String v = setting("OMP_WAIT_POLICY");
        if (v == null) return WaitPolicy.DEFAULT;
        try {
            return WaitPolicy.parse(v);
        } catch (IllegalArgumentException e) {
            warn("OMP_WAIT_POLICY", v, e.getMessage());
            return WaitPolicy.DEFAULT;
        }
    }
}
