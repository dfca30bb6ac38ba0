package hitchhiker.mpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A nonblocking send or receive in flight (mpi4py's {@code Request}). {@link #waitFor} blocks
 * until it completes ({@code wait} is taken by {@link Object}); {@link #test} never blocks.
 * A failure (a dead peer, a truncated message) is thrown from either.
 */
public class Request {

    final hitchhiker.mpi.spi.Request raw;

    Request(hitchhiker.mpi.spi.Request raw) {
        this.raw = Objects.requireNonNull(raw);
    }

    /** Blocks until the operation completes and returns its status. */
    public Status waitFor() {
        return raw.await();
    }

    /** Whether the operation has completed; makes progress but never blocks. */
    public boolean test() {
        return raw.test() != null;
    }

    /** Waits for every request, in order, and returns their statuses (MPI_Waitall). */
    public static List<Status> waitAll(Collection<? extends Request> requests) {
        List<Status> statuses = new ArrayList<>(requests.size());
        for (Request r : requests) statuses.add(r.waitFor());
        return statuses;
    }

    /** Waits for every request (MPI_Waitall). */
    public static List<Status> waitAll(Request... requests) {
        return waitAll(List.of(requests));
    }

    /** Whether every request has completed (MPI_Testall); tests each one, so all make progress. */
    public static boolean testAll(Collection<? extends Request> requests) {
        boolean all = true;
        for (Request r : requests) all &= r.test();
        return all;
    }
}
