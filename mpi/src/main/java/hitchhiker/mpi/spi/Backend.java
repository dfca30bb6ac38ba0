package hitchhiker.mpi.spi;

import java.util.Optional;

/**
 * A started message-passing runtime for this process (the state between MPI_Init and
 * MPI_Finalize): its world, self and parent channels.
 */
public interface Backend {

    /** A short name: "embedded", "singleton", "native". */
    String name();

    /**
     * The channels a backend has from its start: every process started together (MPI_COMM_WORLD),
     * this process alone (MPI_COMM_SELF), and the intercommunicator to the processes that spawned
     * this one, if it was spawned.
     */
    record Channels(Channel world, Channel self, Optional<Channel> parent) {
    }

    /** The world, self and parent channels. */
    Channels channels();

    /** Every process started together (MPI_COMM_WORLD). */
    default Channel world() {
        return channels().world();
    }

    /** This process alone (MPI_COMM_SELF). */
    default Channel self() {
        return channels().self();
    }

    /** The intercommunicator to the processes that spawned this one, if it was spawned. */
    default Optional<Channel> parent() {
        return channels().parent();
    }

    /** The name of the machine this process runs on (MPI_Get_processor_name). */
    String processorName();

    /** Ends message passing for this process after pending sends have been delivered (MPI_Finalize). */
    void finish();

    /**
     * Records that this process's program failed, before it exits: {@code ownFault} when the
     * program itself threw, not when it gave up on a peer that had failed or left. The embedded
     * transport tells its peers and its launcher (which names the rank whose fault it was); the
     * native one leaves that to {@code mpirun}.
     */
    default void failed(boolean ownFault) {
    }

    /** Ends the whole job at once with this exit code (MPI_Abort). */
    void abort(int exitCode);
}
