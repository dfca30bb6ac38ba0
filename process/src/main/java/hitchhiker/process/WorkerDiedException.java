package hitchhiker.process;

import java.io.Serial;

/**
 * The worker JVM running a task died (it called {@code System.exit}, was killed, or crashed)
 * before the task finished. Only that task fails; the pool starts a replacement worker.
 */
public final class WorkerDiedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    WorkerDiedException(String worker, int exitStatus) {
        super(worker + " died with exit status " + exitStatus + describe(exitStatus) + " while running this task");
        this.exitStatus = exitStatus;
    }

    /** The worker's exit status; 128 + n when it was killed by signal n (137: kill -9). */
    public int exitStatus() {
        return exitStatus;
    }

    static String describe(int status) {
        return switch (status) {
            case 137 -> " (killed by SIGKILL)";
            case 143 -> " (killed by SIGTERM)";
            case 134 -> " (aborted, SIGABRT)";
            case 139 -> " (crashed, SIGSEGV)";
            default -> status > 128 && status < 160 ? " (killed by signal " + (status - 128) + ")" : "";
        };
    }
}
