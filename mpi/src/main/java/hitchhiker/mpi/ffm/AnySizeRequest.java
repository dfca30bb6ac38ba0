package hitchhiker.mpi.ffm;

import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Request;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A receive of a message of any length (object messages): a <em>matched</em> probe
 * (MPI_Mprobe / MPI_Improbe) takes the message out of the matching queue and says how long it
 * is, then MPI_Mrecv / MPI_Imrecv receives exactly that message into memory allocated to fit.
 * Unlike a probe followed by a plain receive, no other thread's receive can steal the message in
 * between, and unlike a fixed receive buffer, nothing is ever truncated.
 */
final class AnySizeRequest implements Request {

    private final NativeChannel channel;
    private final int source;
    private final int tag;
    private NativeRequest matched;
    private MemorySegment payload;
    private Status status;

    /** {@code source} and {@code tag} already in MPI's values. */
    AnySizeRequest(NativeChannel channel, int source, int tag) {
        this.channel = channel;
        this.source = source;
        this.tag = tag;
    }

    @Override
    public synchronized Status await() {
        if (status != null) return status;
        if (matched != null) return finish(matched.await());
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.Requests.MPI_Mprobe.invokeExact(source, tag, channel.comm, s.message, s.status), "MPI_Mprobe");
            long bytes = LibMpi.ABI.statusBytes(s.status);
            // A small message lands in scratch memory and moves to the heap: cheaper than native
            // memory of its own, which the GC must track and free.
            boolean small = bytes <= NativeChannel.SMALL_BYTES;
            MemorySegment into = small ? s.small : allocate(bytes);
            try (ByteCount n = ByteCount.of(bytes)) {
                int rc = (int) LibMpi.Requests.MPI_Mrecv.invokeExact(into, n.count, n.type, s.message, s.status);
                if (rc != 0) throw channel.failure(rc, "MPI_Mrecv", s.status, bytes);
            }
            if (small) {  // backed by a long[], so the payload is 8-byte aligned as native memory would be
                payload = MemorySegment.ofArray(new long[(int) ((bytes + 7) / 8)]).asSlice(0, bytes).copyFrom(into.asSlice(0, bytes));
            } else {
                payload = into;
            }
            return finish(channel.status(s.status));
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public synchronized Status test() {
        if (status != null) return status;
        if (matched == null) {
            Scratch s = Scratch.get();
            try {
                LibMpi.check((int) LibMpi.Requests.MPI_Improbe.invokeExact(source, tag, channel.comm, s.flag, s.message, s.status),
                        "MPI_Improbe");
                if (s.flag.get(ValueLayout.JAVA_INT, 0) == 0) return null;
                long bytes = LibMpi.ABI.statusBytes(s.status);
                payload = allocate(bytes);
                try (ByteCount n = ByteCount.of(bytes)) {
                    LibMpi.check((int) LibMpi.Requests.MPI_Imrecv.invokeExact(payload, n.count, n.type, s.message, s.handle), "MPI_Imrecv");
                }
                matched = new NativeRequest(channel, s.handleValue(), payload, null, null, null);
            } catch (Throwable e) {
                throw LibMpi.rethrow(e);
            }
        }
        Status done = matched.test();
        return done == null ? null : finish(done);
    }

    @Override
    public synchronized MemorySegment payload() {
        if (status == null) throw new IllegalStateException("the receive has not completed");
        return payload;
    }

    private Status finish(Status done) {
        status = done;
        return done;
    }

    private static MemorySegment allocate(long bytes) {
        return Arena.ofAuto().allocate(Math.max(bytes, 1), 16).asSlice(0, bytes);
    }
}
