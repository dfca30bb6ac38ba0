package hitchhiker.cli.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingsTest {

    @TempDir
    Path root;

    Path page(String text) throws Exception {
        Files.createDirectories(root.resolve("src/demo"));
        Files.writeString(root.resolve("src/demo/Demo.java"), JavaMembersTest.SOURCE);
        Files.createDirectories(root.resolve("docs"));
        return Files.writeString(root.resolve("docs/01-demo.md"), text);
    }

    @Test
    void fillsTheBlockAfterEachDirectiveAndLeavesTheRestAlone() throws Exception {
        Path page = page("""
                # Demo

                <!-- listing: src/demo/Demo.java#next(long) -->
                ```java
                stale text
                ```

                Between.
                <!-- listing: src/demo/Demo.java#Point.norm -->
                The end.
                """);
        Listings listings = new Listings(root);
        assertThat(listings.stale(page)).isTrue();
        assertThat(listings.render(page)).isEqualTo("""
                # Demo

                <!-- listing: src/demo/Demo.java#next(long) -->
                ```java
                static long next(long x) {
                    return x + 1;
                }
                ```

                Between.
                <!-- listing: src/demo/Demo.java#Point.norm -->
                ```java
                double norm() {
                    return Math.hypot(x, y);
                }
                ```
                The end.
                """);
        Files.writeString(page, listings.render(page));
        assertThat(listings.stale(page)).isFalse();
        assertThat(listings.directives(page)).extracting(Listings.Directive::member).containsExactly("next(long)", "Point.norm");
    }

    @Test
    void aMissingMemberOrFileNamesThePageAndLine() throws Exception {
        Path page = page("text\n<!-- listing: src/demo/Demo.java#gone -->\n");
        assertThatThrownBy(() -> new Listings(root).render(page)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("01-demo.md:2: no member 'gone' in src/demo/Demo.java");
        Path other = page("<!-- listing: src/demo/Nope.java#next -->\n");
        assertThatThrownBy(() -> new Listings(root).render(other)).hasMessage("01-demo.md:1: no source file src/demo/Nope.java");
    }

    @Test
    void anUnclosedBlockIsAnError() throws Exception {
        Path page = page("<!-- listing: src/demo/Demo.java#COUNT -->\n```java\nstatic\n");
        assertThatThrownBy(() -> new Listings(root).render(page)).hasMessageContaining("not closed");
    }
}
