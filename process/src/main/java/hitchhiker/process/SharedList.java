package hitchhiker.process;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A list served by a {@link ProcessManager} and usable from any JVM it is passed to, like a
 * Python manager's {@code list()}. Elements travel as task arguments do; each call is atomic.
 *
 * @param <T> the element type
 */
public final class SharedList<T> implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ManagedObject handle;

    SharedList(ManagedObject handle) {
        this.handle = handle;
    }

    /** Appends an element. */
    public void add(T element) {
        handle.call(ManagedObject.Op.APPEND, element);
    }

    /** The element at {@code index}. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) handle.call(ManagedObject.Op.GET_AT, index);
    }

    /** Replaces the element at {@code index}; returns the old one. */
    @SuppressWarnings("unchecked")
    public T set(int index, T element) {
        return (T) handle.call(ManagedObject.Op.SET_AT, index, element);
    }

    /** Removes the element at {@code index}; returns it. */
    @SuppressWarnings("unchecked")
    public T remove(int index) {
        return (T) handle.call(ManagedObject.Op.REMOVE_AT, index);
    }

    /** The number of elements. */
    public int size() {
        return (Integer) handle.call(ManagedObject.Op.SIZE);
    }

    /** Removes every element. */
    public void clear() {
        handle.call(ManagedObject.Op.CLEAR);
    }

    /** A copy of the whole list. */
    @SuppressWarnings("unchecked")
    public List<T> copy() {
        return (List<T>) handle.call(ManagedObject.Op.COPY);
    }
}
