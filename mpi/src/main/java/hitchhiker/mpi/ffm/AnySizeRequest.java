package hitchhiker.mpi.ffm;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Channel;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A receive of an object message of any length, in the frame format of
 * {@link NativeChannel#sendAnySize}: an MPI_Irecv of one frame is posted when the receive is, so
 * it takes its place in MPI's matching order at once (two receives that match the same messages
 * get them in the order they were posted, and a send to oneself finds its receive). When the
 * frame says the bytes follow as a body, the body's receive is posted on the hidden duplicate,
 * from the frame's sender, with the frame's body tag, into memory allocated to fit — so nothing
 * is ever truncated.
 */
final class AnySizeRequest implements Request {

    private final NativeChannel channel;
    private MemorySegment frame;      // pooled native memory for the frame, until it has been read
    private long handle;              // the frame's request, then the body's
    private boolean inBody;
    private MemorySegment payload;
    private Status status;            // once complete
    private Status bodyStatus;        // what the status will be once the body is in
    private RuntimeException failure;

    private AnySizeRequest(NativeChannel channel, MemorySegment frame, long handle) {
        this.channel = channel;
        this.frame = frame;
        this.handle = handle;
    }

    /** Posts the receive of a frame ({@code source} and {@code tag} already in MPI's values). */
    static AnySizeRequest post(NativeChannel channel, int source, int tag) {
        MemorySegment frame = NativeBuffers.take(NativeChannel.SMALL_BYTES);
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Requests.MPI_Irecv.invokeExact(frame, (int) NativeChannel.SMALL_BYTES, LibMpi.BYTE, source, tag,
                    channel.comm, s.handle), "MPI_Irecv");
        } catch (Throwable e) {
            NativeBuffers.give(frame);
            throw LibMpi.rethrow(e);
        }
        return new AnySizeRequest(channel, frame, s.handleValue());
    }

    /** A blocking receive: the frame lands in scratch memory with one MPI_Recv (the hot path of an object ping-pong). */
    static AnySizeRequest receive(NativeChannel channel, int source, int tag) {
        Scratch s = Scratch.get();
        int rc;
        try {
            rc = (int) LibMpi.MPI_Recv.invokeExact(s.small, (int) NativeChannel.SMALL_BYTES, LibMpi.BYTE, source, tag, channel.comm, s.status);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        if (rc != 0) throw channel.failure(rc, "MPI_Recv", s.status, NativeChannel.SMALL_BYTES);
        AnySizeRequest r = new AnySizeRequest(channel, s.small, LibMpi.REQUEST_NULL);
        r.frameArrived(s.status, false);
        if (r.inBody) r.await();
        return r;
    }

    @Override
    public synchronized Status await() {
        while (status == null && failure == null) {
            Scratch s = Scratch.get();
            completed(s.await(handle), s.status, "MPI_Wait");
        }
        return outcome();
    }

    @Override
    public synchronized Status test() {
        if (status == null && failure == null) {
            Scratch s = Scratch.get();
            int rc = s.test(handle);
            if (rc == 0 && !s.flagSet()) return null;
            completed(rc, s.status, "MPI_Test");
            if (status == null && failure == null) return test();  // a body was posted: it may be there already
        }
        return outcome();
    }

    @Override
    public synchronized boolean cancel() {
        if (status != null || failure != null || inBody || handle == LibMpi.REQUEST_NULL) return false;
        Scratch s = Scratch.get();
        int rc = s.cancel(handle);
        if (rc == 0 && s.flagSet()) {
            handle = LibMpi.REQUEST_NULL;
            status = EMPTY;
            payload = MemorySegment.NULL;
            releaseFrame(true);
            return true;
        }
        completed(rc, s.status, "MPI_Wait");
        if (status == null && failure == null) await();  // the frame said a body follows
        return false;
    }

    @Override
    public synchronized MemorySegment payload() {
        if (status == null) throw new IllegalStateException("the receive has not completed");
        return payload;
    }

    private void completed(int rc, MemorySegment mpiStatus, String function) {
        handle = LibMpi.REQUEST_NULL;
        if (rc != 0) {
            failure = channel.failure(rc, function, mpiStatus, inBody ? bodyStatus.bytes() : NativeChannel.SMALL_BYTES);
            releaseFrame(true);
        } else if (inBody) {
            status = bodyStatus;
        } else {
            frameArrived(mpiStatus, true);
        }
    }

    /** Reads the frame: the payload is inline (done), or its body's receive is posted now. */
    private void frameArrived(MemorySegment mpiStatus, boolean pooled) {
        Status st = channel.status(mpiStatus);
        long bytes = frame.byteSize() >= NativeChannel.FRAME_HEADER ? frame.get(ValueLayout.JAVA_LONG, 8) : -1;
        if (st.bytes() < NativeChannel.FRAME_HEADER || frame.get(ValueLayout.JAVA_INT, 0) != NativeChannel.FRAME_MAGIC) {
            failure = new MpiException("a message of " + st.bytes() + " bytes from rank " + st.source() + " (tag " + st.tag()
                    + ") is not an object message: was it sent as a buffer (sendBuffer) to an object receive (recv)?");
            releaseFrame(pooled);
            return;
        }
        int bodyTag = frame.get(ValueLayout.JAVA_INT, 4);
        Status whole = new Status(st.source(), st.tag(), bytes);
        if (bodyTag < 0) {
            // Backed by a long[], so the payload is 8-byte aligned as native memory would be.
            payload = MemorySegment.ofArray(new long[(int) ((bytes + 7) / 8)]).asSlice(0, bytes)
                    .copyFrom(frame.asSlice(NativeChannel.FRAME_HEADER, bytes));
            status = whole;
            releaseFrame(pooled);
            return;
        }
        releaseFrame(pooled);
        payload = Arena.ofAuto().allocate(Math.max(bytes, 1), 16).asSlice(0, bytes);
        Scratch s = Scratch.get();
        int mpiSource = mpiStatus.get(ValueLayout.JAVA_INT, LibMpi.ABI.statusSourceOffset());
        try (ByteCount n = ByteCount.of(bytes)) {
            LibMpi.check((int) LibMpi.Requests.MPI_Irecv.invokeExact(payload, n.count, n.type, mpiSource, bodyTag,
                    channel.hiddenDuplicate().comm, s.handle), "MPI_Irecv");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        handle = s.handleValue();
        inBody = true;
        bodyStatus = whole;
    }

    private void releaseFrame(boolean pooled) {
        if (pooled && frame != null) NativeBuffers.give(frame);
        frame = null;
    }

    private Status outcome() {
        if (failure != null) throw failure;
        return status;
    }
}
