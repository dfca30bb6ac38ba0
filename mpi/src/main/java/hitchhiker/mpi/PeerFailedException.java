package hitchhiker.mpi;

/** A peer process died (or left) while this rank was waiting to exchange a message with it. */
public class PeerFailedException extends MpiException {

    private final int peer;

    public PeerFailedException(int peer, String message) {
        super(message);
        this.peer = peer;
    }

    /** The rank of the failed peer, in the communicator the operation used. */
    public int peer() {
        return peer;
    }
}
