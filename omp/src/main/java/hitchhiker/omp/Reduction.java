package hitchhiker.omp;

/**
 * A reduction operator on partials stored as raw long bits (an int widened, a long, or a
 * double's bits), so one reduction path in the runtime serves the three value types.
 */
@FunctionalInterface
interface Reduction {
    long combine(long a, long b);
}
