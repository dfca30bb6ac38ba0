package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRange;
import hitchhiker.omp.RangeBodies.IntRangeToDouble;
import hitchhiker.omp.RangeBodies.IntRangeToInt;
import hitchhiker.omp.RangeBodies.IntRangeToLong;
import hitchhiker.omp.RangeBodies.LongRange;
import hitchhiker.omp.RangeBodies.LongRangeToDouble;
import hitchhiker.omp.RangeBodies.LongRangeToInt;
import hitchhiker.omp.RangeBodies.LongRangeToLong;

import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;

/**
 * A {@code parallel} construct with its thread count: {@link #run} a region, or a combined
 * construct ({@code parallel for}, {@code parallel for reduction}) that shares one loop among the
 * team. Got from {@link Omp#parallel()} or {@link Omp#parallel(int)}:
 * <pre>{@code
 * Omp.parallel(2).run(t -> System.out.println(t.threadNum() + " of " + t.numThreads()));
 * Omp.parallel().loop(0, n, Schedule.dynamic(1), (lo, hi) -> { for (int i = lo; i < hi; i++) work(i); });
 * long sum = Omp.parallel().reduce(0, 30, Schedule.STATIC, LongReducer.SUM, i -> i);   // 435
 * }</pre>
 * The calling thread takes part as thread 0; the others come from a pool of persistent teams. A
 * region inside a region runs serially on the calling thread (a team of one). The first exception
 * thrown in the region is rethrown here, with the others suppressed, once every thread has stopped.
 *
 * @param numThreads how many threads run the region (at least 1)
 */
public record Parallel(int numThreads) {

    public Parallel {
        checkThreads(numThreads);
    }

    /** The most threads a region may ask for (OpenMP's thread-limit): each is a platform thread that stays in the pool. */
    public static final int MAX_THREADS = 4096;

    static int checkThreads(int n) {
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("number of threads must be from 1 to " + MAX_THREADS + ", not " + n);
        }
        return n;
    }

    /**
     * Runs the region on every thread of the team and waits for all of them.
     *
     * <p>Memory consistency effects: actions in the calling thread prior to {@code run}
     * <i>happen-before</i> actions of the region in every thread of the team, and those
     * <i>happen-before</i> {@code run} returns (the join). The combined constructs below run
     * through here, so the same holds for their loop bodies.
     */
    public void run(Region region) {
        if (region == null) throw new IllegalArgumentException("region is null");
        if (numThreads == 1 || Team.CURRENT.get() != null) {
            Team.serial().run(region, 1);
            return;
        }
        Team team = Team.acquire(numThreads);
        try {
            team.run(region, numThreads);
        } finally {
            Team.release(team);
        }
    }

    /** {@code parallel sections}: each section runs once, on some thread of the team. */
    public void sections(Runnable... sections) {
        run(t -> t.sectionsNowait(sections));
    }

    /** {@code parallel for} over {@code [lo, hi)}, a chunk at a time. */
    public void loop(int lo, int hi, Schedule schedule, IntRange body) {
        run(t -> t.loopNowait(lo, hi, schedule, body));
    }

    /** {@code parallel for} over {@code [lo, hi)}, one index at a time. */
    public void loop(int lo, int hi, Schedule schedule, IntConsumer body) {
        run(t -> t.loopNowait(lo, hi, schedule, body));
    }

    /** {@code parallel for} over a long range, a chunk at a time. */
    public void loopLong(long lo, long hi, Schedule schedule, LongRange body) {
        run(t -> t.loopLongNowait(lo, hi, schedule, body));
    }

    /** {@code parallel for} over a long range, one index at a time. */
    public void loopLong(long lo, long hi, Schedule schedule, LongConsumer body) {
        run(t -> t.loopLongNowait(lo, hi, schedule, body));
    }

    /**
     * {@code parallel for reduction} over {@code [lo, hi)}: chunks return partials.
     *
     * <p>Memory consistency effects, of this and every reduce below: actions of the loop body in
     * every thread <i>happen-before</i> the reduce returns (the join of {@link #run}).
     */
    public int reduce(int lo, int hi, Schedule schedule, IntReducer r, IntRangeToInt body) {
        return IntReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over {@code [lo, hi)}. */
    public int reduce(int lo, int hi, Schedule schedule, IntReducer r, IntUnaryOperator body) {
        return IntReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} over {@code [lo, hi)}: chunks return partials. */
    public long reduce(int lo, int hi, Schedule schedule, LongReducer r, IntRangeToLong body) {
        return LongReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over {@code [lo, hi)}. */
    public long reduce(int lo, int hi, Schedule schedule, LongReducer r, IntToLongFunction body) {
        return LongReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} over {@code [lo, hi)}: chunks return partials. */
    public double reduce(int lo, int hi, Schedule schedule, DoubleReducer r, IntRangeToDouble body) {
        return DoubleReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over {@code [lo, hi)}. */
    public double reduce(int lo, int hi, Schedule schedule, DoubleReducer r, IntToDoubleFunction body) {
        return DoubleReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} over a long range: chunks return partials. */
    public int reduceLong(long lo, long hi, Schedule schedule, IntReducer r, LongRangeToInt body) {
        return IntReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over a long range. */
    public int reduceLong(long lo, long hi, Schedule schedule, IntReducer r, LongToIntFunction body) {
        return IntReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} over a long range: chunks return partials. */
    public long reduceLong(long lo, long hi, Schedule schedule, LongReducer r, LongRangeToLong body) {
        return LongReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over a long range. */
    public long reduceLong(long lo, long hi, Schedule schedule, LongReducer r, LongUnaryOperator body) {
        return LongReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} over a long range: chunks return partials. */
    public double reduceLong(long lo, long hi, Schedule schedule, DoubleReducer r, LongRangeToDouble body) {
        return DoubleReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** {@code parallel for reduction} of {@code body(i)} over a long range. */
    public double reduceLong(long lo, long hi, Schedule schedule, DoubleReducer r, LongToDoubleFunction body) {
        return DoubleReducer.value(reduceBits(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /**
     * Each thread writes its partial to its own padded cell; the join publishes them, and the
     * caller combines them in thread order (a nested, serial region fills cell 0 only).
     */
    private long reduceBits(long lo, long hi, Schedule schedule, Reduction r, Reduction.Chunk body) {
        final int pad = 16;
        long[] partials = new long[numThreads * pad];
        for (int i = 0; i < numThreads; i++) partials[i * pad] = r.identity();
        run(t -> partials[t.threadNum() * pad] = t.foldShare(lo, hi, schedule, r, body));
        long result = partials[0];
        for (int i = 1; i < numThreads; i++) result = r.combine(result, partials[i * pad]);
        return result;
    }
}
