package hitchhiker.cli;

import hitchhiker.process.RuntimeFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hhg doctor --clean}: removes what JVMs that are no longer running left in the shared-memory folder. */
class DoctorCleanTest {

    @Test
    void removesTheDirectoryOfAnOwnerThatIsNoLongerRunning() throws Exception {
        // A directory named for a process that cannot exist (pid above Linux's maximum).
        Path leftover = RuntimeFiles.base().resolve("hhg-99999999-1");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("shared-0.bin"), "x");
        assertThat(DoctorCommand.leftovers().status()).isEqualTo(DoctorCommand.Status.WARN);
        var out = new ByteArrayOutputStream();
        int code = Hhg.execute(FakeExamples.catalogue(), new String[]{"doctor", "--clean"},
                new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("removed " + leftover).contains("leftover");
        assertThat(leftover).doesNotExist();
        assertThat(DoctorCommand.leftovers().what()).doesNotContain("99999999");
    }
}
