package hitchhiker.examples.part2;

import java.util.concurrent.ForkJoinPool;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;

/**
 * A dedicated {@link ForkJoinPool} in which this part's parallel streams run, with a chosen
 * number of threads, and the block-splitting every data-parallel loop of this part uses.
 *
 * <p>Why not the common pool: a parallel stream started from an ordinary thread runs in
 * {@link ForkJoinPool#commonPool()}, whose parallelism is the number of cores minus one (the
 * caller is expected to help) — on a 2-core machine that is 1, and a parallel stream measured no
 * faster than a serial loop. A stream pipeline started from inside a task of another pool runs in
 * that pool instead (its tasks fork into the pool they run in), so submitting the pipeline here
 * gives it exactly {@code --threads} workers, independent of the machine-wide setting
 * {@code java.util.concurrent.ForkJoinPool.common.parallelism}.
 *
 * <p>Loops are split into contiguous blocks: several per thread, so a thread slowed down by
 * another process on a shared machine leaves its remaining blocks to the others (work stealing),
 * yet each block is long enough that the cost of a task is negligible next to its loop.
 */
public final class StreamPool implements AutoCloseable {

    /** Blocks per thread: enough for work stealing to even out an interrupted thread. */
    private static final int BLOCKS_PER_THREAD = 8;

    private final ForkJoinPool pool;
    private final int threads;

    /** A pool of {@code threads} worker threads. */
    public StreamPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        this.threads = threads;
        this.pool = new ForkJoinPool(threads);
    }

    /** How many worker threads run the streams. */
    public int threads() {
        return threads;
    }

    /** The body of a loop over the block {@code [from, to)}. */
    @FunctionalInterface
    public interface Block {
        void run(int from, int to);
    }

    /** A block's share of a reduction over {@code [from, to)}. */
    @FunctionalInterface
    public interface BlockResult<T> {
        T compute(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, length)} in blocks of at least {@code minBlock} indices,
     * as a parallel stream in this pool; returns when every block is done, or rethrows the first
     * failure.
     */
    public void forEachBlock(int length, int minBlock, Block body) {
        int blocks = blockCount(length, minBlock);
        run(() -> {
            IntStream.range(0, blocks).parallel().forEach(b -> body.run(start(b, blocks, length), start(b + 1, blocks, length)));
            return null;
        });
    }

    /**
     * Reduces {@code [0, length)}: each block computes its partial result, and partial results
     * are combined with {@code combine} (which must be associative) in block order — the shape
     * of Numba's {@code prange} reduction.
     */
    public <T> T reduceBlocks(int length, int minBlock, BlockResult<T> part, BinaryOperator<T> combine) {
        int blocks = blockCount(length, minBlock);
        return run(() -> IntStream.range(0, blocks).parallel()
                .mapToObj(b -> part.compute(start(b, blocks, length), start(b + 1, blocks, length)))
                .reduce(combine).orElseGet(() -> part.compute(0, 0)));
    }

    /** How many blocks a loop of {@code length} is split into: at least 1, at most 8 per thread. */
    int blockCount(int length, int minBlock) {
        if (length < 0) throw new IllegalArgumentException("negative loop length " + length);
        long byMinimum = Math.max(1, length / Math.max(1, minBlock));
        return (int) Math.min(byMinimum, (long) threads * BLOCKS_PER_THREAD);
    }

    /** The first index of block {@code b} of {@code blocks} over {@code [0, length)}: sizes differ by at most one. */
    static int start(int b, int blocks, int length) {
        return (int) ((long) length * b / blocks);
    }

    private <T> T run(java.util.concurrent.Callable<T> pipeline) {
        // submit(...).join() keeps the pipeline off the calling thread: a task submitted to a pool
        // is run by its workers, so the stream's subtasks fork into this pool.
        return pool.submit(pipeline).join();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
