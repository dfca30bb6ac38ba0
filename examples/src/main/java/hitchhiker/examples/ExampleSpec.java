package hitchhiker.examples;

import java.util.List;
import java.util.Objects;

/**
 * An example described to the harness: its id, title, the workshop cell it mirrors, its parameters
 * and a setup that, for chosen values, opens what the variants need and names the variants, the
 * result and the check. The lesson itself is plain static methods of the example's class; the
 * setup only calls them.
 *
 * @param id      the id users type, {@code partN.name}
 * @param title   a one-line title
 * @param mirrors the workshop notebook cell or script the example mirrors
 * @param params  the parameters a user may set as {@code name=value}
 * @param setup   puts the work together for one set of settings
 */
public record ExampleSpec(String id, String title, String mirrors, List<Param> params, Setup setup)
        implements Example {

    public ExampleSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(mirrors);
        params = List.copyOf(params);
        Objects.requireNonNull(setup);
    }

    /** Puts an example's work together for one set of settings (see {@link Work}). */
    @FunctionalInterface
    public interface Setup {
        void define(Settings settings, Work work) throws Exception;
    }

    @Override
    public Workload prepare(Settings settings) throws Exception {
        return Work.define(settings, setup);
    }
}
