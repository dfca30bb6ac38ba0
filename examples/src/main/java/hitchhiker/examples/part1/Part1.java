package hitchhiker.examples.part1;

import hitchhiker.examples.Example;

import java.util.List;

/** Part 1 of the guide, processes (multiprocessing): its examples in the order the guide takes them. */
public final class Part1 {

    private Part1() {
    }

    /** The examples of this part, in guide order. */
    public static List<Example> examples() {
        return List.of(HelloProcess.EXAMPLE, SharedState.EXAMPLE, MonteCarloPi.EXAMPLE, Primes.EXAMPLE);
    }
}
