package hitchhiker.examples;

import java.util.concurrent.Callable;

/**
 * One way of computing an example's result, e.g. "serial" or "parallel, dynamic,1".
 *
 * @param name    short name, unique in its example, used in tables and JSON
 * @param role    how the variant counts in checks and speed-ups
 * @param workers how many threads, processes or ranks it uses (1 for serial)
 * @param body    computes the result; called once per timed run
 * @param tasks   how many separately dispatched pieces of work one call hands out (items through a
 *                queue, tasks of a pool): lets an overhead-bound variant say what one costs; for
 *                the serial variant, how many such pieces the whole problem has, when an
 *                overhead-bound variant does only part of it
 */
public record Variant(String name, Role role, int workers, Callable<Object> body, long tasks) {

    /** How a variant takes part in checks and speed-ups. */
    public enum Role {
        /** The reference: speed-ups are measured against it. */
        SERIAL,
        /** A parallel variant: checked, timed, compared with the serial one. */
        PARALLEL,
        /**
         * A parallel variant whose work per task is, by design, far below what dispatching the
         * task costs (the lesson is the construct or its price, not the speed): checked and timed,
         * shown with its cost per task instead of a speed-up, and never the "best parallel".
         */
        OVERHEAD_BOUND,
        /** Deliberately wrong (e.g. a data race): timed and shown, never checked or compared. */
        WRONG
    }

    public Variant {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("variant name is empty");
        if (workers < 1) throw new IllegalArgumentException("variant '" + name + "' has " + workers + " workers");
        if (tasks < 1) throw new IllegalArgumentException("variant '" + name + "' has " + tasks + " tasks");
    }

    /** A variant that hands out its work in one piece per worker. */
    public Variant(String name, Role role, int workers, Callable<Object> body) {
        this(name, role, workers, body, 1);
    }

    /** The serial reference variant. */
    public static Variant serial(String name, Callable<Object> body) {
        return new Variant(name, Role.SERIAL, 1, body);
    }

    /** This variant, handing out {@code tasks} pieces of work per call. */
    public Variant withTasks(long tasks) {
        return new Variant(name, role, workers, body, tasks);
    }

    /** A parallel variant using {@code workers} threads, processes or ranks. */
    public static Variant parallel(String name, int workers, Callable<Object> body) {
        return new Variant(name, Role.PARALLEL, workers, body);
    }

    /**
     * A parallel variant that is overhead-bound by design, handing out {@code tasks} pieces of
     * work per call (1 when the whole call is one dispatch, such as a parallel region).
     */
    public static Variant overheadBound(String name, int workers, long tasks, Callable<Object> body) {
        return new Variant(name, Role.OVERHEAD_BOUND, workers, body, tasks);
    }

    /** A variant shown to teach what goes wrong; excluded from checks and speed-ups. */
    public static Variant wrong(String name, int workers, Callable<Object> body) {
        return new Variant(name, Role.WRONG, workers, body);
    }
}
