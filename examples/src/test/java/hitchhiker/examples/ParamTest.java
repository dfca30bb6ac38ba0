package hitchhiker.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamTest {

    @Test
    void integerAcceptsUnderscoresAndChecksItsRange() {
        Param p = Param.integer("samples", 10_000_000, 1, 1_000_000_000, "darts").quick(100_000L);
        assertThat(p.parse("10_000")).isEqualTo(10_000L);
        assertThat(p.quickValue()).isEqualTo(100_000L);
        assertThatThrownBy(() -> p.parse("0")).isInstanceOf(BadInputException.class)
                .hasMessage("parameter 'samples': '0' is not allowed (a whole number from 1 to 1000000000)");
        assertThatThrownBy(() -> p.parse("1e3")).isInstanceOf(BadInputException.class);
    }

    @Test
    void choiceIgnoresCaseAndReturnsTheCanonicalWord() {
        Param p = Param.choice("range", "B", List.of("A", "B", "C"), "which range");
        assertThat(p.parse("c")).isEqualTo("C");
        assertThatThrownBy(() -> p.parse("Z")).hasMessageContaining("one of A, B, C");
    }

    @Test
    void realRejectsNaN() {
        Param p = Param.real("bound", 1.5, 0.1, 10, "half width");
        assertThat(p.parse("2.5")).isEqualTo(2.5);
        assertThatThrownBy(() -> p.parse("NaN")).isInstanceOf(BadInputException.class);
    }

    @Test
    void catalogueSuggestsCloseIds() {
        Catalogue c = new Catalogue(List.of());
        assertThatThrownBy(() -> c.get("part1.pi")).hasMessage("unknown example 'part1.pi' (hhg list)");
        assertThat(Catalogue.distance("kitten", "sitting")).isEqualTo(3);
    }
}
