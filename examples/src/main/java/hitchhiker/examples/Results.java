package hitchhiker.examples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last result of each variant that ran, in variant order. */
public final class Results {

    private final List<Variant> variants;
    private final Map<String, Object> byName;

    public Results(List<Variant> variants, Map<String, Object> byName) {
        this.variants = List.copyOf(variants);
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The result of the named variant. */
    public Object get(String variant) {
        if (!byName.containsKey(variant)) throw new IllegalArgumentException("no result for variant '" + variant + "'");
        return byName.get(variant);
    }

    /** The result of the named variant, cast to the type the example knows it has. */
    @SuppressWarnings("unchecked")
    public <T> T get(String variant, Class<T> type) {
        return type.cast(get(variant));
    }

    /** The result of the (first) serial variant. */
    public Object serial() {
        return variants.stream().filter(v -> v.role() == Variant.Role.SERIAL).findFirst()
                .map(v -> get(v.name()))
                .orElseThrow(() -> new IllegalStateException("no serial variant"));
    }

    /** The variants whose results must be checked: every one but the deliberately wrong ones. */
    public List<Variant> checked() {
        return variants.stream().filter(v -> v.role() != Variant.Role.WRONG).toList();
    }

    /**
     * What {@code say} says of each checked variant, given its name and result, in variant order;
     * a null (nothing to say, e.g. the result is right) is left out.
     */
    public List<String> eachChecked(java.util.function.BiFunction<String, Object, String> say) {
        return checked().stream().map(v -> say.apply(v.name(), get(v.name()))).filter(java.util.Objects::nonNull).toList();
    }

    /** All results by variant name, in variant order. */
    public Map<String, Object> all() {
        return byName;
    }
}
