package hitchhiker.omp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static hitchhiker.omp.LoopCoverageTest.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Random task trees: every task runs once, taskwait covers the children, taskgroup every descendant, failures propagate. */
class TaskTest {

    /** A random task tree: node 0 is the root (not a task); {@code children.get(i)} are node i's child tasks. */
    record Tree(List<List<Integer>> children, int size) {
        static Tree random(long seed, int maxNodes) {
            Random rnd = new Random(seed);
            List<List<Integer>> children = new ArrayList<>();
            children.add(new ArrayList<>());
            int target = 1 + rnd.nextInt(maxNodes);
            while (children.size() < target) {
                int parent = rnd.nextInt(children.size());
                children.get(parent).add(children.size());
                children.add(new ArrayList<>());
            }
            return new Tree(children, children.size());
        }

        int depth(int node) {
            int d = 0;
            for (int c : children.get(node)) d = Math.max(d, 1 + depth(c));
            return d;
        }
    }

    /** Creates node's children as tasks on {@code t}; each records its run, then creates its own. */
    private static void spawnChildren(TeamThread t, Tree tree, int node, AtomicIntegerArray runs, boolean wait) {
        for (int c : tree.children().get(node)) {
            t.task(u -> {
                runs.incrementAndGet(c);
                spawnChildren(u, tree, c, runs, wait);
            });
        }
        if (wait) t.taskwait();
    }

