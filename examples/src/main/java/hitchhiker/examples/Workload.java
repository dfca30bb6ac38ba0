package hitchhiker.examples;

import java.util.List;

/**
 * An example prepared for one set of parameters: its variants, and how to judge their results.
 */
public interface Workload extends AutoCloseable {

    /** The variants to time, serial first. */
    List<Variant> variants();

    /**
     * The headline result shown to the user and written to JSON (a number, a string, a list or a
     * map of those), computed from the variants' results.
     */
    Object result(Results results);

    /** Checks every variant's result against an independent value (a known constant or the serial run). */
    Check check(Results results);

    /** Releases what {@link Example#prepare} acquired (pools, teams, files). */
    @Override
    default void close() throws Exception {
    }
}
