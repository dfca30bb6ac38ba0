package hitchhiker.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code name=value} words against an example's parameters: for {@code hhg run} and
 * {@code hhg exec}, the shell's {@code run(...)} and the arguments of a part 4 rank program.
 */
public final class Assignments {

    private Assignments() {
    }

    /** The parsed values, by parameter name; throws {@link BadInputException} naming the bad word. */
    public static Map<String, Object> parse(Example example, List<String> words) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("expected name=value, got '" + word + "' (parameters of "
                        + example.id() + ": " + names(example) + ")");
            }
            String name = word.substring(0, eq).trim();
            Param param = example.params().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new BadInputException("unknown parameter '" + name + "' for " + example.id()
                            + " (allowed: " + names(example) + ")"));
            values.put(name, param.parse(word.substring(eq + 1)));
        }
        return values;
    }

    /** Every parameter's value: its default, unless {@code words} assign it. */
    public static Map<String, Object> withDefaults(Example example, List<String> words) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : example.params()) values.put(p.name(), p.defaultValue());
        values.putAll(parse(example, words));
        return values;
    }

    private static String names(Example example) {
        return example.params().isEmpty() ? "none"
                : String.join(", ", example.params().stream().map(Param::name).toList());
    }
}
