package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRange;
import hitchhiker.omp.RangeBodies.IntRangeToDouble;
import hitchhiker.omp.RangeBodies.IntRangeToInt;
import hitchhiker.omp.RangeBodies.IntRangeToLong;
import hitchhiker.omp.RangeBodies.LongRange;
import hitchhiker.omp.RangeBodies.LongRangeToDouble;
import hitchhiker.omp.RangeBodies.LongRangeToInt;
import hitchhiker.omp.RangeBodies.LongRangeToLong;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * One thread's view of the parallel region it runs: its thread number and the team size, and the
 * constructs OpenMP offers inside a region: {@code barrier}, {@code for} (worksharing loops, with
 * or without {@code nowait}), reductions, {@code single}, {@code master} and {@code critical}.
 * Every thread of the team must meet the same barriers, loops, reductions and singles in the
 * same order, as in OpenMP; a {@code TeamThread} is used only by the thread it was given to.
 *
 * <p><b>Loops</b> run {@code lo <= i < hi} over int or long ranges ({@code loopLong}); an empty
 * range ({@code hi <= lo}) runs nothing. Ranges may be negative and may end at
 * {@code Integer.MAX_VALUE} or {@code Long.MAX_VALUE}: iterations are counted as an unsigned
 * offset from {@code lo}, so no bound overflows. Bodies take a whole chunk {@code (lo, hi)} (the
 * fast form: the JIT compiles a plain loop) or one index.
 *
 * <p><b>Dynamic and guided loops and singles</b> share a counter in one of {@link Team#RING}
 * slots, chosen by the construct's sequence number. The last thread to leave a construct resets
 * its slot and advances the slot's epoch; a thread that ran {@code nowait} so far ahead that it
 * meets the slot still in use waits for that epoch.
 *
 * <p><b>Reductions</b> fold each thread's iterations into a private partial, write it to the
 * thread's padded cell of one of two banks (alternating, so a fast thread never overwrites a
 * partial a slow one is still reading), meet at the barrier, and combine the partials in thread
 * order; every thread returns the result.
 */
public final class TeamThread {

    private static final Object UNNAMED_CRITICAL = new Object();

    final Team team;
    final int index;
    final Tasks tasks = new Tasks(this);
    Thread thread;
    /** Element {@link #PARK_FLAG} is 1 while the thread parks; 128 bytes of array on either side keep it alone. */
    final AtomicIntegerArray parkFlag = new AtomicIntegerArray(64);
    static final int PARK_FLAG = 32;
    long constructs;
    private int reductions;
    private long sense;
    // backoff state of the current wait
    private int spins;
    private int phase;
    private long waitStart;
    /** An interrupt cleared so that parking works, to be handed back when the wait ends. */
    private boolean interruptSetAside;

    TeamThread(Team team, int index) {
        this.team = team;
        this.index = index;
    }

    /** This thread's number in the team, 0 for the master. */
    public int threadNum() {
        return index;
    }

    /** How many threads run this region. */
    public int numThreads() {
        return team.size;
    }

    /** Whether this is thread 0, the thread that started the region. */
    public boolean isMaster() {
        return index == 0;
    }

    void begin(long constructBase) {
        constructs = constructBase;
        reductions = 0;
        sense = team.cells.get(team.cell(Team.BARRIER_SENSE));
        tasks.begin();
    }

    /** Worksharing and barriers bind to the whole team: a task, run by one thread at any time, may not meet them. */
    private void requireNotInTask(String construct) {
        if (tasks.depth != 0) {
            throw new IllegalStateException(construct + " inside a task: barriers and worksharing constructs"
                    + " belong to the region's code, not to tasks (as in OpenMP)");
        }
    }

    // ---------------------------------------------------------------- barrier, master, single, critical

