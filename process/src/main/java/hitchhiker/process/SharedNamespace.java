package hitchhiker.process;

import java.io.Serial;
import java.util.Map;

/**
 * Named attributes served by a {@link ProcessManager} and usable from any JVM it is passed to,
 * like a Python manager's {@code Namespace()}: {@code ns.set("x", 1)} is Python's {@code ns.x = 1}.
 */
public final class SharedNamespace extends ManagedProxy {

    @Serial
    private static final long serialVersionUID = 1L;

    SharedNamespace(ManagedObject handle) {
        super(handle);
    }

    /** The attribute's value; throws {@link IllegalArgumentException} if it has none (Python's AttributeError). */
    public <T> T get(String name) {
        boolean has = call(ManagedObject.Op.CONTAINS, name);
        if (!has) {
            throw new IllegalArgumentException("the namespace has no attribute '" + name + "'");
        }
        return call(ManagedObject.Op.GET, name);
    }

    /** Sets the attribute. */
    public void set(String name, Object value) {
        call(ManagedObject.Op.PUT, name, value);
    }

    /** Every attribute and its value. */
    public Map<String, Object> attributes() {
        return call(ManagedObject.Op.COPY);
    }
}
