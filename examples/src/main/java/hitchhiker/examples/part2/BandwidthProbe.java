package hitchhiker.examples.part2;

/**
 * The physical limit of a memory-bound loop: how fast all cores can read one large array and
 * write another, 8 bytes in and 8 bytes out per element — a STREAM "copy".
 *
 * <p>It copies the bits of a {@code long[]} into a {@code double[]} with ordinary stores, so it
 * moves exactly the bytes {@code go_fast}'s broadcast add moves, through the very arrays it uses
 * (already touched, so no page faults), and pays the same write-allocate traffic as any loop that
 * stores with plain instructions. The add itself is free next to the memory traffic; what is left
 * between {@code go_fast} and this probe is overhead of the loop or its parallelisation.
 */
public final class BandwidthProbe {

    private BandwidthProbe() {
    }

    /** Copies {@code src} into {@code dst} (bit for bit) with every thread of {@code pool}. */
    public static void copy(long[] src, double[] dst, StreamPool pool) {
        if (src.length != dst.length) throw new IllegalArgumentException("arrays differ in length: " + src.length + " and " + dst.length);
        pool.forEachBlock(src.length, GoFastKernels.MIN_BLOCK, // split as go_fast splits its loop
                 (from, to) -> copy(src, dst, from, to));
    }

    /** Copies the block {@code [from, to)}. */
    static void copy(long[] src, double[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = Double.longBitsToDouble(src[i]);
        }
    }

    /** Bytes moved by one copy of {@code elements} 8-byte elements: each read once and written once. */
    public static long bytesMoved(long elements) {
        return 16 * elements;
    }
}
