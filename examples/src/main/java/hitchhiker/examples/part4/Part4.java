package hitchhiker.examples.part4;

import hitchhiker.examples.Example;

import java.util.List;

/** Part 4 of the guide, message passing (mpi4py): its examples in the order the guide takes them. */
public final class Part4 {

    private Part4() {
    }

    /** The examples of this part, in guide order. */
    public static List<Example> examples() {
        return List.of(Hello.EXAMPLE, PointToPoint.EXAMPLE, Broadcast.EXAMPLE, SpawnPi.EXAMPLE, Pi.EXAMPLE, Futures.EXAMPLE);
    }
}
