package hitchhiker.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void escapesStringsAndWritesNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"q\" \\ \n\t\u0001");
        m.put("n", List.of(1, 2.5, true));
        m.put("nan", Double.NaN);
        m.put("arr", new long[] {3, 4});
        m.put("nil", null);
        assertThat(Json.write(m)).isEqualTo(
                "{\"s\":\"a \\\"q\\\" \\\\ \\n\\t\\u0001\",\"n\":[1,2.5,true],\"nan\":null,\"arr\":[3,4],\"nil\":null}");
    }
}
