package hitchhiker.mpi.ffm;

import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An {@code MPI_Request} from MPI_Isend, MPI_Irecv or MPI_Imrecv. It keeps the native memory MPI
 * reads or writes reachable until completion and, for a receive into a heap segment (which MPI
 * may not touch after the call returns), copies the staged bytes there on completion.
 * Completion is recorded once; later calls return the same status or throw the same exception.
 */
final class NativeRequest implements Request {

    private final NativeChannel channel;
    private MemorySegment buffer;
    private MemorySegment pooled;
    private final MemorySegment copyTo;
    private final Status sendStatus;
    private long handle;
    private Status status;
    private RuntimeException failure;

    /**
     * @param buffer     the native memory the operation uses (kept alive until completion)
     * @param pooled     the {@link NativeBuffers} buffer that {@code buffer} lies in, given back on
     *                   completion; null when the memory is the caller's
     * @param copyTo     for a staged receive, where the received bytes go; else null
     * @param sendStatus for a send, the status it completes with; null for a receive
     */
    NativeRequest(NativeChannel channel, long handle, MemorySegment buffer, MemorySegment pooled, MemorySegment copyTo,
                  Status sendStatus) {
        this.channel = channel;
        this.handle = handle;
        this.buffer = buffer;
        this.pooled = pooled;
        this.copyTo = copyTo;
        this.sendStatus = sendStatus;
    }

    @Override
    public synchronized Status await() {
        if (handle == LibMpi.REQUEST_NULL) return outcome();
        Scratch s = Scratch.get();
        return complete(s.await(handle), s.status, "MPI_Wait");
    }

    @Override
    public synchronized Status test() {
        if (handle == LibMpi.REQUEST_NULL) return outcome();
        Scratch s = Scratch.get();
        int rc = s.test(handle);
        if (rc == 0 && !s.flagSet()) return null;
        return complete(rc, s.status, "MPI_Test");
    }

    @Override
    public synchronized boolean cancel() {
        if (handle == LibMpi.REQUEST_NULL) return false;
        Scratch s = Scratch.get();
        int rc = s.cancel(handle);
        if (rc == 0 && s.flagSet()) {
            handle = LibMpi.REQUEST_NULL;
            status = EMPTY;
            if (pooled != null) NativeBuffers.give(pooled);
            pooled = null;
            buffer = null;
            return true;
        }
        complete(rc, s.status, "MPI_Wait");
        return false;
    }

    private Status complete(int rc, MemorySegment mpiStatus, String function) {
        handle = LibMpi.REQUEST_NULL;
        if (rc != 0) {
            failure = channel.failure(rc, function, mpiStatus, buffer.byteSize());
        } else if (sendStatus != null) {
            status = sendStatus;
        } else {
            status = channel.status(mpiStatus);
            if (copyTo != null) MemorySegment.copy(buffer, 0, copyTo, 0, status.bytes());
        }
        if (pooled != null) NativeBuffers.give(pooled);
        pooled = null;
        buffer = null;
        return outcome();
    }

    private Status outcome() {
        if (failure != null) throw failure;
        return status;
    }
}
