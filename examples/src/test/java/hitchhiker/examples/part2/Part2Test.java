package hitchhiker.examples.part2;

import hitchhiker.examples.Catalogue;
import hitchhiker.examples.Example;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Part2Test {

    @Test
    void listsTheWorkshopsExamplesInGuideOrder() {
        assertThat(Part2.examples()).extracting(Example::id)
                .containsExactly("part2.gofast", "part2.prange", "part2.reduceprod", "part2.filter2d");
        assertThat(Catalogue.guide().find("part2.gofast")).isPresent();
    }

    @Test
    void theVectorApiIsPresentWhenTheJvmIsStartedWithItsModule() {
        // The build starts tests with --add-modules=jdk.incubator.vector, as the launcher does.
        assertThat(VectorSupport.present()).isTrue();
    }

    @Test
    void everyExampleHasQuickValuesNoLargerThanItsDefaults() {
        for (Example e : Part2.examples()) {
            e.params().forEach(p -> assertThat((Long) p.quickValue()).as(e.id() + " " + p.name())
                    .isLessThanOrEqualTo((Long) p.defaultValue()));
        }
    }
}
