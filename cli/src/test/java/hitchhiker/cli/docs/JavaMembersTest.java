package hitchhiker.cli.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaMembersTest {

    static final String SOURCE = """
            package demo;

            import java.util.List;

            /** A demo class. */
            public final class Demo {

                /** How many. */
                static final int COUNT = 3;

                private final String name;

                Demo(String name) {
                    this.name = name;
                }

                /**
                 * Adds one; braces in strings "}}" and chars '}' do not end it.
                 */
                @Deprecated
                static int next(int x) {
                    String s = "}";
                    char c = '{';
                    String block = \"""
                        } still text {
                        \""";
                    Runnable r = () -> { };
                    return x + 1; // }
                }

                static long next(long x) {
                    return x + 1;
                }

                // Why the record is here.
                record Point(double x, double y) {
                    double norm() {
                        return Math.hypot(x, y);
                    }
                }

                static final class Inner {
                    static int next(String s) {
                        return s.length();
                    }
                }
            }
            """;

    @Test
    void methodComesWithItsJavadocAndAnnotationsThroughItsClosingBrace() {
        String text = JavaMembers.extract(SOURCE, "Demo.java", "Demo.next(int)");
        assertThat(text).startsWith("/**\n * Adds one;").contains("@Deprecated\nstatic int next(int x) {")
                .contains("} still text {").endsWith("    return x + 1; // }\n}");
    }

    @Test
    void overloadsAreAmbiguousUntilTheParameterTypesAreGiven() {
        assertThatThrownBy(() -> JavaMembers.extract(SOURCE, "Demo.java", "next"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("Demo.next(int)")
                .hasMessageContaining("Demo.next(long)").hasMessageContaining("Demo.Inner.next(String)");
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "next(long)"))
                .isEqualTo("static long next(long x) {\n    return x + 1;\n}");
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "Inner.next")).startsWith("static int next(String s)");
    }

    @Test
    void nestedRecordKeepsTheLineCommentAboveIt() {
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "Point")).isEqualTo("""
                // Why the record is here.
                record Point(double x, double y) {
                    double norm() {
                        return Math.hypot(x, y);
                    }
                }""");
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "Point.norm"))
                .isEqualTo("double norm() {\n    return Math.hypot(x, y);\n}");
    }

    @Test
    void fieldsConstructorsAndWholeClasses() {
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "COUNT")).isEqualTo("/** How many. */\nstatic final int COUNT = 3;");
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "Demo(String)"))
                .isEqualTo("Demo(String name) {\n    this.name = name;\n}");
        assertThat(JavaMembers.extract(SOURCE, "Demo.java", "Demo")).startsWith("/** A demo class. */\npublic final class Demo {")
                .endsWith("    }\n}");
    }

    @Test
    void missingMemberAndUnparsableFileAreClearErrors() {
        assertThatThrownBy(() -> JavaMembers.extract(SOURCE, "Demo.java", "escapeTime"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no member 'escapeTime' in Demo.java");
        assertThatThrownBy(() -> JavaMembers.extract("class Broken { void f( }", "Broken.java", "f"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Broken.java:1: does not parse");
    }
}
