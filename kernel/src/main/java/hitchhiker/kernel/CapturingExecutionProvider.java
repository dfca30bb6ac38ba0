package hitchhiker.kernel;

import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Gives JShell a {@link CapturingExecutionControl} and keeps it for the kernel. */
final class CapturingExecutionProvider extends LocalExecutionControlProvider {

    private final ClassLoader parent;
    private CapturingExecutionControl control;

    CapturingExecutionProvider(ClassLoader parent) {
        this.parent = parent;
    }

    @Override
    public ExecutionControl createExecutionControl(ExecutionEnv env, Map<String, String> parameters) {
        control = new CapturingExecutionControl(parent);
        return control;
    }

    /** The engine JShell runs snippets in; null until JShell has been built. */
    CapturingExecutionControl control() {
        return control;
    }
}
