package hitchhiker.cli;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void escapesStringsAndWritesNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"q\" \\ \n\t\u0001\b\f/é");
        m.put("n", List.of(1, 2.5, true));
        m.put("nan", Double.NaN);
        m.put("arr", new long[] {3, 4});
        m.put("nil", null);
        assertThat(Json.write(m)).isEqualTo(
                "{\"s\":\"a \\\"q\\\" \\\\ \\n\\t\\u0001\\u0008\\u000c/é\",\"n\":[1,2.5,true],\"nan\":null,\"arr\":[3,4],\"nil\":null}");
    }

    @Test
    void numbersKeepJavasFormsAndNonFiniteOnesBecomeNull() {
        assertThat(Json.write(List.of(1.0E-5, 1.0E20, 0.1, 3.0, Long.MAX_VALUE, Double.POSITIVE_INFINITY, 0.1f)))
                .isEqualTo("[1.0E-5,1.0E20,0.1,3.0,9223372036854775807,null,0.10000000149011612]");
        assertThat(Json.write(new double[] {0.5, Double.NaN})).isEqualTo("[0.5,null]");
        assertThat(Json.write(new int[] {1, 2})).isEqualTo("[1,2]");
    }

    @Test
    void enumsAreTheirNamesInLowerCase() {
        assertThat(Json.write(Map.of("day", DayOfWeek.MONDAY))).isEqualTo("{\"day\":\"monday\"}");
    }

    record Point(int x, double y) {
    }

    @Test
    void recordsAreObjects() {
        assertThat(Json.write(new Point(1, 2.5))).isEqualTo("{\"x\":1,\"y\":2.5}");
    }

    @Test
    void anObjectWithoutAJsonFormFailsRatherThanBecomingAString() {
        assertThatThrownBy(() -> Json.write(List.of(new Object()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write as JSON");
        assertThatThrownBy(() -> Json.write(Optional.of(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
