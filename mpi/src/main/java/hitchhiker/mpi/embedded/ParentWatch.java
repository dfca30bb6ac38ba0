package hitchhiker.mpi.embedded;

import java.util.Optional;

/**
 * Ends this process when the one that started it is gone, so a killed launcher (or a killed
 * spawning parent) never leaves orphan ranks behind: a daemon thread looks every 200 ms.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void start(long pid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        Thread t = new Thread(() -> {
            while (true) {
                if (parent.isEmpty() || !parent.get().isAlive()) {
                    System.err.println("hhg mpi: the launching process " + pid + " is gone; rank exits");
                    Runtime.getRuntime().halt(143);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hhg-mpi-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
