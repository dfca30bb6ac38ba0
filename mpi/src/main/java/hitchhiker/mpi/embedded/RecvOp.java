package hitchhiker.mpi.embedded;

import hitchhiker.mpi.Status;
import hitchhiker.mpi.spi.Channel;

import java.lang.foreign.MemorySegment;

/** A posted receive: into a caller's buffer, or (any size) into memory allocated on arrival. */
final class RecvOp extends EmbeddedOp {

    final int context, source, tag; // source is a participant, or -1 for any
    final MemorySegment buffer;      // null for a receive of any size
    MemorySegment payload;

    RecvOp(Engine engine, Endpoint endpoint, ChannelView view, int context, int source, int tag, MemorySegment buffer) {
        super(engine, endpoint, view);
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.buffer = buffer;
    }

    boolean matches(int msgContext, int msgSource, int msgTag) {
        return msgContext == context && (source < 0 || source == msgSource) && (tag == Channel.ANY_TAG || tag == msgTag);
    }

    Status statusFor(int msgSource, int msgTag, long length) {
        return new Status(view.rankOf(msgSource), msgTag, length);
    }

    @Override
    public MemorySegment payload() {
        if (buffer != null) throw new UnsupportedOperationException("only a receive of any size has a payload");
        await();
        return payload == null ? MemorySegment.NULL : payload;  // null after a cancel
    }

    @Override
    int peer() {
        return source;
    }

    @Override
    String describe() {
        return "receive from " + (source < 0 ? "any rank" : "rank " + view.rankOf(source))
                + (tag == Channel.ANY_TAG ? " (any tag)" : " (tag " + tag + ")");
    }

    @Override
    void withdraw() {
        endpoint.posted.remove(this);
    }

    @Override
    boolean untouched() {
        return endpoint.posted.contains(this);
    }
}
