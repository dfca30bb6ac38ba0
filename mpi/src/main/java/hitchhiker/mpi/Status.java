package hitchhiker.mpi;

/**
 * The envelope of a received (or probed) message, as MPI's {@code MPI_Status}.
 *
 * @param source the sender's rank in the communicator (in the remote group for an intercommunicator)
 * @param tag    the message's tag
 * @param bytes  the message's length in bytes
 */
public record Status(int source, int tag, long bytes) {

    /** How many elements of {@code elementBytes} bytes the message holds (MPI_Get_count). */
    public long count(int elementBytes) {
        return bytes / elementBytes;
    }
}
