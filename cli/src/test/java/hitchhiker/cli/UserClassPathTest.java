package hitchhiker.cli;

import hitchhiker.examples.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's own classes, outside the build, run by hhg exec and hhg mpirun from -cp or CLASSPATH. */
@Timeout(60)
class UserClassPathTest {

    /** Compiles {@code user.Hello} (which prints its arguments and its heap limit) into {@code dir}. */
    static void compileUserClass(Path dir) throws Exception {
        Path source = dir.resolve("src/user/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package user;
                public class Hello {
                    public static void main(String[] a) throws Exception {
                        String line = "user class says " + String.join(" ", a) + ", heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
                        if (a.length > 0 && a[0].startsWith("file=")) java.nio.file.Files.writeString(java.nio.file.Path.of(a[0].substring(5)), line);
                        else System.out.println(line);
                    }
                }
                """);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(), source.toString());
        assertThat(rc).isZero();
    }

    @Test
    void execRunsAClassFromTheClassPathOption(@TempDir Path dir) throws Exception {
        compileUserClass(dir);
        Path out = dir.resolve("out.txt");
        var o = ExecCommandTest.hhg("exec", "-cp", dir.resolve("classes").toString(), "user.Hello", "file=" + out, "--its-own");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Files.readString(out)).startsWith("user class says file=" + out + " --its-own, heap ");
    }

    @Test
    void mpirunRunsAClassFromTheClassPathOptionWithTheRanksJvmFlags(@TempDir Path dir) throws Exception {
        compileUserClass(dir);
        var o = MpirunCommandTest.hhg("mpirun", "-np", "2", "-J-Xmx96m", "-cp", dir.resolve("classes").toString(), "user.Hello", "hi");
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines).hasSize(2).allMatch(l -> l.matches("user class says hi, heap (8\\d|9\\d) MiB"), "a 96 MiB heap");
    }

    @Test
    void theClassPathVariableIsTheDefaultAndMissingEntriesAreBadInput(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/a.jar"), "");
        String variable = dir + ":" + dir.resolve("lib") + "/*";
        assertThat(UserClassPath.of(List.of(), Map.of("CLASSPATH", variable)).entries())
                .containsExactly(dir.toString(), dir.resolve("lib/a.jar").toString());
        assertThat(UserClassPath.of(List.of(dir.toString()), Map.of("CLASSPATH", "/elsewhere")).entries()).containsExactly(dir.toString());
        assertThat(UserClassPath.of(List.of(), Map.of()).entries()).isEmpty();
        assertThat(UserClassPath.of(List.of(), Map.of("CLASSPATH", dir.resolve("nope").toString())).entries()).isEmpty();
        assertThatThrownBy(() -> UserClassPath.of(List.of(dir.resolve("nope").toString()), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessage("class path entry '" + dir.resolve("nope") + "' does not exist");
    }
}
