package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Variant;
import hitchhiker.mpi.Buffer;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.Mpi;
import hitchhiker.mpi.Op;
import hitchhiker.mpi.RankProgram;

import java.util.List;
import java.util.Locale;

/**
 * part4.spawnpi: a parent process spawns children that compute π together (parent_pi.py and
 * child_pi.py). The parent broadcasts N through the intercommunicator (root = ROOT), the children
 * each sum a share of the midpoint rule, and a SUM reduction brings π back to the parent.
 */
public final class SpawnPi {

    private SpawnPi() {
    }

    /** The parent (parent_pi.py): spawn, Bcast N, Reduce the children's sums, disconnect. */
    public static final class Parent implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            var values = EXAMPLE.values(args);
            int children = Math.toIntExact((Long) values.get("children"));
            int[] n = {Math.toIntExact((Long) values.get("N"))};
            Comm comm = Mpi.self().spawn(Child.class, List.of(), children, 0);
            comm.bcastBuffer(Buffer.of(n), Mpi.ROOT);
            double[] pi = new double[1];
            comm.reduceBuffer(null, Buffer.of(pi), Op.SUM, Mpi.ROOT);
            System.out.printf(Locale.ROOT, "pi is approximately %.16f, error is %.16f (from %d spawned processes)%n",
                    pi[0], Math.abs(pi[0] - Math.PI), children);
            comm.disconnect();
            return pi[0];
        }
    }

    /** A child (child_pi.py): receive N from the parent, sum its share, reduce to the parent. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            Comm parent = Mpi.parent().orElseThrow(() -> new IllegalStateException("SpawnPi.Child must be spawned"));
            int[] n = new int[1];
            parent.bcastBuffer(Buffer.of(n), 0);
            double[] mine = {Pi.partialSum(n[0], parent.rank(), parent.size())};
            parent.reduceBuffer(Buffer.of(mine), null, Op.SUM, 0);
            parent.disconnect();
        }
    }

    static final MpiExample EXAMPLE = new MpiExample("part4.spawnpi", "A parent spawns 5 children that compute pi",
            "Part 4, parent_pi.py / child_pi.py (Spawn, Bcast, Reduce over an intercommunicator)",
            List.of(Param.integer("N", 100, 1, 1_000_000_000L, "number of intervals"),
                    Param.integer("children", 5, 1, 32, "how many processes the parent spawns").quick(2)),
            Parent.class, 1, (example, s, work) -> {
                long n = s.longValue("N");
                int children = s.intValue("children");
                String name = "1 + " + children + " spawned";
                work.add(Variant.parallel(name, children, () -> example.launch(s, 1).result()));
                work.check(r -> {
                    double pi = (Double) r.get(name);
                    double reference = Pi.partialSum(n, 0, 1);
                    boolean ok = Math.abs(pi - reference) <= 1e-12 && Math.abs(pi - Math.PI) < 1e-3;
                    return Check.of(ok, String.format(Locale.ROOT, "pi = %.16f (serial sum %.16f; |pi - π| = %.1e, want < 1e-3)",
                            pi, reference, Math.abs(pi - Math.PI)));
                });
            });
}