    /**
     * Waits until every thread of the team has reached this barrier and every task of the team
     * is complete, running waiting tasks meanwhile (a sense-reversing counter barrier: once all
     * have arrived and no task is left, one thread resets the count and flips the shared sense).
     *
     * <p>Memory consistency effects: actions in each thread of the team prior to its arrival at
     * the barrier, and actions of every task completed before it, <i>happen-before</i> actions
     * that follow the barrier in any thread of the team.
     */
    public void barrier() {
        requireNotInTask("barrier");
        Team t = team;
        int n = t.size;
        if (n == 1) return;
        AtomicLongArray cells = t.cells;
        long mine = sense ^ 1;
        sense = mine;
        int senseCell = t.cell(Team.BARRIER_SENSE);
        int countCell = t.cell(Team.BARRIER_COUNT);
        int tasksCell = t.cell(Team.TASKS);
        // Several threads may see everyone arrived and no task left: the CAS lets one release the barrier.
        if (cells.incrementAndGet(countCell) == n && cells.get(tasksCell) == 0 && cells.compareAndSet(countCell, n, 0)) {
            cells.set(senseCell, mine);
            t.wakeAll();
            return;
        }
        beginWait();
        try {
            while (cells.get(senseCell) != mine) {
                if (t.failure != null) throw Team.ABORT;
                if (cells.get(tasksCell) != 0) {
                    if (tasks.runOne()) {
                        beginWait();
                        continue;
                    }
                } else if (cells.get(countCell) == n && cells.compareAndSet(countCell, n, 0)) {
                    // the thread that completed the last task finds the barrier full: it releases it
                    cells.set(senseCell, mine);
                    t.wakeAll();
                    return;
                }
                if (backoff()) t.park(this, () -> cells.get(senseCell) == mine || t.failure != null || t.tasksWaiting());
            }
        } finally {
            endWait();
        }
    }

    /** Runs {@code body} on the master thread only; no barrier (as OpenMP's {@code master}). */
    public void master(Runnable body) {
        if (index == 0) body.run();
    }

    /**
     * Runs {@code body} on whichever thread arrives first, then waits at a barrier (as OpenMP's
     * {@code single}).
     *
     * <p>Memory consistency effects: actions in {@code body} <i>happen-before</i> actions that
     * follow the {@code single} in any thread of the team (the barrier publishes them).
     *
     * @return whether this thread ran it
     */
    public boolean single(Runnable body) {
        boolean ran = singleNowait(body);
        barrier();
        return ran;
    }

    /**
     * Runs {@code body} on whichever thread arrives first; the others go on at once. With no
     * barrier, nothing orders {@code body} before the other threads' next actions.
     */
    public boolean singleNowait(Runnable body) {
        requireNotInTask("single");
        if (team.size == 1) {
            body.run();
            return true;
        }
        long k = enterSlot();
        boolean first = team.cells.getAndIncrement(team.nextCell(slot(k))) == 0;
        leaveSlot(k);
        if (first) body.run();
        return first;
    }

    /**
     * {@code single copyprivate}: whichever thread arrives first computes the value, and after a
     * barrier every thread returns it (a broadcast of one thread's result to the team).
     *
     * <p>Memory consistency effects: actions in {@code body} <i>happen-before</i> every thread's
     * return from {@code singleCopy}, so the value and what it refers to are seen whole.
     */
    @SuppressWarnings("unchecked")
    public <T> T singleCopy(Supplier<? extends T> body) {
        requireNotInTask("single");
        if (body == null) throw new IllegalArgumentException("single body is null");
        Team t = team;
        if (t.size == 1) return body.get();
        long k = enterSlot();
        int slot = slot(k);
        if (t.cells.getAndIncrement(t.nextCell(slot)) == 0) t.broadcast[slot] = body.get();
        barrier();   // publishes the value; the slot is left only after every thread has read it
        T value = (T) t.broadcast[slot];
        leaveSlot(k);
        return value;
    }

    /**
     * {@code sections}: each section runs once, on whichever thread takes it first (a dynamic
     * loop over the sections), then a barrier.
     */
    public void sections(Runnable... sections) {
        sectionsNowait(sections);
        barrier();
    }

    /** As {@link #sections} without the barrier at the end ({@code nowait}). */
    public void sectionsNowait(Runnable... sections) {
        if (sections == null) throw new IllegalArgumentException("sections are null");
        for (Runnable r : sections) if (r == null) throw new IllegalArgumentException("a section is null");
        workshare(0, sections.length, Schedule.dynamic(1), (a, b) -> {
            for (long i = a; i < b; i++) sections[(int) i].run();
        });
    }

