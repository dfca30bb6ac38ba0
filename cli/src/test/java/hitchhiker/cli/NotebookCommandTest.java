package hitchhiker.cli;

import hitchhiker.examples.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookCommandTest {

    @Test
    @Timeout(120)
    void withoutJupyterItSaysHowToGetItInOneLineAndExitsTwo(@TempDir Path empty) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(ShellCommand.JVM_FLAGS);
        command.addAll(List.of("-cp", ShellCommand.classPath(), Hhg.class.getName(), "notebook"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", empty.toString()); // no jupyter anywhere
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n");
        assertThat(p.waitFor()).isEqualTo(Hhg.BAD_INPUT);
        assertThat(out).isEmpty();
        assertThat(err.strip()).isEqualTo("hhg: " + NotebookCommand.MISSING).doesNotContain("\tat ");
    }

    @Test
    void theKernelSpecStartsTheKernelSubcommandOnTheConnectionFile(@TempDir Path dir) throws Exception {
        KernelSpec spec = KernelSpec.forLauncher(Path.of("/opt/hitchhiker/hhg"));
        Path written = spec.writeTo(dir.resolve(KernelSpec.NAME));
        assertThat(Files.readString(written.resolve("kernel.json"))).isEqualTo(
                "{\"argv\":[\"/opt/hitchhiker/hhg\",\"notebook\",\"kernel\",\"{connection_file}\"],"
                        + "\"display_name\":\"Java 25 (Hitchhiker)\",\"language\":\"java\",\"interrupt_mode\":\"message\",\"env\":{}}\n");
        assertThat(KernelSpec.forThisJvm(Map.of("HHG_SIZE", "quick")).json())
                .contains("\"hitchhiker.cli.Hhg\",\"notebook\",\"kernel\",\"{connection_file}\"]")
                .contains("\"--add-modules=jdk.incubator.vector\"", "\"-XX:+UseParallelGC\"").contains("\"env\":{\"HHG_SIZE\":\"quick\"}");
    }

    @Test
    void commandsStartFromTheChosenPresetUnlessTheyChooseOne() {
        assertThat(NotebookHelpers.arguments("run part1.pi", Size.QUICK)).containsExactly("run", "part1.pi", "--size", "quick");
        assertThat(NotebookHelpers.arguments("./hhg run part1.pi --quick", Size.WORKSHOP)).containsExactly("run", "part1.pi", "--quick");
        assertThat(NotebookHelpers.arguments("run part1.pi", Size.DEFAULT)).containsExactly("run", "part1.pi");
        assertThat(NotebookHelpers.arguments("mpirun -np 2 part4.p2p", Size.QUICK)).containsExactly("mpirun", "-np", "2", "part4.p2p");
    }

    @Test
    @Timeout(120)
    void mpirunReturnsWhatTheRanksPrinted() {
        String printed = NotebookHelpers.mpirun(2, "part4.p2p");
        assertThat(printed).contains("rank 1 received");
    }

    @Test
    void theKernelsStartupIsTheShellsPlusTheNotebookHelpers() {
        String startup = NotebookCommand.Kernel.config().startupScript();
        assertThat(startup).contains(ShellCommand.startupScript()).contains("import java.util.*;")
                .endsWith("import static hitchhiker.cli.NotebookHelpers.*;\n");
    }
}
