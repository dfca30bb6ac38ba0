package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.examples.Param;
import hitchhiker.examples.Results;
import hitchhiker.examples.Settings;
import hitchhiker.examples.Variant;
import hitchhiker.examples.Workload;
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
public final class SpawnPi implements MpiExample {

    private static final List<Param> PARAMS = List.of(
            Param.integer("N", 100, 1, 1_000_000_000L, "number of intervals"),
            Param.integer("children", 5, 1, 32, "how many processes the parent spawns").quick(2));

    /** The parent (parent_pi.py): spawn, Bcast N, Reduce the children's sums, disconnect. */
    public static final class Parent implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            var values = MpiExample.parseArgs(PARAMS, args);
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

    @Override
    public String id() {
        return "part4.spawnpi";
    }

    @Override
    public String title() {
        return "A parent spawns 5 children that compute pi";
    }

    @Override
    public String mirrors() {
        return "Part 4, parent_pi.py / child_pi.py (Spawn, Bcast, Reduce over an intercommunicator)";
    }

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public Class<? extends RankProgram> program() {
        return Parent.class;
    }

    @Override
    public int defaultRanks() {
        return 1;
    }

    @Override
    public Workload prepare(Settings settings) {
        long n = settings.longValue("N");
        int children = settings.intValue("children");
        String name = "1 + " + children + " spawned";
        return new Workload() {
            @Override
            public List<Variant> variants() {
                return List.of(Variant.parallel(name, children, () -> launch(settings, 1).result()));
            }

            @Override
            public Object result(Results results) {
                return results.get(name);
            }

            @Override
            public Check check(Results results) {
                double pi = (Double) results.get(name);
                double reference = Pi.partialSum(n, 0, 1);
                boolean ok = Math.abs(pi - reference) <= 1e-12 && Math.abs(pi - Math.PI) < 1e-3;
                return Check.of(ok, String.format(Locale.ROOT, "pi = %.16f (serial sum %.16f; |pi - π| = %.1e, want < 1e-3)",
                        pi, reference, Math.abs(pi - Math.PI)));
            }
        };
    }
}
