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
 *   <li>{@code OMP_WAIT_POLICY}: {@code active} or {@code passive} ({@link WaitPolicy});</li>
 *   <li>{@code OMP_DISPLAY_ENV}: {@code true} or {@code verbose} prints {@link #displayEnv()} on
 *       standard error when the runtime starts, as libgomp does.</li>
 * </ul>
 * A bad value is reported once on standard error and the default is used, as libgomp does.
 *
 * <p>{@code OMP_PROC_BIND} and {@code OMP_PLACES} are read and reported, never applied: Java has
 * no API to pin a thread to a core, and pinning through a native call would pin only our team
 * threads, not the JIT and GC threads that share the cores with them. Threads are placed by the
 * operating system; to confine a run, confine the whole JVM ({@code taskset -c 0-3 java ...},
 * {@code numactl}), which is what the OpenMP settings would do to a C program's threads anyway.
 * A value other than {@code false} (binding) or an empty list (places) gets one line on
 * standard error saying so.
 *
 * <p>Nested parallel regions run serially (a team of one), OpenMP's default.
 */
public final class Omp {

    private static volatile int numThreads = numThreadsSetting();
    private static volatile Schedule schedule = scheduleSetting();
    private static volatile WaitPolicy waitPolicy = waitPolicySetting();
    private static final String PROC_BIND = placementSetting("OMP_PROC_BIND", "false");
    private static final String PLACES = placementSetting("OMP_PLACES", "");

    static {
        String display = setting("OMP_DISPLAY_ENV");
        if (display != null && (display.trim().equalsIgnoreCase("true") || display.trim().equalsIgnoreCase("verbose"))) {
            System.err.print(displayEnv());
        } else if (display != null && !display.isBlank() && !display.trim().equalsIgnoreCase("false")) {
            warn("OMP_DISPLAY_ENV", display, "expected true, verbose or false");
        }
    }

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

    /** Sets how idle threads wait, from the next parallel region on (each region keeps the policy it started with). */
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

    /**
     * The settings in force, in the format libgomp prints for {@code OMP_DISPLAY_ENV=true}: one
     * {@code NAME = 'value'} line per internal control variable, between BEGIN and END lines.
     */
    public static String displayEnv() {
        String nl = System.lineSeparator();
        return "OPENMP DISPLAY ENVIRONMENT BEGIN" + nl
                + "  _OPENMP = '201511'" + nl
                + "  OMP_DYNAMIC = 'FALSE'" + nl
                + "  OMP_NESTED = 'FALSE'" + nl
                + "  OMP_NUM_THREADS = '" + numThreads + "'" + nl
                + "  OMP_SCHEDULE = '" + schedule.toString().toUpperCase(java.util.Locale.ROOT) + "'" + nl
                + "  OMP_PROC_BIND = 'FALSE'" + (PROC_BIND.equalsIgnoreCase("false") ? "" : "   (set to '" + PROC_BIND + "', not applied)") + nl
                + "  OMP_PLACES = ''" + (PLACES.isEmpty() ? "" : "   (set to '" + PLACES + "', not applied)") + nl
                + "  OMP_WAIT_POLICY = '" + waitPolicy + "'" + nl
                + "  OMP_THREAD_LIMIT = '" + Parallel.MAX_THREADS + "'" + nl
                + "  OMP_MAX_ACTIVE_LEVELS = '1'" + nl
                + "  OMP_CANCELLATION = 'FALSE'" + nl
                + "OPENMP DISPLAY ENVIRONMENT END" + nl;
    }

    // ---------------------------------------------------------------- start-up settings

    /** A placement setting, reported when it asks for something the JVM cannot do. */
    private static String placementSetting(String name, String inert) {
        String v = setting(name);
        if (v == null || v.trim().equalsIgnoreCase(inert)) return inert;
        warn(name, v, "a JVM cannot bind its threads to cores (see Omp); confine the whole JVM instead,"
                + " e.g. taskset -c 0-3 java ...");
        return v.trim();
    }

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
