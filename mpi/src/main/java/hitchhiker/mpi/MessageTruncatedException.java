package hitchhiker.mpi;

/** A message arrived that is longer than the buffer posted for it (MPI_ERR_TRUNCATE). */
public class MessageTruncatedException extends MpiException {

    public MessageTruncatedException(Status status, long capacity) {
        super("message of " + status.bytes() + " bytes from rank " + status.source() + " (tag " + status.tag()
                + ") does not fit the " + capacity + "-byte receive buffer");
    }
}
