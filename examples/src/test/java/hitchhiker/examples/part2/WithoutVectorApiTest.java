package hitchhiker.examples.part2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Without jdk.incubator.vector the examples run their scalar variants and say so in one line. */
@Timeout(60)
class WithoutVectorApiTest {

    @Test
    void examplesFallBackToScalarVariantsWithOneLineSayingSo() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), WithoutVectorApiMain.class.getName()))
                .redirectErrorStream(true).start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(50, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("vector=false")
                    .contains("part2.gofast passed=true").contains("variants=[serial, parallel]")
                    .contains("part2.filter2d passed=true");
            assertThat(output.lines().filter(VectorSupport.MISSING_NOTE::equals)).hasSize(2);
        } finally {
            child.destroyForcibly();
        }
    }
}
