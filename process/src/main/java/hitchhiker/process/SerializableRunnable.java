package hitchhiker.process;

import java.io.Serializable;

/**
 * An action that can be sent to another JVM (a {@link JvmProcess} target or a pool initializer):
 * a serializable lambda or method reference that may throw.
 */
@FunctionalInterface
public interface SerializableRunnable extends Serializable {

    /** Runs the action. */
    void run() throws Exception;
}
