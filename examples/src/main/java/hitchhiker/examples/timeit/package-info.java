/**
 * A {@code %timeit} for Java: {@link hitchhiker.examples.timeit.Timeit} picks how many calls make a
 * repeat, repeats, and reports the best and the median apart from the first call (interpreter and
 * JIT compilation — what Numba calls compiling on first use); {@link hitchhiker.examples.timeit.CallTimer}
 * does the same for code that something else calls. For the project's benchmarks, use JMH.
 */
package hitchhiker.examples.timeit;
