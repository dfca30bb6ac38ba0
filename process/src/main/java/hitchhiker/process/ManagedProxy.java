package hitchhiker.process;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the objects a {@link ProcessManager} serves have in common: the handle of the served
 * object, passed to other JVMs with them, and a call to it that returns what the caller expects.
 */
abstract sealed class ManagedProxy implements Serializable permits SharedDict, SharedList, SharedNamespace {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ManagedObject handle;

    ManagedProxy(ManagedObject handle) {
        this.handle = handle;
    }

    /** Runs {@code op} on the served object; its result is of the type the caller expects. */
    @SuppressWarnings("unchecked")
    final <R> R call(ManagedObject.Op op, Object... args) {
        return (R) handle.call(op, args);
    }
}
