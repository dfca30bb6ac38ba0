package hitchhiker.mpi;

/**
 * An object received together with its envelope.
 *
 * @param value  the object
 * @param status who sent it, with what tag, how many bytes
 * @param <T>    its type
 */
public record Message<T>(T value, Status status) {
}
