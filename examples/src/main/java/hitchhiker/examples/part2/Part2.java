package hitchhiker.examples.part2;

import hitchhiker.examples.Example;

import java.util.List;

/** Part 2 of the guide, JIT, SIMD and data-parallel loops (Numba): its examples in the order the guide takes them. */
public final class Part2 {

    private Part2() {
    }

    /** The examples of this part, in guide order. */
    public static List<Example> examples() {
        return List.of(GoFast.EXAMPLE, PrangeSum.EXAMPLE, ReduceProd.EXAMPLE, Filter2d.EXAMPLE);
    }
}
