package hitchhiker.mpi;

/**
 * A nonblocking object receive ({@link Comm#irecv}): the message is taken whole, whatever its
 * length, so it is never truncated; {@link #value()} waits for it and deserializes it once.
 *
 * @param <T> the type the receiver expects
 */
public final class ReceiveRequest<T> extends Request {

    private boolean decoded;
    private T value;

    ReceiveRequest(hitchhiker.mpi.spi.Request raw) {
        super(raw);
    }

    /** Waits for the message and returns the object it carries. */
    public synchronized T value() {
        if (!decoded) {
            waitFor();
            value = Serial.deserialize(raw.payload());
            decoded = true;
        }
        return value;
    }
}
