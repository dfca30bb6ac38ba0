package hitchhiker.process;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * A dictionary served by a {@link ProcessManager} and usable from any JVM it is passed to, like
 * a Python manager's {@code dict()}. Keys and values travel as task arguments do. Each call is
 * atomic; {@link #addTo} is an atomic read-modify-write for counters.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SharedDict<K, V> implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ManagedObject handle;

    SharedDict(ManagedObject handle) {
        this.handle = handle;
    }

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        return (V) handle.call(ManagedObject.Op.GET, key);
    }

    /** Sets the value for {@code key}; returns the previous one, or null. */
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        return (V) handle.call(ManagedObject.Op.PUT, key, value);
    }

    /** Removes {@code key}; returns its value, or null. */
    @SuppressWarnings("unchecked")
    public V remove(K key) {
        return (V) handle.call(ManagedObject.Op.REMOVE, key);
    }

    /** Whether {@code key} has a value. */
    public boolean containsKey(K key) {
        return (Boolean) handle.call(ManagedObject.Op.CONTAINS, key);
    }

    /** Atomically adds {@code delta} to the number at {@code key} (absent: starts from {@code delta}); returns the sum. */
    @SuppressWarnings("unchecked")
    public V addTo(K key, V delta) {
        return (V) handle.call(ManagedObject.Op.MERGE_ADD, key, delta);
    }

    /** The number of keys. */
    public int size() {
        return (Integer) handle.call(ManagedObject.Op.SIZE);
    }

    /** Removes every key. */
    public void clear() {
        handle.call(ManagedObject.Op.CLEAR);
    }

    /** A copy of the whole dictionary, in insertion order. */
    @SuppressWarnings("unchecked")
    public Map<K, V> copy() {
        return (Map<K, V>) handle.call(ManagedObject.Op.COPY);
    }
}
