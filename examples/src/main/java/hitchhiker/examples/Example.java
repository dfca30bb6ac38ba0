package hitchhiker.examples;

import java.util.List;

/**
 * One runnable example of the guide: a workshop cell rewritten in Java, with its parameters,
 * its variants (serial, parallel, ...) and a check of its result against an independent value.
 *
 * <p>An example is a description; {@link #prepare} turns chosen parameter values into a
 * {@link Workload} that the {@link Harness} times and checks. The guide's examples are described
 * by {@link ExampleSpec} (and, for MPI programs, {@code part4.MpiExample}) records, beside their
 * lesson code.
 */
public interface Example {

    /** The id users type, {@code partN.name}, e.g. {@code part3.julia}. */
    String id();

    /** A one-line title. */
    String title();

    /** The workshop notebook cell or script this example mirrors, e.g. "Part 1, Monte Carlo pi". */
    String mirrors();

    /** The parameters a user may set on the command line as {@code name=value}. */
    List<Param> params();

    /**
     * Builds the work for the given settings: allocates inputs, starts pools or teams.
     * The workload is closed after its variants have run.
     */
    Workload prepare(Settings settings) throws Exception;

    /** The part of the guide (1-4), taken from the id. */
    default int part() {
        return Catalogue.part(id());
    }
}
