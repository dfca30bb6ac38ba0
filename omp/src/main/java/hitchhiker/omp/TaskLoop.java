package hitchhiker.omp;

import hitchhiker.omp.RangeBodies.IntRange;

/**
 * How a {@code taskloop} splits {@code count} iterations from {@code lo} into {@code numTasks}
 * tasks of nearly equal size (the first {@code count % numTasks} one iteration longer), created
 * by the thread that meets the construct inside an implicit taskgroup, as OpenMP specifies.
 */
record TaskLoop(int lo, long count, long numTasks) {

    /** Cache-line padding between the per-thread partials of a reduction. */
    private static final int PAD = 16;

    /** {@code grainsize(g)}: {@code count / g} tasks (at least one), so each has from g to 2g - 1 iterations. */
    static TaskLoop byGrainsize(int lo, int hi, int grainsize) {
        if (grainsize < 1) throw new IllegalArgumentException("taskloop grainsize must be at least 1, not " + grainsize);
        long count = count(lo, hi);
        return new TaskLoop(lo, count, Math.max(1, count / grainsize));
    }

    /** {@code num_tasks(k)}: {@code min(k, count)} tasks. */
    static TaskLoop byNumTasks(int lo, int hi, int numTasks) {
        if (numTasks < 1) throw new IllegalArgumentException("taskloop num_tasks must be at least 1, not " + numTasks);
        long count = count(lo, hi);
        return new TaskLoop(lo, count, Math.max(1, Math.min(numTasks, count)));
    }

    private static long count(int lo, int hi) {
        return hi > lo ? (long) hi - lo : 0;
    }

    /** The first iteration of task {@code i} (task {@code numTasks} gives the end). */
    private int start(long i) {
        long q = count / numTasks;
        long r = count % numTasks;
        return (int) (lo + i * q + Math.min(i, r));
    }

    /** Creates the tasks on {@code t}'s thread and waits for them. */
    void run(TeamThread t, IntRange body) {
        if (body == null) throw new IllegalArgumentException("taskloop body is null");
        if (count == 0) return;
        t.taskgroup(() -> {
            for (long i = 0; i < numTasks; i++) {
                int a = start(i);
                int b = start(i + 1);
                t.task(u -> body.run(a, b));
            }
        });
    }

    /** As {@link #run}, folding each chunk's partial into the partial of the thread that ran it. */
    long reduce(TeamThread t, Reduction op, Reduction.Chunk body) {
        if (body == null) throw new IllegalArgumentException("taskloop body is null");
        long[] partials = new long[t.numThreads() * PAD];
        for (int i = 0; i < partials.length; i += PAD) partials[i] = op.identity();
        if (count != 0) {
            t.taskgroup(() -> {
                for (long i = 0; i < numTasks; i++) {
                    int a = start(i);
                    int b = start(i + 1);
                    t.task(u -> {
                        long v = body.apply(a, b);
                        int k = u.threadNum() * PAD;   // only this thread writes its cell
                        partials[k] = op.combine(partials[k], v);
                    });
                }
            });
        }
        long result = partials[0];
        for (int i = PAD; i < partials.length; i += PAD) result = op.combine(result, partials[i]);
        return result;
    }
}
