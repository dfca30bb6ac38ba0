package hitchhiker.examples;

/**
 * The preset an example's parameters start from before {@code name=value} changes them.
 *
 * <p>The JVM runs the workshop's kernels 12 to 100 times faster than CPython, so at the workshop's
 * own sizes most serial runs take milliseconds and what a parallel variant shows is its start-up
 * and dispatch costs, not its speed. The default sizes give the serial variants about 0.3 to 1 s
 * of work on a two-core machine, the workshop's time scale; the workshop's sizes stay one word away.
 */
public enum Size {
    /** Sized for the JVM: the serial variant does about 0.3–1 s of work (less where the data would not fit in memory). */
    DEFAULT,
    /** The Python workshop's own parameters, for comparing with its notebooks. */
    WORKSHOP,
    /** Small sizes for a quick look (and the test suite). */
    QUICK;

    /** The lower-case name users type: {@code --size workshop}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The preset named {@code word}, or a {@link BadInputException} listing the choices. */
    public static Size of(String word) {
        for (Size s : values()) if (s.word().equalsIgnoreCase(word.trim())) return s;
        throw new BadInputException("--size must be default, workshop or quick, not '" + word + "'");
    }
}
