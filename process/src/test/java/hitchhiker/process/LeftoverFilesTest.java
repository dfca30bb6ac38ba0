package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of a JVM that owns shared files: what it leaves is removed by the next start or a clean-up. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LeftoverFilesTest {

    /** Starts a {@link LeftoverOwner}, checks its files exist, kills it with SIGKILL; returns its directory. */
    static Path killedOwnersDirectory() throws Exception {
        Process owner = Processes.startJvm(LeftoverOwner.class);
        try {
            Path dir = Path.of(new BufferedReader(new InputStreamReader(owner.getInputStream())).readLine().trim());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.count()).as("files in %s", dir).isGreaterThanOrEqualTo(2);
            }
            owner.destroyForcibly(); // SIGKILL: no shutdown hooks run
            owner.waitFor();
            assertThat(dir).as("left behind by kill -9").exists();
            return dir;
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void cleanLeftoversRemovesTheDirectoryOfAKilledOwnerAndNotOurs() throws Exception {
        Path dead = killedOwnersDirectory();
        try (SharedInt mine = new SharedInt(1)) {
            assertThat(RuntimeFiles.cleanLeftovers()).contains(dead).doesNotContain(RuntimeFiles.ownDirectory());
            assertThat(dead).doesNotExist();
            assertThat(RuntimeFiles.ownDirectory()).exists();
            assertThat(mine.get()).isEqualTo(1);
        }
    }

    @Test
    void theNextJvmThatSharesMemoryRemovesWhatAKilledOwnerLeft() throws Exception {
        Path dead = killedOwnersDirectory();
        JvmProcess next = new JvmProcess(() -> {
            try (SharedInt fresh = new SharedInt(0)) {
                fresh.set(1);
            }
        }).start();
        assertThat(next.join(Duration.ofSeconds(90))).isTrue();
        assertThat(next.exitCode()).hasValue(0);
        assertThat(dead).doesNotExist();
    }

    @Test
    void aNormalExitRemovesTheOwnersDirectory() throws Exception {
        try (SharedLong dir = new SharedLong(0)) {
            // The child records that its directory existed; after it exits the directory is gone.
            JvmProcess child = new JvmProcess(() -> {
                SharedInt unclosed = new SharedInt(7);
                dir.set(Files.exists(RuntimeFiles.ownDirectory()) ? ProcessHandle.current().pid() : -1);
                unclosed.get();
            }).start();
            assertThat(child.join(Duration.ofSeconds(90))).isTrue();
            long pid = dir.get();
            assertThat(pid).isPositive();
            try (Stream<Path> left = Files.list(RuntimeFiles.base())) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hhg-" + pid + "-"));
            }
        }
    }
}
