package hitchhiker.examples;

/**
 * The verdict on an example's results.
 *
 * @param passed whether every checked variant matched the independent value
 * @param detail one line saying what was compared, e.g. "5411 primes in every variant (expected 5411)"
 */
public record Check(boolean passed, String detail) {

    public static Check pass(String detail) {
        return new Check(true, detail);
    }

    public static Check fail(String detail) {
        return new Check(false, detail);
    }

    /** Passes when {@code ok}, with the same detail either way. */
    public static Check of(boolean ok, String detail) {
        return new Check(ok, detail);
    }

    /**
     * Passes when nothing is wrong: the detail says what was compared, then each of {@code wrong}
     * after a semicolon.
     */
    public static Check unless(java.util.List<String> wrong, String what) {
        StringBuilder detail = new StringBuilder(what);
        for (String w : wrong) detail.append("; ").append(w);
        return new Check(wrong.isEmpty(), detail.toString());
    }
}