    /**
     * {@code for ordered} with an {@code ordered} block: shares {@code [lo, hi)} by schedule,
     * runs {@code body(i)} in parallel, then {@code inOrder(i)} strictly in iteration order
     * across the team (e.g. to print or append results in order); barrier at the end. Threads
     * wait for their turn, so schedules with small chunks ({@code static,1}, {@code dynamic})
     * overlap the parallel parts best.
     */
    public void loopOrdered(int lo, int hi, Schedule schedule, IntConsumer body, IntConsumer inOrder) {
        requireNotInTask("an ordered loop");
        if (body == null || inOrder == null) throw new IllegalArgumentException("ordered loop body is null");
        Team t = team;
        if (t.size == 1) {
            for (int i = lo; i < hi; i++) {
                body.accept(i);
                inOrder.accept(i);
            }
            return;
        }
        long k = enterSlot();
        int turn = t.nextCell(slot(k));   // the offset of the next iteration allowed into its ordered block
        AtomicLongArray cells = t.cells;
        workshare(lo, hi, schedule, (a, b) -> {
            for (long i = a; i < b; i++) {
                body.accept((int) i);
                long offset = i - lo;
                if (cells.get(turn) != offset) awaitTurn(cells, turn, offset);
                inOrder.accept((int) i);
                cells.set(turn, offset + 1);
            }
        });
        leaveSlot(k);
        barrier();
    }

    private void awaitTurn(AtomicLongArray cells, int turn, long offset) {
        beginWait();
        try {
            while (cells.get(turn) != offset) {
                if (team.failure != null) throw Team.ABORT;
                if (backoff()) team.parkBriefly(this, 20_000);   // no waker: the previous iteration may be long
            }
        } finally {
            endWait();
        }
    }

    /**
     * Runs {@code body} while holding the (one, process-wide) unnamed critical section.
     *
     * <p>Memory consistency effects: as for a {@link java.util.concurrent.locks.Lock}, actions in
     * a critical section <i>happen-before</i> actions in any later critical section of the same
     * name, in any thread.
     */
    public void critical(Runnable body) {
        Critical.run(UNNAMED_CRITICAL, body);
    }

