package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A pool of native buffers for heap data that nonblocking operations and buffered sends stage:
 * allocating (and zeroing) native memory for every message costs more than the message itself
 * when it is small, so buffers come back here when their operation completes. The pool keeps at
 * most {@link #POOL_BYTES}; a buffer it does not keep (or that never comes back) is freed by the GC.
 */
final class NativeBuffers {

    /** Free buffers kept for reuse, up to this many bytes in all. */
    private static final long POOL_BYTES = 64L << 20;

    private static final List<MemorySegment> POOL = new ArrayList<>();
    private static long pooled;

    private NativeBuffers() {
    }

    /** A native buffer of at least {@code bytes} bytes (at most about twice), to hand back with {@link #give}. */
    static MemorySegment take(long bytes) {
        synchronized (POOL) {
            for (Iterator<MemorySegment> it = POOL.iterator(); it.hasNext(); ) {
                MemorySegment m = it.next();
                if (m.byteSize() >= bytes && m.byteSize() <= 2 * Math.max(bytes, 4096)) {
                    it.remove();
                    pooled -= m.byteSize();
                    return m;
                }
            }
        }
        return Arena.ofAuto().allocate(Math.max(bytes, 4096), 64);
    }

    /** Returns a buffer from {@link #take} whose operation has completed. */
    static void give(MemorySegment buffer) {
        synchronized (POOL) {
            if (pooled + buffer.byteSize() > POOL_BYTES) return;
            POOL.add(buffer);
            pooled += buffer.byteSize();
        }
    }
}
