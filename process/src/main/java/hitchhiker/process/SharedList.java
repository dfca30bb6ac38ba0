package hitchhiker.process;

import java.io.Serial;
import java.util.List;

/**
 * A list served by a {@link ProcessManager} and usable from any JVM it is passed to, like a
 * Python manager's {@code list()}. Elements travel as task arguments do; each call is atomic.
 *
 * @param <T> the element type
 */
public final class SharedList<T> extends ManagedProxy {

    @Serial
    private static final long serialVersionUID = 1L;

    SharedList(ManagedObject handle) {
        super(handle);
    }

    /** Appends an element. */
    public void add(T element) {
        call(ManagedObject.Op.APPEND, element);
    }

    /** The element at {@code index}. */
    public T get(int index) {
        return call(ManagedObject.Op.GET_AT, index);
    }

    /** Replaces the element at {@code index}; returns the old one. */
    public T set(int index, T element) {
        return call(ManagedObject.Op.SET_AT, index, element);
    }

    /** Removes the element at {@code index}; returns it. */
    public T remove(int index) {
        return call(ManagedObject.Op.REMOVE_AT, index);
    }

    /** The number of elements. */
    public int size() {
        return call(ManagedObject.Op.SIZE);
    }

    /** Removes every element. */
    public void clear() {
        call(ManagedObject.Op.CLEAR);
    }

    /** A copy of the whole list. */
    public List<T> copy() {
        return call(ManagedObject.Op.COPY);
    }
}
