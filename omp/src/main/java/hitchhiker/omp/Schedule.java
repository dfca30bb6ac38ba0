package hitchhiker.omp;

import java.util.Locale;

/**
 * How a worksharing loop divides its iterations among the team, as OpenMP's {@code schedule}
 * clause: {@code static} (one contiguous block per thread), {@code static,c} (chunks of {@code c}
 * dealt round-robin), {@code dynamic,c} (chunks of {@code c} taken first come, first served),
 * {@code guided,c} (shrinking chunks, about remaining/threads, at least {@code c}), {@code auto}
 * (the runtime chooses: here {@code static}) and {@code runtime} (the schedule set by
 * {@link Omp#setSchedule} or the {@code OMP_SCHEDULE} environment variable).
 *
 * @param kind  the kind of schedule
 * @param chunk the chunk size; 0 means the kind's default (a block per thread for static, 1 otherwise)
 */
public record Schedule(Kind kind, int chunk) {

    /** The schedule kinds of OpenMP. */
    public enum Kind { STATIC, DYNAMIC, GUIDED, AUTO, RUNTIME }

    /** One contiguous block per thread: the lowest overhead, the best for even work. */
    public static final Schedule STATIC = new Schedule(Kind.STATIC, 0);
    /** Chunks of one iteration, first come first served: the best balance, the most overhead. */
    public static final Schedule DYNAMIC = new Schedule(Kind.DYNAMIC, 0);
    /** Guided with chunks of at least one iteration. */
    public static final Schedule GUIDED = new Schedule(Kind.GUIDED, 0);
    /** Let the runtime choose. */
    public static final Schedule AUTO = new Schedule(Kind.AUTO, 0);
    /** Use the run-time schedule ({@link Omp#schedule()}). */
    public static final Schedule RUNTIME = new Schedule(Kind.RUNTIME, 0);

    public Schedule {
        if (kind == null) throw new IllegalArgumentException("schedule kind is null");
        if (chunk < 0) throw new IllegalArgumentException("chunk size must be positive, not " + chunk);
        if (chunk > 0 && (kind == Kind.AUTO || kind == Kind.RUNTIME)) {
            throw new IllegalArgumentException("schedule " + kind.name().toLowerCase(Locale.ROOT) + " takes no chunk size");
        }
    }

    /** {@code static,chunk}: chunks dealt round-robin. */
    public static Schedule staticChunks(int chunk) {
        return new Schedule(Kind.STATIC, positive(chunk));
    }

    /** {@code dynamic,chunk}. */
    public static Schedule dynamic(int chunk) {
        return new Schedule(Kind.DYNAMIC, positive(chunk));
    }

    /** {@code guided,chunk}. */
    public static Schedule guided(int chunk) {
        return new Schedule(Kind.GUIDED, positive(chunk));
    }

    /**
     * Parses OpenMP's syntax, as in {@code OMP_SCHEDULE}: {@code kind[,chunk]} with an optional
     * {@code monotonic:} or {@code nonmonotonic:} modifier (accepted and ignored), any case,
     * spaces allowed; also {@code runtime}.
     *
     * @throws IllegalArgumentException for anything else, saying what is allowed
     */
    public static Schedule parse(String text) {
        if (text == null) throw new IllegalArgumentException("schedule is null");
        String s = text.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String modifier = s.substring(0, colon).trim();
            if (!modifier.equals("monotonic") && !modifier.equals("nonmonotonic")) throw bad(text);
            s = s.substring(colon + 1).trim();
        }
        String kindText = s;
        int chunk = 0;
        int comma = s.indexOf(',');
        if (comma >= 0) {
            kindText = s.substring(0, comma).trim();
            try {
                chunk = Integer.parseInt(s.substring(comma + 1).trim());
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            if (chunk < 1) throw bad(text);
        }
        Kind kind = switch (kindText) {
            case "static" -> Kind.STATIC;
            case "dynamic" -> Kind.DYNAMIC;
            case "guided" -> Kind.GUIDED;
            case "auto" -> Kind.AUTO;
            case "runtime" -> Kind.RUNTIME;
            default -> throw bad(text);
        };
        if (chunk > 0 && (kind == Kind.AUTO || kind == Kind.RUNTIME)) throw bad(text);
        return new Schedule(kind, chunk);
    }

    /** The schedule a loop actually uses: {@code runtime} replaced by the run-time schedule, {@code auto} by static. */
    Schedule resolve() {
        return resolve(Omp.schedule());
    }

    /** As {@link #resolve()}, with {@code runtime} meaning the given schedule (a team's snapshot). */
    Schedule resolve(Schedule runtime) {
        return switch (kind) {
            case RUNTIME -> runtime.resolve(STATIC);
            case AUTO -> STATIC;
            default -> this;
        };
    }

    /** OpenMP's spelling, e.g. {@code dynamic,1}; parses back to an equal schedule. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return chunk == 0 ? name : name + "," + chunk;
    }

    private static int positive(int chunk) {
        if (chunk < 1) throw new IllegalArgumentException("chunk size must be at least 1, not " + chunk);
        return chunk;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("bad schedule '" + text
                + "': expected static, static,N, dynamic[,N], guided[,N], auto or runtime (N >= 1)");
    }
}
