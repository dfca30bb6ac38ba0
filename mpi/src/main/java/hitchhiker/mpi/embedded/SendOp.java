package hitchhiker.mpi.embedded;

import hitchhiker.mpi.Status;

import java.lang.foreign.MemorySegment;

/** A message on its way into the ring to one receiver. */
final class SendOp extends EmbeddedOp {

    final int context, tag, dest;
    final MemorySegment data;
    boolean headerWritten;
    long written;

    SendOp(Engine engine, Endpoint endpoint, ChannelView view, int context, int tag, int dest, MemorySegment data) {
        super(engine, endpoint, view);
        this.context = context;
        this.tag = tag;
        this.dest = dest;
        this.data = data;
    }

    void sent() {
        complete(new Status(view.rankOf(dest), tag, data.byteSize()));
    }

    @Override
    int peer() {
        return dest;
    }

    @Override
    String describe() {
        return "send " + data.byteSize() + " bytes to rank " + view.rankOf(dest) + " (tag " + tag + ")";
    }

    @Override
    void withdraw() {
        endpoint.outbox[dest].remove(this);
    }

    @Override
    boolean untouched() {
        return !headerWritten && dest != endpoint.fabric.me() && endpoint.outbox[dest].contains(this);
    }
}
