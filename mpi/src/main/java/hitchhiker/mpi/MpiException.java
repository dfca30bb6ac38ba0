package hitchhiker.mpi;

/**
 * A failure of message passing itself: a peer that died, a message longer than the buffer given
 * for it, a launch that failed. (A caller's mistake, such as a rank out of range, is an
 * {@link IllegalArgumentException} instead.)
 */
public class MpiException extends RuntimeException {

    public MpiException(String message) {
        super(message);
    }

    public MpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
