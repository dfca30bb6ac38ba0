package hitchhiker.examples.part4;

import hitchhiker.examples.Check;
import hitchhiker.mpi.Comm;
import hitchhiker.mpi.RankProgram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** part4.p2p: rank 0 sends a small map, {a: 7, b: 3.14}, to rank 1 as an object message (point_mpi.py). */
public final class PointToPoint {

    private PointToPoint() {
    }

    static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 7);
        m.put("b", 3.14);
        return m;
    }

    /** Rank 0 sends with tag 11, rank 1 receives and prints; other ranks have nothing to do. */
    public static final class Program implements RankProgram {
        @Override
        public Object run(Comm world, List<String> args) {
            if (world.size() < 2) throw new IllegalArgumentException("part4.p2p needs at least 2 ranks (-np 2)");
            Object received = null;
            if (world.rank() == 0) {
                world.send(new LinkedHashMap<>(DATA), 1, 11);
            } else if (world.rank() == 1) {
                received = world.recv(0, 11);
                System.out.println("rank 1 received " + received);
            }
            // For the check: rank 0 learns what rank 1 got.
            List<Object> all = world.gather(received, 0);
            return all == null ? null : all.get(1);
        }
    }

    static final MpiExample EXAMPLE = new MpiExample("part4.p2p", "Send a map from rank 0 to rank 1",
            "Part 4, point_mpi.py (comm.send / comm.recv, -np 2)", List.of(), Program.class, 2,
            MpiExample.launchOnce((got, np) -> Check.of(DATA.equals(got), "rank 1 received " + got + " (sent " + DATA + ")")));
}
