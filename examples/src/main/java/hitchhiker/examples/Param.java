package hitchhiker.examples;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A parameter of an example, set on the command line as {@code name=value}: its default, its
 * value in the workshop's preset and in the smaller {@code --quick} one, and what values are allowed.
 *
 * <p>Values are parsed once, here, so examples read typed values from {@link Settings} and every
 * bad value gets the same kind of one-line message.
 */
public final class Param {

    private final String name;
    private final String description;
    private final Object defaultValue;
    private final Object quickValue;
    private final Object workshopValue;
    private final String allowed;
    private final Function<String, Object> parser;

    private Param(String name, String description, Object defaultValue, Object quickValue, Object workshopValue,
                  String allowed, Function<String, Object> parser) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.quickValue = Objects.requireNonNull(quickValue);
        this.workshopValue = Objects.requireNonNull(workshopValue);
        this.allowed = Objects.requireNonNull(allowed);
        this.parser = Objects.requireNonNull(parser);
    }

    /** A whole number in {@code [min, max]}; underscores are allowed as digit separators (10_000_000). */
    public static Param integer(String name, long defaultValue, long min, long max, String description) {
        String allowed = "a whole number from " + min + " to " + max;
        return new Param(name, description, defaultValue, defaultValue, defaultValue, allowed, raw -> {
            long v;
            try {
                v = Long.parseLong(raw.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new BadInputException(bad(name, raw, allowed));
            }
            if (v < min || v > max) throw new BadInputException(bad(name, raw, allowed));
            return v;
        });
    }

    /** A real number in {@code [min, max]}. */
    public static Param real(String name, double defaultValue, double min, double max, String description) {
        String allowed = "a number from " + min + " to " + max;
        return new Param(name, description, defaultValue, defaultValue, defaultValue, allowed, raw -> {
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new BadInputException(bad(name, raw, allowed));
            }
            if (!(v >= min && v <= max)) throw new BadInputException(bad(name, raw, allowed));
            return v;
        });
    }

    /** One of a fixed list of words, matched without regard to case. */
    public static Param choice(String name, String defaultValue, List<String> choices, String description) {
        String allowed = "one of " + String.join(", ", choices);
        return new Param(name, description, defaultValue, defaultValue, defaultValue, allowed, raw -> choices.stream()
                .filter(c -> c.equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> new BadInputException(bad(name, raw, allowed))));
    }

    /**
     * Free text with its own parser (e.g. an OpenMP schedule "dynamic,1"); the parser throws
     * {@link IllegalArgumentException} for a bad value and returns the parsed value.
     */
    public static Param text(String name, String defaultValue, String allowed, Function<String, Object> parser,
                             String description) {
        Object parsedDefault = parser.apply(defaultValue);
        return new Param(name, description, parsedDefault, parsedDefault, parsedDefault, allowed, raw -> {
            try {
                return parser.apply(raw.trim());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(bad(name, raw, allowed));
            }
        });
    }

    /** The same parameter with a smaller value for {@code --quick} runs. */
    public Param quick(Object value) {
        return new Param(name, description, defaultValue, checked(value), workshopValue, allowed, parser);
    }

    /**
     * The same parameter with the workshop's own value, for {@code --size workshop} runs (the
     * default until this is called); the quick value follows it unless set apart.
     */
    public Param workshop(Object value) {
        Object parsed = checked(value);
        return new Param(name, description, defaultValue, quickValue == workshopValue ? parsed : quickValue, parsed,
                allowed, parser);
    }

    /** The value in the preset {@code size}. */
    public Object value(Size size) {
        return switch (size) {
            case DEFAULT -> defaultValue;
            case WORKSHOP -> workshopValue;
            case QUICK -> quickValue;
        };
    }

    private Object checked(Object value) {
        return parse(value instanceof String s ? s : String.valueOf(normalise(value)));
    }

    /** Parses a value typed by the user, or throws {@link BadInputException} naming the parameter. */
    public Object parse(String raw) {
        return parser.apply(Objects.requireNonNull(raw));
    }

    public String name() { return name; }

    public String description() { return description; }

    public Object defaultValue() { return defaultValue; }

    /** The value used by {@code --quick}; the default unless {@link #quick} set one. */
    public Object quickValue() { return quickValue; }

    /** The value used by {@code --size workshop}: the Python workshop's own. */
    public Object workshopValue() { return workshopValue; }

    /** What values are allowed, in words. */
    public String allowed() { return allowed; }

    private static Object normalise(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Float f -> f.doubleValue();
            default -> value;
        };
    }

    private static String bad(String name, String raw, String allowed) {
        return String.format(Locale.ROOT, "parameter '%s': '%s' is not allowed (%s)", name, raw, allowed);
    }
}
