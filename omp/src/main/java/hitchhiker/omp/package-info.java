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
 * }</pre>
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
