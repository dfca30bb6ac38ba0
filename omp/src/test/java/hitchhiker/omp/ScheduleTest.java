package hitchhiker.omp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenMP's schedule syntax, as in OMP_SCHEDULE. */
class ScheduleTest {

    @Test
    void parsesOpenMpSyntax() {
        assertThat(Schedule.parse("static")).isEqualTo(Schedule.STATIC);
        assertThat(Schedule.parse(" Dynamic , 4 ")).isEqualTo(Schedule.dynamic(4));
        assertThat(Schedule.parse("nonmonotonic:guided,8")).isEqualTo(Schedule.guided(8));
        assertThat(Schedule.parse("static,1")).isEqualTo(Schedule.staticChunks(1));
        assertThat(Schedule.parse("auto")).isEqualTo(Schedule.AUTO);
        assertThat(Schedule.parse("runtime")).isEqualTo(Schedule.RUNTIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "static,0", "dynamic,-1", "guided,x", "auto,2", "weird:static", "static,1,2"})
    void rejectsWhatOpenMpRejects(String text) {
        assertThatThrownBy(() -> Schedule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad schedule");
    }

    @Property(tries = 50)
    void printsWhatItParses(@ForAll Schedule.Kind kind, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) int chunk) {
        int c = kind == Schedule.Kind.AUTO || kind == Schedule.Kind.RUNTIME ? 0 : chunk;
        Schedule s = new Schedule(kind, c);
        assertThat(Schedule.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void runtimeScheduleIsTheOneSet() {
        Schedule before = Omp.schedule();
        try {
            Omp.setSchedule(Schedule.dynamic(7));
            assertThat(Schedule.RUNTIME.resolve()).isEqualTo(Schedule.dynamic(7));
            assertThat(Schedule.AUTO.resolve()).isEqualTo(Schedule.STATIC);
        } finally {
            Omp.setSchedule(before);
        }
    }
}
