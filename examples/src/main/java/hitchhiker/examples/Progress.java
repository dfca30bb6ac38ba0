package hitchhiker.examples;

/** Told about every call the {@link Harness} makes, to show progress during long runs. */
@FunctionalInterface
public interface Progress {

    /** Shows nothing. */
    Progress NONE = (variant, warmup, index, seconds) -> { };

    /**
     * One call of a variant has finished.
     *
     * @param variant its name
     * @param warmup  whether the call was an untimed warm-up
     * @param index   its number in its phase, from 1
     * @param seconds how long it took
     */
    void called(String variant, boolean warmup, int index, double seconds);
}
