/**
 * An OpenMP-style runtime for Java: parallel regions run by a persistent team of threads,
 * worksharing loops with OpenMP's schedules, reductions, and the synchronisation constructs.
 *
 * <pre>{@code
 * // #pragma omp parallel num_threads(4)
 * Omp.parallel(4).run(t -> System.out.println("thread " + t.threadNum() + " of " + t.numThreads()));
 *
 * // #pragma omp parallel for schedule(dynamic, 1)
 * Omp.parallel().loop(0, rows, Schedule.dynamic(1), (lo, hi) -> { for (int i = lo; i < hi; i++) row(i); });
 *
 * // #pragma omp parallel for reduction(+: s)
 * long s = Omp.parallel().reduce(0, 30, Schedule.STATIC, LongReducer.SUM, i -> i);
 *
 * // a region with worksharing, barriers, single and critical
 * Omp.parallel().run(t -> {
 *     t.loopNowait(0, n, Schedule.GUIDED, (lo, hi) -> phaseOne(lo, hi));
 *     t.barrier();
 *     t.single(() -> swapBuffers());
 *     double total = t.reduce(0, n, Schedule.STATIC, DoubleReducer.SUM, i -> x[i]);
 *     t.critical("log", () -> log.add(total));
 * });
 *
 * // tasks: one thread starts a recursion, the team runs its tasks (#pragma omp task / taskwait)
 * Omp.parallel().run(t -> t.single(() -> result[0] = fib(t, 35)));
 * static long fib(TeamThread t, int n) {
 *     if (n < 20) return serialFib(n);                 // the cut-off: below it a task costs more than it carries
 *     long[] x = new long[1];
 *     t.task(u -> x[0] = fib(u, n - 1));               // u: the thread that runs the task
 *     long y = fib(t, n - 2);
 *     t.taskwait();
 *     return x[0] + y;
 * }
 * }</pre>
 *
 * <p><b>Tasks</b> ({@link hitchhiker.omp.TeamThread#task}, {@code taskwait}, {@code taskgroup},
 * {@code taskloop}, the {@code if} and {@code final} cut-offs, taskloop reductions) go to the
 * creating thread's own work-stealing deque; a thread that waits (taskwait, taskgroup, a barrier,
 * the region's end) runs its newest task or steals another thread's oldest. A waiting thread may
 * run any task of the team, so a task must not wait (taskwait, taskgroup) while it holds a lock a
 * task might take: {@code critical} sections are reentrant locks.
 *
 * <p><b>Interrupts.</b> A wait in the team never consumes the caller's interrupt and never spins
 * on it: parking clears the flag, and the wait sets it again when it ends, so the code that
 * called the barrier or the region still sees it. A pooled thread's flag is cleared when its part
 * of a region ends, as a thread pool does between tasks.
 *
 * <p>Mapping from OpenMP: {@code omp_get_thread_num()} is {@link hitchhiker.omp.TeamThread#threadNum()},
 * {@code omp_get_num_threads()} {@link hitchhiker.omp.TeamThread#numThreads()},
 * {@code omp_set_num_threads} {@link hitchhiker.omp.Omp#setNumThreads}, {@code omp_set_schedule}
 * {@link hitchhiker.omp.Omp#setSchedule}; {@code OMP_NUM_THREADS}, {@code OMP_SCHEDULE} and
 * {@code OMP_WAIT_POLICY} are read at start-up. Atomics are Java's own
 * ({@code java.util.concurrent.atomic}). Loop bodies that take a chunk {@code (lo, hi)} are the
 * fast form: the per-iteration cost is then a plain loop the JIT compiles, not a call.
 */
package hitchhiker.omp;
