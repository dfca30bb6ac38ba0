package hitchhiker.process;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmCommandTest {

    @Test
    void theToolkitFlagsAreTheVectorModuleAndNativeAccess() {
        assertThat(JvmCommand.toolkitFlags())
                .containsExactly("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void theBuildStartsTestsWithTheSameFlags() {
        // The parent POM's hhg.jvm.flags, which surefire passes, must not drift from the list.
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(JvmCommand.toolkitFlags());
        assertThat(JvmCommand.toolkitFlagsInEffect()).isEqualTo(JvmCommand.toolkitFlags());
        // and hhg.driver.flags from the driver's list
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(JvmCommand.driverFlags());
    }

    @Test
    void aDriverRunsTheParallelCollectorAndItsChildrenTheSerialOne() {
        assertThat(JvmCommand.driverFlags()).containsExactly("-XX:+UseParallelGC");
        assertThat(JvmCommand.CHILD_FLAGS).contains("-XX:+UseSerialGC");
    }

    @Test
    void theLauncherReadsTheListRatherThanRepeatingIt() throws Exception {
        String script = Files.readString(Path.of("..", "hhg"));
        assertThat(script).contains("process/src/main/resources/hitchhiker/process/jvm-flags.txt",
                "process/src/main/resources/hitchhiker/process/driver-jvm-flags.txt");
        for (String flag : JvmCommand.toolkitFlags()) assertThat(script).doesNotContain(flag);
        for (String flag : JvmCommand.driverFlags()) assertThat(script).doesNotContain(flag);
    }

    @Test
    void aCommandHasOptionsThenClassPathThenMainAndArguments() {
        List<String> cmd = JvmCommand.create().options(List.of("-Xmx64m")).classPath(List.of("extra.jar"))
                .main("some.Main", List.of("a", "b"));
        assertThat(cmd.getFirst()).endsWith(File.separator + "java");
        assertThat(cmd.subList(1, cmd.size())).containsExactly("-Xmx64m",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + "extra.jar", "some.Main", "a", "b");
    }

    @Test
    void optionsOfThisJvmLeaveAgentsOut() {
        assertThat(JvmCommand.optionsOfThisJvm()).containsAll(JvmCommand.toolkitFlags())
                .noneMatch(o -> o.startsWith("-javaagent:") || o.startsWith("-agentlib:"));
    }

    @Test
    void aChildRunsWithTheFlagsItWasGiven() throws Exception {
        Process p = new ProcessBuilder(JvmCommand.create().options(JvmCommand.toolkitFlags())
                .main(PrintsVectorModule.class, List.of())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(new String(p.getInputStream().readAllBytes()).strip()).isEqualTo("true");
        assertThat(p.waitFor()).isZero();
    }

    /** Prints whether the Vector API module is resolved in its JVM. */
    static final class PrintsVectorModule {
        public static void main(String[] args) {
            System.out.println(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        }
    }
}
