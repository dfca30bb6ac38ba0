package hitchhiker.examples;

import java.util.concurrent.Callable;

/**
 * One way of computing an example's result, e.g. "serial" or "parallel, dynamic,1".
 *
 * @param name    short name, unique in its example, used in tables and JSON
 * @param role    how the variant counts in checks and speed-ups
 * @param workers how many threads, processes or ranks it uses (1 for serial)
 * @param body    computes the result; called once per timed run
 */
public record Variant(String name, Role role, int workers, Callable<Object> body) {

    /** How a variant takes part in checks and speed-ups. */
    public enum Role {
        /** The reference: speed-ups are measured against it. */
        SERIAL,
        /** A parallel variant: checked, timed, compared with the serial one. */
        PARALLEL,
        /** Deliberately wrong (e.g. a data race): timed and shown, never checked or compared. */
        WRONG
    }

    public Variant {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("variant name is empty");
        if (workers < 1) throw new IllegalArgumentException("variant '" + name + "' has " + workers + " workers");
    }

    /** The serial reference variant. */
    public static Variant serial(String name, Callable<Object> body) {
        return new Variant(name, Role.SERIAL, 1, body);
    }

    /** A parallel variant using {@code workers} threads, processes or ranks. */
    public static Variant parallel(String name, int workers, Callable<Object> body) {
        return new Variant(name, Role.PARALLEL, workers, body);
    }

    /** A variant shown to teach what goes wrong; excluded from checks and speed-ups. */
    public static Variant wrong(String name, int workers, Callable<Object> body) {
        return new Variant(name, Role.WRONG, workers, body);
    }
}
