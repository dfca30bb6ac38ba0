package hitchhiker.mpi.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Ends this process when the one that started it is gone, so a killed launcher (or a killed
 * spawning parent, or a killed {@code hhg} script) never leaves orphans behind: a daemon thread
 * looks every 200 ms.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * A rank: when {@code pid} is gone, removes the launch's shared files (a launcher killed with
     * SIGKILL cannot) and halts at once.
     */
    static void start(long pid, List<Path> leftovers) {
        start(pid, () -> {
            System.err.println("hhg mpi: the launching process " + pid + " is gone; rank exits");
            leftovers.forEach(EmbeddedBackend::deleteQuietly);
            Runtime.getRuntime().halt(143);
        });
    }

    /** Runs {@code onGone} (once, on the watching thread) when process {@code pid} is gone. */
    static void start(long pid, Runnable onGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        Thread t = new Thread(() -> {
            while (parent.isPresent() && parent.get().isAlive()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onGone.run();
        }, "hhg-mpi-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
