package hitchhiker.process;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * Named attributes served by a {@link ProcessManager} and usable from any JVM it is passed to,
 * like a Python manager's {@code Namespace()}: {@code ns.set("x", 1)} is Python's {@code ns.x = 1}.
 */
public final class SharedNamespace implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ManagedObject handle;

    SharedNamespace(ManagedObject handle) {
        this.handle = handle;
    }

    /** The attribute's value; throws {@link IllegalArgumentException} if it has none (Python's AttributeError). */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        if (!(Boolean) handle.call(ManagedObject.Op.CONTAINS, name)) {
            throw new IllegalArgumentException("the namespace has no attribute '" + name + "'");
        }
        return (T) handle.call(ManagedObject.Op.GET, name);
    }

    /** Sets the attribute. */
    public void set(String name, Object value) {
        handle.call(ManagedObject.Op.PUT, name, value);
    }

    /** Every attribute and its value. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> attributes() {
        return (Map<String, Object>) handle.call(ManagedObject.Op.COPY);
    }
}
