package hitchhiker.examples.part3;

import hitchhiker.examples.Example;

import java.util.List;

/** Part 3 of the guide, shared-memory threads, OpenMP style (Cython + OpenMP): its examples in the order the guide takes them. */
public final class Part3 {

    private Part3() {
    }

    /** The examples of this part, in guide order. */
    public static List<Example> examples() {
        return List.of(Fib.EXAMPLE, PrangeSum.EXAMPLE, ThreadIds.EXAMPLE, JuliaSet.EXAMPLE);
    }
}