    /**
     * Runs {@code body} while holding the named critical section (shared by every team in the
     * process); memory consistency effects as for {@link #critical(Runnable)}.
     */
    public void critical(String name, Runnable body) {
        Critical.run(name, body);
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Creates a deferred task ({@code #pragma omp task}): {@code body} runs later, once, on
     * whichever thread of the team picks it up (given to it as its {@code TeamThread}). It is
     * complete by this task's next {@link #taskwait}, the end of an enclosing {@link #taskgroup},
     * the next {@link #barrier}, or the end of the region. In a team of one it runs at once, and
     * so it does when 64 tasks already wait on this thread (throttling, as libgomp does): a task
     * must not wait for a task created after it.
     */
    public void task(TaskBody body) {
        tasks.spawn(body, true, false);
    }

    /**
     * A task with OpenMP's {@code if} clause: when {@code condition} is false the task is
     * undeferred, run at once by this thread (its own children are still deferred), which saves
     * the queueing; the usual cut-off for a recursion's small pieces.
     */
    public void taskIf(boolean condition, TaskBody body) {
        tasks.spawn(body, condition, false);
    }

    /**
     * A task with OpenMP's {@code final} clause: when {@code condition} is true, every task the
     * task creates, and theirs, runs at once in the thread that creates it, at the cost of a call:
     * the cut-off that also removes the task bookkeeping below it.
     */
    public void taskFinal(boolean condition, TaskBody body) {
        tasks.spawn(body, true, condition);
    }

    /**
     * Waits until every child task of the current task (the region body's, or the explicit
     * task's this thread runs) is complete, not their descendants ({@code #pragma omp taskwait}).
     * The thread runs waiting tasks meanwhile. If a task failed, unwinds so the region fails.
     */
    public void taskwait() {
        tasks.taskwait();
    }

    /**
     * Runs {@code body} on this thread, then waits until every task created inside it, and every
     * task those create, is complete ({@code #pragma omp taskgroup}), running tasks meanwhile.
     */
    public void taskgroup(Runnable body) {
        tasks.taskgroup(body);
    }

    /**
     * {@code #pragma omp taskgroup task_reduction(op: x)}: runs {@code body} as {@link #taskgroup}
     * does, giving it a reduction that its tasks fold their contributions into (their
     * {@code in_reduction(op: x)}, with the {@code TeamThread} each task is given), and returns
     * the contributions combined once every task of the group is complete.
     */
    public long taskgroupReduce(LongReducer r, Consumer<LongTaskReduction> body) {
        if (r == null || body == null) throw new IllegalArgumentException("taskgroup reducer or body is null");
        LongTaskReduction reduction = new LongTaskReduction(r, team);
        tasks.taskgroup(() -> body.accept(reduction));
        return reduction.result();
    }

    /** As {@link #taskgroupReduce(LongReducer, Consumer)} for doubles. */
    public double taskgroupReduce(DoubleReducer r, Consumer<DoubleTaskReduction> body) {
        if (r == null || body == null) throw new IllegalArgumentException("taskgroup reducer or body is null");
        DoubleTaskReduction reduction = new DoubleTaskReduction(r, team);
        tasks.taskgroup(() -> body.accept(reduction));
        return reduction.result();
    }

    /** Lets this thread run one waiting task, if any ({@code #pragma omp taskyield}). */
    public void taskyield() {
        tasks.taskyield();
    }

    /**
     * {@code #pragma omp taskloop grainsize(g)}: splits {@code [lo, hi)} into tasks of at least
     * {@code grainsize} and fewer than twice {@code grainsize} iterations (one task if the range is
     * smaller) and waits for them, as a taskgroup. Called by one thread (in a {@link #single}, say):
     * each thread that meets it creates its own set of tasks.
     */
    public void taskloop(int lo, int hi, int grainsize, IntRange body) {
        TaskLoop.byGrainsize(lo, hi, grainsize).run(this, body);
    }

    /** {@code #pragma omp taskloop num_tasks(k)}: {@code [lo, hi)} split into {@code min(k, hi - lo)} tasks of nearly equal size. */
    public void taskloopNumTasks(int lo, int hi, int numTasks, IntRange body) {
        TaskLoop.byNumTasks(lo, hi, numTasks).run(this, body);
    }

    /**
     * {@code taskloop grainsize(g) reduction(op: x)}: each task returns its chunk's partial, each
     * thread folds the partials of the tasks it ran, and the threads' partials are combined in
     * thread order once all tasks are complete.
     */
    public long taskloopReduce(int lo, int hi, int grainsize, LongReducer r, IntRangeToLong body) {
        return LongReducer.value(TaskLoop.byGrainsize(lo, hi, grainsize).reduce(this, r.bits(), r.chunk(body)));
    }

    /** As {@link #taskloopReduce(int, int, int, LongReducer, IntRangeToLong)} for doubles. */
    public double taskloopReduce(int lo, int hi, int grainsize, DoubleReducer r, IntRangeToDouble body) {
        return DoubleReducer.value(TaskLoop.byGrainsize(lo, hi, grainsize).reduce(this, r.bits(), r.chunk(body)));
    }

    /** As {@link #taskloopReduce(int, int, int, LongReducer, IntRangeToLong)} for ints. */
    public int taskloopReduce(int lo, int hi, int grainsize, IntReducer r, IntRangeToInt body) {
        return IntReducer.value(TaskLoop.byGrainsize(lo, hi, grainsize).reduce(this, r.bits(), r.chunk(body)));
    }

    // ---------------------------------------------------------------- worksharing loops

    /** Shares the iterations {@code [lo, hi)} among the team by schedule, chunk by chunk; barrier at the end. */
    public void loop(int lo, int hi, Schedule schedule, IntRange body) {
        workshare(lo, hi, schedule, (a, b) -> body.run((int) a, (int) b));
        barrier();
    }

    /** As {@link #loop(int, int, Schedule, IntRange)}, one index at a time. */
    public void loop(int lo, int hi, Schedule schedule, IntConsumer body) {
        workshare(lo, hi, schedule, perIndex(body));
        barrier();
    }

    /** As {@link #loop(int, int, Schedule, IntRange)} without the barrier at the end ({@code nowait}). */
    public void loopNowait(int lo, int hi, Schedule schedule, IntRange body) {
        workshare(lo, hi, schedule, (a, b) -> body.run((int) a, (int) b));
    }

    /** As {@link #loop(int, int, Schedule, IntConsumer)} without the barrier at the end ({@code nowait}). */
    public void loopNowait(int lo, int hi, Schedule schedule, IntConsumer body) {
        workshare(lo, hi, schedule, perIndex(body));
    }

    /** Shares the iterations {@code [lo, hi)} of a long loop among the team; barrier at the end. */
    public void loopLong(long lo, long hi, Schedule schedule, LongRange body) {
        workshare(lo, hi, schedule, body);
        barrier();
    }

    /** As {@link #loopLong(long, long, Schedule, LongRange)}, one index at a time. */
    public void loopLong(long lo, long hi, Schedule schedule, LongConsumer body) {
        workshare(lo, hi, schedule, perIndex(body));
        barrier();
    }

    /** As {@link #loopLong(long, long, Schedule, LongRange)} without the barrier ({@code nowait}). */
    public void loopLongNowait(long lo, long hi, Schedule schedule, LongRange body) {
        workshare(lo, hi, schedule, body);
    }

    /** As {@link #loopLong(long, long, Schedule, LongConsumer)} without the barrier ({@code nowait}). */
    public void loopLongNowait(long lo, long hi, Schedule schedule, LongConsumer body) {
        workshare(lo, hi, schedule, perIndex(body));
    }

    // ---------------------------------------------------------------- reductions (every thread gets the result)
    //
    // Memory consistency effects of every reduce below: it ends with a barrier, so actions of the
    // loop body in any thread happen-before actions that follow the reduce in every thread.

    /** Reduces the chunks' partial results over {@code [lo, hi)}; every thread returns the total. */
    public int reduce(int lo, int hi, Schedule schedule, IntReducer r, IntRangeToInt body) {
        return IntReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over {@code [lo, hi)}; every thread returns the total. */
    public int reduce(int lo, int hi, Schedule schedule, IntReducer r, IntUnaryOperator body) {
        return IntReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces the chunks' partial results over {@code [lo, hi)}; every thread returns the total. */
    public long reduce(int lo, int hi, Schedule schedule, LongReducer r, IntRangeToLong body) {
        return LongReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over {@code [lo, hi)}; every thread returns the total. */
    public long reduce(int lo, int hi, Schedule schedule, LongReducer r, IntToLongFunction body) {
        return LongReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces the chunks' partial results over {@code [lo, hi)}; every thread returns the total. */
    public double reduce(int lo, int hi, Schedule schedule, DoubleReducer r, IntRangeToDouble body) {
        return DoubleReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over {@code [lo, hi)}; every thread returns the total. */
    public double reduce(int lo, int hi, Schedule schedule, DoubleReducer r, IntToDoubleFunction body) {
        return DoubleReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces the chunks' partial results over a long range; every thread returns the total. */
    public int reduceLong(long lo, long hi, Schedule schedule, IntReducer r, LongRangeToInt body) {
        return IntReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over a long range; every thread returns the total. */
    public int reduceLong(long lo, long hi, Schedule schedule, IntReducer r, LongToIntFunction body) {
        return IntReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces the chunks' partial results over a long range; every thread returns the total. */
    public long reduceLong(long lo, long hi, Schedule schedule, LongReducer r, LongRangeToLong body) {
        return LongReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over a long range; every thread returns the total. */
    public long reduceLong(long lo, long hi, Schedule schedule, LongReducer r, LongUnaryOperator body) {
        return LongReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces the chunks' partial results over a long range; every thread returns the total. */
    public double reduceLong(long lo, long hi, Schedule schedule, DoubleReducer r, LongRangeToDouble body) {
        return DoubleReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** Reduces {@code body(i)} over a long range; every thread returns the total. */
    public double reduceLong(long lo, long hi, Schedule schedule, DoubleReducer r, LongToDoubleFunction body) {
        return DoubleReducer.value(reduceAll(lo, hi, schedule, r.bits(), r.chunk(body)));
    }

    /** This thread's partial over its share of {@code [lo, hi)}, folded in the order it ran its chunks. */
    long foldShare(long lo, long hi, Schedule schedule, Reduction r, Reduction.Chunk body) {
        long[] acc = {r.identity()};
        workshare(lo, hi, schedule, (a, b) -> acc[0] = r.combine(acc[0], body.apply(a, b)));
        return acc[0];
    }

    /** This thread's partial, combined with every other thread's at a barrier: every thread gets the total. */
    private long reduceAll(long lo, long hi, Schedule schedule, Reduction r, Reduction.Chunk body) {
        return allReduce(foldShare(lo, hi, schedule, r, body), r);
    }

    /** Combines every thread's partial, in thread order, at a barrier; every thread gets the result. */
    private long allReduce(long mine, Reduction op) {
        Team t = team;
        int n = t.size;
        if (n == 1) return mine;
        long[] partials = t.partials;
        int bank = (reductions++ & 1) * (partials.length / 2);
        int stride = t.stride;
        partials[bank + index * stride] = mine;
        barrier();
        long result = partials[bank];
        for (int i = 1; i < n; i++) result = op.combine(result, partials[bank + i * stride]);
        return result;
    }

    // ---------------------------------------------------------------- the scheduler

    private static LongRange perIndex(IntConsumer body) {
        return (a, b) -> {
            for (int i = (int) a, end = (int) b; i < end; i++) body.accept(i);
        };
    }

    private static LongRange perIndex(LongConsumer body) {
        return (a, b) -> {
            for (long i = a; i < b; i++) body.accept(i);
        };
    }

    /** Runs this thread's chunks of {@code [lo, hi)} under the schedule; no barrier. */
    void workshare(long lo, long hi, Schedule schedule, LongRange chunk) {
        requireNotInTask("a worksharing loop");
        Schedule s = schedule.resolve(team.runtimeSchedule);
        // hi - lo as an unsigned count: exact for every lo < hi, even Long.MIN_VALUE..Long.MAX_VALUE.
        long count = hi > lo ? hi - lo : 0;
        int n = team.size;
        if (n == 1) {
            if (count != 0) chunk.run(lo, hi);
            return;
        }
        switch (s.kind()) {
            case STATIC -> {
                if (s.chunk() == 0) staticBlock(lo, count, n, chunk);
                else staticCyclic(lo, count, n, s.chunk(), chunk);
            }
            case DYNAMIC -> dynamic(lo, count, Math.max(1, s.chunk()), chunk);
            case GUIDED -> guided(lo, count, n, Math.max(1, s.chunk()), chunk);
            default -> throw new IllegalStateException("unresolved schedule " + s);
        }
    }

    private void staticBlock(long lo, long count, int n, LongRange chunk) {
        long q = Long.divideUnsigned(count, n);
        long r = Long.remainderUnsigned(count, n);
        long begin = index * q + Math.min(index, r);
        long len = q + (index < r ? 1 : 0);
        if (len != 0) chunk.run(lo + begin, lo + begin + len);
    }

    private void staticCyclic(long lo, long count, int n, int c, LongRange chunk) {
        long stride = (long) n * c;
        long start = (long) index * c;
        while (Long.compareUnsigned(start, count) < 0) {
            long left = count - start;
            long len = Long.compareUnsigned(left, c) < 0 ? left : c;
            chunk.run(lo + start, lo + start + len);
            if (Long.compareUnsigned(left, stride) <= 0) break;
            start += stride;
        }
    }

    private void dynamic(long lo, long count, int c, LongRange chunk) {
        Team t = team;
        AtomicLongArray cells = t.cells;
        long k = enterSlot();
        int next = t.nextCell(slot(k));
        if (count >= 0 && count < (1L << 62)) {
            // getAndAdd never fails, unlike a CAS; it may run past count by (threads x chunk), far below 2^63.
            long start;
            while ((start = cells.getAndAdd(next, c)) < count) {
                chunk.run(lo + start, lo + Math.min(start + c, count));
                if (t.failure != null) throw Team.ABORT;
            }
        } else {
            // A range of more than 2^62 iterations: claim with CAS so the counter never wraps.
            while (true) {
                long start = cells.get(next);
                if (Long.compareUnsigned(start, count) >= 0) break;
                long left = count - start;
                long len = Long.compareUnsigned(left, c) < 0 ? left : c;
                if (cells.compareAndSet(next, start, start + len)) {
                    chunk.run(lo + start, lo + start + len);
                    if (t.failure != null) throw Team.ABORT;
                }
            }
        }
        leaveSlot(k);
    }

    private void guided(long lo, long count, int n, int c, LongRange chunk) {
        Team t = team;
        AtomicLongArray cells = t.cells;
        long k = enterSlot();
        int next = t.nextCell(slot(k));
        while (true) {
            long start = cells.get(next);
            if (Long.compareUnsigned(start, count) >= 0) break;
            long left = count - start;
            // about left / n, rounded up, at least c, at most left (libgomp's rule)
            long len = Long.divideUnsigned(left, n) + (Long.remainderUnsigned(left, n) != 0 ? 1 : 0);
            if (Long.compareUnsigned(len, c) < 0) len = c;
            if (Long.compareUnsigned(len, left) > 0) len = left;
            if (cells.compareAndSet(next, start, start + len)) {
                chunk.run(lo + start, lo + start + len);
                if (t.failure != null) throw Team.ABORT;
            }
        }
        leaveSlot(k);
    }

    /** Takes the slot of this thread's next shared construct, waiting if a slow thread still uses it. */
    private long enterSlot() {
        Team t = team;
        long k = constructs++;
        int epoch = t.epochCell(slot(k));
        AtomicLongArray cells = t.cells;
        if (cells.get(epoch) != k) {
            beginWait();
            try {
                while (cells.get(epoch) != k) {
                    if (t.failure != null) throw Team.ABORT;
                    if (backoff()) t.parkBriefly(this, 20_000); // rare: only when nowait ran RING constructs ahead
                }
            } finally {
                endWait();
            }
        }
        return k;
    }

    private static int slot(long construct) {
        return (int) (construct & (Team.RING - 1));
    }

    /** Leaves shared construct {@code k}; the last thread out resets the slot for construct k + RING. */
    private void leaveSlot(long k) {
        Team t = team;
        int slot = slot(k);
        AtomicLongArray cells = t.cells;
        if (cells.incrementAndGet(t.leftCell(slot)) == t.size) {
            t.broadcast[slot] = null;
            // Release is enough: the volatile epoch write below publishes both resets before a thread enters the slot again.
            cells.lazySet(t.leftCell(slot), 0);
            cells.lazySet(t.nextCell(slot), 0);
            cells.set(t.epochCell(slot), k + Team.RING);
        }
    }

    // ---------------------------------------------------------------- waiting

    void beginWait() {
        spins = 0;
        phase = 0;
        waitStart = 0;
    }

    /**
     * The rule for interrupts: a wait in the team never consumes one and never spins on one.
     * Parking clears the flag ({@link Team#park}); the wait hands it back here when it ends, so
     * the code that called the barrier or the region still sees it.
     */
    void endWait() {
        if (interruptSetAside) {
            interruptSetAside = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Clears the calling thread's interrupt flag, remembering it for {@link #endWait}. */
    void setAsideInterrupt() {
        if (Thread.interrupted()) interruptSetAside = true;
    }

    /** Forgets an interrupt set aside: an idle pooled thread has nobody to hand it to. */
    void discardInterrupt() {
        interruptSetAside = false;
        Thread.interrupted();
    }

    /**
     * One step of waiting: spin ({@link Thread#onSpinWait}), then yield, then tell the caller to
     * park, with phase lengths from the {@link WaitPolicy}. The clock is read every 256 spins only.
     *
     * @return true when the caller should park (after its handshake)
     */
    boolean backoff() {
        switch (phase) {
            case 0 -> {
                Thread.onSpinWait();
                if ((++spins & 255) != 0) return false;
                long now = System.nanoTime();
                if (waitStart == 0) {
                    waitStart = now;
                    return false;
                }
                if (now - waitStart >= team.spinNanos) phase = 1;
                return false;
            }
            case 1 -> {
                Thread.yield();
                if ((++spins & 15) == 0 && System.nanoTime() - waitStart >= team.yieldUntilNanos) phase = 2;
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
