package hitchhiker.mpi.ffm;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.Backends;
import hitchhiker.mpi.spi.Channel;
import hitchhiker.mpi.spi.ElementType;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Spawn through MPI_Comm_spawn, as the workshop's parent_pi.py / child_pi.py: the parents (every
 * rank of the world, root 0) start {@code children} JVMs running this class, broadcast N over the
 * intercommunicator, and reduce the children's partial midpoint sums of 4/(1+x²) to π; then
 * everyone disconnects. Prints {@code parent R pi P} and {@code child R of C} lines.
 */
public final class NativeSpawnScenario {

    private NativeSpawnScenario() {
    }

    public static void main(String[] args) {
        Backend backend = Backends.select(System.getenv()).start();
        if (backend.parent().isPresent()) {
            child(backend, backend.parent().get());
        } else {
            parent(backend, Integer.parseInt(args[0]));
        }
        backend.finish();
    }

    static void parent(Backend backend, int children) {
        Channel world = backend.world();
        // Only the root's arguments count (MPI ignores the others'): rank 1 passes placeholders.
        Channel kids = world.rank() == 0 ? world.spawn(NativeSpawnScenario.class.getName(), List.of(), children, 0)
                : world.spawn(null, null, 0, 0);
        if (!kids.isInter() || kids.remoteSize() != children) throw new AssertionError("intercommunicator to " + kids.remoteSize());
        int root = world.rank() == 0 ? Channel.ROOT : Channel.PROC_NULL;
        kids.bcast(MemorySegment.ofArray(new int[] {100}), root);
        double[] pi = new double[1];
        kids.reduce(MemorySegment.NULL, MemorySegment.ofArray(pi), ElementType.DOUBLE, NativeScenarios.op(
                hitchhiker.mpi.spi.ReduceOp.Builtin.SUM), root);
        if (world.rank() == 0) {
            if (Math.abs(pi[0] - Math.PI) > 1e-4) throw new AssertionError("pi " + pi[0]);
            System.out.println("parent 0 pi " + pi[0]);
        }
        // An intercommunicator splits into intercommunicators (parent r with the children of r's parity) and duplicates.
        Channel half = kids.split(world.rank() % 2, 0);
        int expected = (children + 1 - world.rank() % 2) / 2;
        if (!half.isInter() || half.remoteSize() != expected) throw new AssertionError("split: remote " + half.remoteSize());
        Channel copy = kids.dup();
        if (kids.compare(copy) != Channel.CONGRUENT || copy.remoteSize() != children) throw new AssertionError("dup");
        half.close();
        copy.close();
        kids.disconnect();
        System.out.println("parent " + world.rank() + " disconnected");
    }

    static void child(Backend backend, Channel parent) {
        Channel world = backend.world();
        int[] n = new int[1];
        parent.bcast(MemorySegment.ofArray(n), 0);
        double h = 1.0 / n[0], sum = 0;
        for (int i = world.rank(); i < n[0]; i += world.size()) {
            double x = h * (i + 0.5);
            sum += 4.0 / (1.0 + x * x);
        }
        parent.reduce(MemorySegment.ofArray(new double[] {sum * h}), MemorySegment.NULL, ElementType.DOUBLE,
                NativeScenarios.op(hitchhiker.mpi.spi.ReduceOp.Builtin.SUM), 0);
        System.out.println("child " + world.rank() + " of " + world.size());
        Channel half = parent.split(world.rank() % 2, world.rank());
        if (!half.isInter() || half.remoteSize() != 1) throw new AssertionError("split: remote " + half.remoteSize());
        Channel copy = parent.dup();
        if (parent.compare(copy) != Channel.CONGRUENT) throw new AssertionError("dup");
        half.close();
        copy.close();
        parent.disconnect();
    }
}
