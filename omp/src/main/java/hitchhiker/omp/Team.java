package hitchhiker.omp;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p><b>Pool.</b> Teams are kept in a pool (one slot for the common case of one program thread,
 * then a deque), so each parallel region reuses warm threads; a team grows when a region asks for
 * more threads than it has, and never shrinks. Its threads are daemons.
 */
final class Team {

    /** Worksharing constructs that may be in flight at once (nowait lets threads run ahead). */
    static final int RING = 8;
    // cells: the join count, the barrier's count and sense, then per slot: next iteration, epoch, leavers
    private static final int JOIN = 0;
    static final int BARRIER_COUNT = 1;
    static final int BARRIER_SENSE = 2;
    private static final int SLOTS = 3;
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
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting team threads", e);
        }
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
        failure = null;
        TeamThread outer = CURRENT.get();
        CURRENT.set(master);
        master.begin(constructBase);
        if (n > 1) {
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
            if (cells.decrementAndGet(cell(JOIN)) == 0) wake(members[0]);
        }
    }

    private Fork awaitFork(TeamThread me, long seen) {
        Fork f;
        me.beginWait();
        while ((f = fork).generation() == seen) {
            if (me.backoff()) park(me, () -> fork.generation() != seen);
        }
        return f;
    }

    private void awaitJoin(TeamThread master) {
        int at = cell(JOIN);
        master.beginWait();
        while (cells.get(at) != 0) {
            if (master.backoff()) park(master, () -> cells.get(at) == 0);
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
     */
    void park(TeamThread me, java.util.function.BooleanSupplier released) {
        me.parkFlag.set(TeamThread.PARK_FLAG, 1);
        if (!released.getAsBoolean()) LockSupport.park(this);
        me.parkFlag.set(TeamThread.PARK_FLAG, 0);
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
        }
        constructBase = 0;
        dirty = false;
    }
}
