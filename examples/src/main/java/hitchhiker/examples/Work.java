package hitchhiker.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A workload put together by an example's {@link ExampleSpec.Setup}: what it opens (pools, shared
 * memory, jobs), its variants in order, its headline result and its check.
 *
 * <p>What was opened is closed with the workload, last opened first, and also when the setup
 * fails halfway, so that no example has to write its own {@code close}.
 */
public final class Work implements Workload {

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Variant> variants = new ArrayList<>();
    private Function<Results, Object> result;
    private Function<Results, Check> check;

    private Work() {
    }

    /** Runs {@code setup} for {@code settings}; the workload must have a variant and a check. */
    public static Work define(Settings settings, ExampleSpec.Setup setup) throws Exception {
        Work work = new Work();
        try {
            setup.define(settings, work);
            if (work.variants.isEmpty() || work.check == null) {
                throw new IllegalStateException("an example's setup must add a variant and a check");
            }
            return work;
        } catch (Exception | Error e) {
            try {
                work.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Keeps {@code resource} open until the workload is closed; returns it. */
    public <T extends AutoCloseable> T open(T resource) {
        opened.add(Objects.requireNonNull(resource));
        return resource;
    }

    /** Adds a variant, timed after those added before it. */
    public Work add(Variant variant) {
        variants.add(Objects.requireNonNull(variant));
        return this;
    }

    /**
     * How the headline result is made from the variants' results (and printed, if the notebook
     * cell prints it); without one, it is the first variant's result.
     */
    public Work result(Function<Results, Object> result) {
        this.result = Objects.requireNonNull(result);
        return this;
    }

    /** How the variants' results are checked against an independent value. */
    public Work check(Function<Results, Check> check) {
        this.check = Objects.requireNonNull(check);
        return this;
    }

    @Override
    public List<Variant> variants() {
        return List.copyOf(variants);
    }

    @Override
    public Object result(Results results) {
        return result != null ? result.apply(results) : results.get(variants.getFirst().name());
    }

    @Override
    public Check check(Results results) {
        return check.apply(results);
    }

    /** Closes what was opened, last first; every one is closed even when one fails, and the first failure is thrown. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        opened.clear();
        if (first != null) throw first;
    }
}
