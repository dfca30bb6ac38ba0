/**
 * Part 2 of the guide, the workshop's Numba tutorial in plain Java: the HotSpot JIT (which, like
 * Numba, compiles code as it is used, so first calls are slow), SIMD through the Vector API
 * ({@code jdk.incubator.vector}), and data-parallel loops with parallel streams.
 *
 * <p>Two things measured on a 2-core machine shape the code here. Parallel streams run in the common
 * ForkJoinPool, whose parallelism is cores − 1 = 1 there, so every parallel loop runs in a
 * {@link hitchhiker.examples.part2.StreamPool} of {@code --threads} workers instead. And a fresh
 * 800 MB array costs more in page faults and zeroing than {@code go_fast}'s whole add, so
 * {@link hitchhiker.examples.part2.GoFast} reuses one output buffer and reports what a fresh one costs.
 */
package hitchhiker.examples.part2;