    @Property(tries = 60)
    void everyTaskRunsExactlyOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads,
                                  @ForAll boolean waitInEachTask) {
        Tree tree = Tree.random(seed, 300);
        AtomicIntegerArray runs = new AtomicIntegerArray(tree.size() * threads);
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            // every thread creates its own copy of the tree: tasks from all threads at once
            int base = t.threadNum() * tree.size();
            spawnOffset(t, tree, 0, base, runs, waitInEachTask);
        }));
        for (int i = 0; i < threads; i++) {
            assertThat(runs.get(i * tree.size())).isZero();   // the root is the region body, not a task
            for (int n = 1; n < tree.size(); n++) assertThat(runs.get(i * tree.size() + n)).as("node %d", n).isEqualTo(1);
        }
    }

    private static void spawnOffset(TeamThread t, Tree tree, int node, int base, AtomicIntegerArray runs, boolean wait) {
        for (int c : tree.children().get(node)) {
            t.task(u -> {
                runs.incrementAndGet(base + c);
                spawnOffset(u, tree, c, base, runs, wait);
            });
        }
        if (wait) t.taskwait();
    }

    @Property(tries = 60)
    void taskwaitWaitsForEveryChild(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads) {
        Tree tree = Tree.random(seed, 200);
        AtomicIntegerArray done = new AtomicIntegerArray(tree.size());
        AtomicInteger early = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() ->
                waitForChildren(t, tree, 0, done, early))));
        assertThat(early.get()).as("children found incomplete after taskwait").isZero();
        for (int n = 1; n < tree.size(); n++) assertThat(done.get(n)).isEqualTo(1);
    }

    private static void waitForChildren(TeamThread t, Tree tree, int node, AtomicIntegerArray done, AtomicInteger early) {
        List<Integer> kids = tree.children().get(node);
        for (int c : kids) {
            t.task(u -> {
                waitForChildren(u, tree, c, done, early);
                done.set(c, 1);
            });
        }
        t.taskwait();
        for (int c : kids) if (done.get(c) != 1) early.incrementAndGet();
    }

    @Property(tries = 60)
    void taskgroupWaitsForEveryDescendant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads) {
        Tree tree = Tree.random(seed, 300);
        AtomicIntegerArray runs = new AtomicIntegerArray(tree.size());
        AtomicInteger missing = new AtomicInteger(-1);
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() -> {
            t.taskgroup(() -> spawnChildren(t, tree, 0, runs, false));   // no task waits for its own children
            int ran = 0;
            for (int n = 1; n < tree.size(); n++) ran += runs.get(n);
            missing.set(tree.size() - 1 - ran);
        })));
        assertThat(missing.get()).as("descendants not complete when the taskgroup ended").isZero();
    }

    /** A task reduction over a random tree (every node contributes its own value) equals the serial fold. */
    @Property(tries = 60)
    void taskReductionsEqualTheSerialFold(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads) {
        Tree tree = Tree.random(seed, 300);
        long[] got = new long[2];
        double[] sum = new double[1];
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() -> {
            got[0] = t.taskgroupReduce(LongReducer.SUM, acc -> {
                acc.fold(t, seed);   // the group's own thread contributes too
                foldChildren(t, tree, 0, (u, node) -> acc.fold(u, node * seed));
            });
            got[1] = t.taskgroupReduce(LongReducer.MAX, acc -> foldChildren(t, tree, 0, (u, node) -> acc.fold(u, node)));
            sum[0] = t.taskgroupReduce(DoubleReducer.SUM, acc -> foldChildren(t, tree, 0, (u, node) -> acc.fold(u, 0.5 * node)));
        })));
        long serial = seed;
        for (long n = 1; n < tree.size(); n++) serial += n * seed;
        assertThat(got[0]).isEqualTo(serial);
        assertThat(got[1]).isEqualTo(tree.size() - 1L);
        assertThat(sum[0]).isEqualTo(0.25 * (tree.size() - 1L) * tree.size());   // exact: halves of small integers
    }

    private static void foldChildren(TeamThread t, Tree tree, int node, java.util.function.ObjIntConsumer<TeamThread> fold) {
        for (int c : tree.children().get(node)) {
            t.task(u -> {
                fold.accept(u, c);
                foldChildren(u, tree, c, fold);   // descendants contribute to the same group
            });
        }
    }

    @org.junit.jupiter.api.Test
    void aFoldWithAnotherThreadsTeamThreadIsRejected() {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Omp.parallel(2).run(t -> t.single(() -> t.taskgroupReduce(LongReducer.SUM, acc -> {
            // as a task on another thread would, if it captured its creator's TeamThread
            Thread other = new Thread(() -> {
                try {
                    acc.fold(t, 1);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        assertThat(thrown.get()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fold with the TeamThread the task was given");
    }

    @Property(tries = 30)
    void taskwaitDoesNotWaitForGrandchildren(@ForAll @IntRange(min = 2, max = 4) int threads) {
        // The grandchild waits until the parent's taskwait has returned; if taskwait waited for it,
        // the grandchild would time out. (Run on the parent's own thread, it cannot wait: skipped.)
        AtomicInteger timedOut = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() -> {
            Thread parent = Thread.currentThread();
            java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
            t.task(child -> child.task(grandchild -> {
                if (Thread.currentThread() == parent) return;
                try {
                    if (!released.await(5, java.util.concurrent.TimeUnit.SECONDS)) timedOut.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            t.taskwait();
            released.countDown();
        })));
        assertThat(timedOut.get()).isZero();
    }

    @Property(tries = 40)
    void aThrowingTaskFailsTheRegionWithoutDeadlock(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads,
                                                     @ForAll boolean waitInEachTask) {
        Tree tree = Tree.random(seed, 200);
        int thrower = 1 + new Random(seed).nextInt(Math.max(1, tree.size() - 1));
        if (thrower >= tree.size()) return;   // a tree of the root alone
        IllegalStateException boom = new IllegalStateException("task " + thrower);
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> Omp.parallel(threads).run(t -> t.single(() ->
                throwIn(t, tree, 0, thrower, boom, waitInEachTask)))).isSameAs(boom));
        // the team is usable afterwards
        AtomicInteger ran = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            for (int i = 0; i < 10; i++) t.task(u -> ran.incrementAndGet());
            t.barrier();
        }));
        assertThat(ran.get()).isEqualTo(10 * threads);
    }

    private static void throwIn(TeamThread t, Tree tree, int node, int thrower, RuntimeException boom, boolean wait) {
        for (int c : tree.children().get(node)) {
            t.task(u -> {
                if (c == thrower) throw boom;
                throwIn(u, tree, c, thrower, boom, wait);
            });
        }
        if (wait) t.taskwait();
    }

    @Property(tries = 40)
    void aBarrierCompletesEveryTaskCreatedBeforeIt(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int threads) {
        Tree tree = Tree.random(seed, 200);
        AtomicIntegerArray runs = new AtomicIntegerArray(tree.size() * threads);
        AtomicInteger incomplete = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            int base = t.threadNum() * tree.size();
            spawnOffset(t, tree, 0, base, runs, false);
            t.barrier();
            for (int n = 1; n < tree.size(); n++) if (runs.get(base + n) != 1) incomplete.incrementAndGet();
        }));
        assertThat(incomplete.get()).isZero();
    }

    @Property(tries = 200)
    void taskloopRunsEveryIterationOnceInTheRightNumberOfTasks(@ForAll @IntRange(min = -50, max = 50) int lo,
                                                               @ForAll @IntRange(min = -5, max = 2000) int count,
                                                               @ForAll @IntRange(min = 1, max = 300) int grain,
                                                               @ForAll @IntRange(min = 1, max = 4) int threads,
                                                               @ForAll boolean byNumTasks) {
        int hi = lo + count;
        int n = Math.max(0, count);
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
        AtomicInteger chunks = new AtomicInteger();
        AtomicInteger badChunk = new AtomicInteger();
        long[] sum = new long[1];
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() -> {
            RangeBodies.IntRange body = (a, b) -> {
                chunks.incrementAndGet();
                if (!byNumTasks && n >= grain && (b - a < grain || b - a >= 2 * grain)) badChunk.incrementAndGet();
                for (int i = a; i < b; i++) seen.incrementAndGet(i - lo);
            };
            if (byNumTasks) t.taskloopNumTasks(lo, hi, grain, body);
            else t.taskloop(lo, hi, grain, body);
            sum[0] = t.taskloopReduce(lo, hi, grain, LongReducer.SUM, (a, b) -> {
                long s = 0;
                for (int i = a; i < b; i++) s += i;
                return s;
            });
        })));
        for (int i = 0; i < n; i++) assertThat(seen.get(i)).as("iteration %d", lo + i).isEqualTo(1);
        long tasks = n == 0 ? 0 : byNumTasks ? Math.min(grain, n) : Math.max(1, n / grain);
        assertThat(chunks.get()).isEqualTo((int) tasks);
        assertThat(badChunk.get()).as("chunks outside [grainsize, 2 grainsize)").isZero();
        long expected = 0;
        for (int i = lo; i < hi; i++) expected += i;
        assertThat(sum[0]).isEqualTo(expected);
    }

    @Property(tries = 20)
    void undeferredAndFinalTasksRunAtOnceOnTheCreatingThread(@ForAll @IntRange(min = 1, max = 4) int threads) {
        AtomicInteger wrong = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            Thread me = Thread.currentThread();
            boolean[] ran = new boolean[1];
            t.taskIf(false, u -> ran[0] = Thread.currentThread() == me);
            if (!ran[0]) wrong.incrementAndGet();
            t.taskFinal(true, u -> {
                Thread runner = Thread.currentThread();
                boolean[] inner = new boolean[1];
                u.task(v -> u.task(w -> inner[0] = Thread.currentThread() == runner));   // included, even two deep
                if (!inner[0]) wrong.incrementAndGet();
            });
            t.taskwait();
        }));
        assertThat(wrong.get()).isZero();
    }

    @Property(tries = 10)
    void fibonacciByTasksMatchesTheSerialValue(@ForAll @IntRange(min = 0, max = 24) int n,
                                               @ForAll @IntRange(min = 1, max = 4) int threads,
                                               @ForAll @IntRange(min = 2, max = 12) int cutoff) {
        long[] result = new long[1];
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> t.single(() -> result[0] = fib(t, n, cutoff))));
        assertThat(result[0]).isEqualTo(serialFib(n));
    }

    static long fib(TeamThread t, int n, int cutoff) {
        if (n < cutoff) return serialFib(n);
        long[] x = new long[1];
        t.task(u -> x[0] = fib(u, n - 1, cutoff));
        long y = fib(t, n - 2, cutoff);
        t.taskwait();
        return x[0] + y;
    }

    static long serialFib(int n) {
        return n < 2 ? n : serialFib(n - 1) + serialFib(n - 2);
    }

    /**
     * Tasks created by one thread are stolen by every other: each task holds its thread until all
     * of them have started, which only happens if each of the other threads took one. Regions of
     * different sizes run one after another on the same pooled threads, as in a program.
     */
    @Property(tries = 12)
    void everyOtherThreadStealsTasksFromTheCreator(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 2, max = 4) Integer> teams,
                                                   @ForAll @IntRange(min = 0, max = 3) int creator) {
        for (int j = 0; j < teams.size(); j++) everyOtherThreadSteals(teams.get(j), (creator + j) % teams.get(j));
    }

    /** A thief that last stole in a larger team (from thread 3, say) still finds thread 0 in a team of two. */
    @org.junit.jupiter.api.Test
    void aThiefFromALargerTeamStillStealsInASmallerOne() {
        everyOtherThreadSteals(4, 3);
        everyOtherThreadSteals(2, 0);
    }

    private static void everyOtherThreadSteals(int threads, int maker) {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(threads - 1);
        AtomicIntegerArray ranOn = new AtomicIntegerArray(threads);
        AtomicInteger timedOut = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> Omp.parallel(threads).run(t -> {
            if (t.threadNum() == maker) {
                for (int k = 0; k < threads - 1; k++) {
                    t.task(u -> {
                        ranOn.incrementAndGet(u.threadNum());
                        started.countDown();
                        awaitAll(started, timedOut);
                    });
                }
                awaitAll(started, timedOut);   // the creator waits outside the runtime, so it cannot take a task itself
            }
        }));
        assertThat(timedOut.get()).as("tasks that waited in vain for a thief (%d threads, created on %d)", threads, maker).isZero();
        for (int i = 0; i < threads; i++) {
            assertThat(ranOn.get(i)).as("tasks run by thread " + i).isEqualTo(i == maker ? 0 : 1);
        }
    }

    private static void awaitAll(java.util.concurrent.CountDownLatch started, AtomicInteger timedOut) {
        try {
            if (!started.await(5, java.util.concurrent.TimeUnit.SECONDS)) timedOut.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @org.junit.jupiter.api.Test
    void barriersAndWorksharingInsideATaskAreRejected() {
        assertThatThrownBy(() -> Omp.parallel(2).run(t -> t.single(() -> t.task(u -> u.barrier()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("barrier inside a task");
        assertThatThrownBy(() -> Omp.parallel(2).run(t -> t.master(() -> t.task(u ->
                u.loop(0, 10, Schedule.STATIC, (int i) -> { })))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("worksharing loop inside a task");
        assertThatThrownBy(() -> Omp.parallel(2).run(t -> t.taskloop(0, 10, 0, (a, b) -> { })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grainsize");
        assertThatThrownBy(() -> Omp.parallel(2).run(t -> t.task(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task body is null");
    }
}
