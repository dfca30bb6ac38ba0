package hitchhiker.examples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Result maps whose keys keep the order they were given in, so JSON and tables read top-down. */
public final class Ordered {

    private Ordered() {
    }

    /** A map of alternating keys and values, in that order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("a key without a value");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
