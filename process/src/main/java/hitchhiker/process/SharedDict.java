package hitchhiker.process;

import java.io.Serial;
import java.util.Map;

/**
 * A dictionary served by a {@link ProcessManager} and usable from any JVM it is passed to, like
 * a Python manager's {@code dict()}. Keys and values travel as task arguments do. Each call is
 * atomic; {@link #addTo} is an atomic read-modify-write for counters.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SharedDict<K, V> extends ManagedProxy {

    @Serial
    private static final long serialVersionUID = 1L;

    SharedDict(ManagedObject handle) {
        super(handle);
    }

    /** The value for {@code key}, or null. */
    public V get(K key) {
        return call(ManagedObject.Op.GET, key);
    }

    /** Sets the value for {@code key}; returns the previous one, or null. */
    public V put(K key, V value) {
        return call(ManagedObject.Op.PUT, key, value);
    }

    /** Removes {@code key}; returns its value, or null. */
    public V remove(K key) {
        return call(ManagedObject.Op.REMOVE, key);
    }

    /** Whether {@code key} has a value. */
    public boolean containsKey(K key) {
        return call(ManagedObject.Op.CONTAINS, key);
    }

    /** Atomically adds {@code delta} to the number at {@code key} (absent: starts from {@code delta}); returns the sum. */
    public V addTo(K key, V delta) {
        return call(ManagedObject.Op.MERGE_ADD, key, delta);
    }

    /** The number of keys. */
    public int size() {
        return call(ManagedObject.Op.SIZE);
    }

    /** Removes every key. */
    public void clear() {
        call(ManagedObject.Op.CLEAR);
    }

    /** A copy of the whole dictionary, in insertion order. */
    public Map<K, V> copy() {
        return call(ManagedObject.Op.COPY);
    }
}
