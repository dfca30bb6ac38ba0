package hitchhiker.omp;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent team of threads that runs parallel regions: the thread that starts a region is
 * thread 0 (the master, as in OpenMP) and the team's workers are threads 1..n-1.
 *
 * <p><b>Fork and join.</b> The master publishes an immutable {@link Fork} (generation, region,
 * team size, construct numbering) with one volatile write. Idle workers wait for a new generation,
 * spinning, then yielding, then parking ({@link WaitPolicy}). A worker reads everything about a
 * region from the one Fork it saw: a worker that sat out a region and wakes late may meet the
 * next region's Fork, never a mix of two regions' parameters. The master unparks only the
 * workers that said they were parked. A worker decrements the join count when
 * its part of the region is done; the master waits for zero the same way, and the worker that
 * reaches zero wakes it if it parked. Parking uses a Dekker-style handshake on volatiles
 * (waiter: set parked, re-check; waker: publish, then read parked), so no wake-up is lost. Each
 * thread's parked flag sits alone in the middle of a small array, so a waker's read never
 * disturbs the cache line a spinning thread writes.
 *
 * <p><b>Synchronisation state</b> lives in one {@link AtomicLongArray} whose cells are 128 bytes
 * apart, so the counters that different threads hammer never share a cache line (or an
 * adjacent-line prefetch pair). Serial teams (nested regions, one thread) use no padding.
 *
 * <p><b>Failures.</b> The first throwable of a region is kept and the others are added to it as
 * suppressed; every waiter in the team (barrier, worksharing slot) checks for a failure while it
 * waits and unwinds with an internal {@link #ABORT}, so a thread that dies never leaves the others
 * waiting at a barrier. A failed region leaves its counters in an unknown state, so they are
 * reset before the team runs again.
 *
 * <p><b>Tasks.</b> Each thread has a work-stealing deque ({@link Tasks}); the team counts the
 * deferred tasks not yet complete. A barrier releases only when every thread has arrived and the
 * count is zero, its waiters running tasks meanwhile; the region ends (the master's join) the
 * same way, and workers whose part is done help from their idle wait. A task's creator wakes one
 * parked member after its push.
 *
 * <p><b>Pool.</b> Teams are kept in a pool (one slot for the common case of one program thread,
 * then a deque), so each parallel region reuses warm threads; a team grows when a region asks for
 * more threads than it has, and never shrinks. Its threads are daemons.
 */
final class Team {

    /** Worksharing constructs that may be in flight at once (nowait lets threads run ahead). */
    static final int RING = 8;
    // cells: the join count, the barrier's count and sense, the deferred tasks not yet complete,
    // the threads parked now, then per slot: next iteration, epoch, leavers
    private static final int JOIN = 0;
    static final int BARRIER_COUNT = 1;
    static final int BARRIER_SENSE = 2;
    static final int TASKS = 3;
    static final int SLEEPERS = 4;
    private static final int SLOTS = 5;
    private static final int CELLS = SLOTS + 3 * RING;
    private static final int PADDED = 16;

    /** Unwinds a thread whose team has failed; never escapes the team. */
    static final RuntimeException ABORT = new RuntimeException("parallel region aborted", null, false, false) {
    };

    private static final AtomicReference<Team> IDLE = new AtomicReference<>();
    private static final ConcurrentLinkedDeque<Team> MORE_IDLE = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger TEAMS = new AtomicInteger();
    static final ThreadLocal<TeamThread> CURRENT = new ThreadLocal<>();
    /** Read once: in a container, availableProcessors() reads cgroup files, tens of microseconds. */
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    private final int id = TEAMS.incrementAndGet();
    final int stride;
    final AtomicLongArray cells;
    /** Per worksharing slot: the value a {@code single} with copyprivate hands to the team. */
    final Object[] broadcast = new Object[RING];
    /** Reduction partials: two banks of one padded cell per thread, used alternately. */
    long[] partials;
    TeamThread[] members;

    /** What the workers need to run one region; published whole by one volatile write. */
    private record Fork(long generation, Region region, int size, long constructBase) {
    }

    private volatile Fork fork = new Fork(0, null, 0, 0);
    // Written by the master before the fork is published; constant while the region runs.
    int size;
    boolean oversubscribed;
    /** The run-time schedule when the region started, so every thread resolves "runtime" alike. */
    Schedule runtimeSchedule = Schedule.STATIC;
    /** The wait policy's phases when the region started, so no waiter reads the facade while it waits. */
    long spinNanos;
    long yieldUntilNanos;
    private long constructBase;
    private long generation;
    private boolean dirty;
    volatile Throwable failure;

    private Team(int capacity, int stride) {
        this.stride = stride;
        this.cells = new AtomicLongArray(CELLS * stride);
        for (int s = 0; s < RING; s++) cells.set(epochCell(s), s);
        this.members = new TeamThread[] {new TeamThread(this, 0)};
        this.partials = new long[2 * capacity * stride];
        snapshotWaitPolicy(Omp.waitPolicy(), false);
        ensureCapacity(capacity);
    }

    /** A team for a region run by the calling thread alone (one thread, or a nested region). */
    static Team serial() {
        return new Team(1, 1);
    }

    /** An idle team of at least {@code n} threads, from the pool or new. */
    static Team acquire(int n) {
        Team t = IDLE.getAndSet(null);
        if (t == null) t = MORE_IDLE.pollFirst();
        if (t == null) t = new Team(n, PADDED);
        t.ensureCapacity(n);
        return t;
    }

    /** Returns a team to the pool; its workers go idle. */
    static void release(Team t) {
        if (!IDLE.compareAndSet(null, t)) MORE_IDLE.push(t);
    }

    int cell(int i) {
        return i * stride;
    }

    int nextCell(int slot) {
        return (SLOTS + 3 * slot) * stride;
    }

    int epochCell(int slot) {
        return (SLOTS + 3 * slot + 1) * stride;
    }

    int leftCell(int slot) {
        return (SLOTS + 3 * slot + 2) * stride;
    }

    /** Starts workers until the team has {@code n} threads; each allocates its own state, in its own thread. */
    private void ensureCapacity(int n) {
        int have = members.length;
        if (n <= have) return;
        TeamThread[] grown = java.util.Arrays.copyOf(members, n);
        CountDownLatch started = new CountDownLatch(n - have);
        long current = generation;
        for (int i = have; i < n; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                TeamThread me = new TeamThread(this, index);
                me.thread = Thread.currentThread();
                grown[index] = me;
                CURRENT.set(me);
                started.countDown();
                workLoop(me, current);
            }, "omp-team" + id + "-" + i);
            t.setDaemon(true);
            t.start();
        }
        // Starting threads takes microseconds: an interrupt waits, kept for the caller, like any team wait.
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (partials.length < 2 * n * stride) partials = new long[2 * n * stride];
        members = grown;
    }

    /**
     * Runs a region on {@code n} threads of this team (the caller is thread 0) and waits for all.
     * Rethrows the first failure, with the others suppressed.
     */
    void run(Region body, int n) {
        TeamThread master = members[0];
        master.thread = Thread.currentThread();
        if (dirty) reset();
        size = n;
        runtimeSchedule = Omp.schedule();
        oversubscribed = n > PROCESSORS;
        snapshotWaitPolicy(Omp.waitPolicy(), oversubscribed);
        failure = null;
        TeamThread outer = CURRENT.get();
        CURRENT.set(master);
        master.begin(constructBase);
        if (n > 1) {
            // Release is enough: the volatile write of the fork below publishes it before any worker decrements it.
            cells.lazySet(cell(JOIN), n - 1);
            fork = new Fork(++generation, body, n, constructBase);
            for (int i = 1; i < n; i++) wake(members[i]);
        }
        try {
            body.run(master);
        } catch (Throwable e) {
            fail(e);
        } finally {
            if (n > 1) {
                awaitJoin(master);
                // Same generation, no region: an idle team must not keep the region's captures alive.
                fork = new Fork(generation, null, 0, 0);
            }
            CURRENT.set(outer);
        }
        constructBase = master.constructs;
        Throwable f = failure;
        if (f != null) {
            failure = null;
            dirty = true;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
            throw new IllegalStateException("parallel region failed: " + f, f);
        }
    }

    /**
     * Fixes how this region's threads wait. A team larger than the machine spins only briefly:
     * a spinning thread would hold the core the thread it waits for needs.
     */
    private void snapshotWaitPolicy(WaitPolicy p, boolean oversubscribed) {
        spinNanos = oversubscribed ? Math.min(2_000, p.spinNanos) : p.spinNanos;
        yieldUntilNanos = p.yieldUntilNanos;
    }

    private void workLoop(TeamThread me, long seen) {
        while (true) {
            Fork f = awaitFork(me, seen);
            seen = f.generation();
            if (me.index >= f.size()) continue;
            me.begin(f.constructBase());
            try {
                f.region().run(me);
            } catch (Throwable e) {
                fail(e);
            }
            // A pooled thread's interrupt belonged to the region part that set it: like a thread
            // pool between tasks, the next region starts with the flag clear.
            Thread.interrupted();
            if (cells.decrementAndGet(cell(JOIN)) == 0) wake(members[0]);
        }
    }

    /**
     * A worker between regions. Until the master ends the region, the region's deferred tasks may
     * still be running: a worker whose part is done helps run them.
     */
    private Fork awaitFork(TeamThread me, long seen) {
        Fork f;
        int tasks = cell(TASKS);
        me.beginWait();
        while ((f = fork).generation() == seen) {
            // Tasks counted means a region is running; its size, written before its fork, says if we are in it.
            if (cells.get(tasks) != 0 && me.index < size && me.tasks.runOne()) {
                me.beginWait();
                continue;
            }
            if (me.backoff()) park(me, () -> fork.generation() != seen || me.index < size && tasksWaiting());
        }
        me.discardInterrupt();   // an idle pooled thread has no caller to hand an interrupt to
        return f;
    }

    /** The end of a region (OpenMP's implicit barrier): every thread's part done and every task complete. */
    private void awaitJoin(TeamThread master) {
        int join = cell(JOIN);
        int tasks = cell(TASKS);
        master.beginWait();
        try {
            while (cells.get(join) != 0 || cells.get(tasks) != 0) {
                if (cells.get(tasks) != 0 && master.tasks.runOne()) {
                    master.beginWait();
                    continue;
                }
                if (master.backoff()) {
                    park(master, () -> cells.get(join) == 0 && cells.get(tasks) == 0 || tasksWaiting());
                }
            }
        } finally {
            master.endWait();
        }
    }

    /** Whether some member's deque holds a task to steal (a snapshot, for the park re-check). */
    boolean tasksWaiting() {
        TeamThread[] m = members;
        for (int i = 0, n = size; i < n; i++) if (!m[i].tasks.deque.isEmpty()) return true;
        return false;
    }

    /** Wakes one parked member (the first not already being woken) to run a task just pushed. */
    void wakeSleeper() {
        TeamThread[] m = members;
        for (int i = 0, n = size; i < n; i++) {
            AtomicIntegerArray flag = m[i].parkFlag;
            if (flag.get(TeamThread.PARK_FLAG) == 1 && flag.compareAndSet(TeamThread.PARK_FLAG, 1, 2)) {
                LockSupport.unpark(m[i].thread);
                return;
            }
        }
    }

    /** Records a failure (the first is kept, later ones are suppressed by it) and wakes every waiter. */
    void fail(Throwable e) {
        if (e == ABORT) return;
        Throwable first = failure;
        if (first == null) {
            synchronized (this) {
                first = failure;
                if (first == null) failure = e;
            }
        }
        if (first != null && first != e) first.addSuppressed(e);
        for (int i = 0; i < size; i++) wake(members[i]);
    }

    /**
     * Parks {@code me} unless {@code released} has become true. The parked flag is set before the
     * re-check and read by wakers after they publish the release, so one of the two sees the other.
     * A set interrupt flag makes {@code park} return at once, so the waiter would spin: it is
     * cleared here and kept aside until the wait ends ({@link TeamThread#endWait}).
     */
    void park(TeamThread me, java.util.function.BooleanSupplier released) {
        me.setAsideInterrupt();
        int sleepers = cell(SLEEPERS);
        cells.getAndIncrement(sleepers);   // before the re-check: a task's creator reads it after its push
        me.parkFlag.set(TeamThread.PARK_FLAG, 1);
        if (!released.getAsBoolean()) LockSupport.park(this);
        me.parkFlag.set(TeamThread.PARK_FLAG, 0);
        cells.getAndDecrement(sleepers);
    }

    /** Parks {@code me} for a short while (no waker); an interrupt is set aside as in {@link #park}. */
    void parkBriefly(TeamThread me, long nanos) {
        me.setAsideInterrupt();
        LockSupport.parkNanos(this, nanos);
    }

    /** Unparks {@code m} if it said it parks: a read of a line only its owner writes, and rarely. */
    static void wake(TeamThread m) {
        if (m.parkFlag.get(TeamThread.PARK_FLAG) != 0) LockSupport.unpark(m.thread);
    }

    /** Wakes the team's parked threads after a release (a barrier, a freed slot). */
    void wakeAll() {
        for (int i = 0; i < size; i++) wake(members[i]);
    }

    /** After a failed region: barrier and worksharing counters back to their initial state. */
    private void reset() {
        cells.set(cell(BARRIER_COUNT), 0);
        for (int s = 0; s < RING; s++) {
            cells.set(nextCell(s), 0);
            cells.set(leftCell(s), 0);
            cells.set(epochCell(s), s);
            broadcast[s] = null;
        }
        constructBase = 0;
        dirty = false;
    }
}
