package hitchhiker.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Test helpers that look at processes from outside. */
final class Processes {

    private Processes() {
    }

    /** Starts {@code main} in a new JVM with this JVM's class path and flags, as a worker would be. */
    static Process startJvm(Class<?> main) throws IOException {
        List<String> cmd = JvmCommand.create().options(JvmCommand.CHILD_FLAGS)
                .options(JvmCommand.toolkitFlagsInEffect()).main(main, List.of());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Whether the process runs; a zombie (dead, not yet reaped) does not. */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Waits until none of the processes runs; returns how long that took, or null after {@code limit}. */
    static Duration awaitAllGone(Collection<Long> pids, Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < limit.toNanos()) {
            if (pids.stream().noneMatch(Processes::isRunning)) return Duration.ofNanos(System.nanoTime() - t0);
            Thread.sleep(10);
        }
        return null;
    }

    /** Waits for a shared value to become non-zero. */
    static long awaitNonZero(SharedLong value, Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (value.get() == 0) {
            if (System.nanoTime() - t0 > limit.toNanos()) throw new AssertionError("value still 0 after " + limit);
            Thread.sleep(5);
        }
        return value.get();
    }
}
