package hitchhiker.mpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A nonblocking send or receive in flight (mpi4py's {@code Request}). {@link #waitFor} blocks
 * until it completes ({@code wait} is taken by {@link Object}); {@link #test} never blocks.
 * A failure (a dead peer, a truncated message) is thrown from either.
 */
public class Request {

    hitchhiker.mpi.spi.Request raw;

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

    /**
     * Cancels the operation if nothing has matched it yet (MPI_Cancel): returns whether it was
     * cancelled (it is then complete, with an empty status, and moved no data).
     */
    public boolean cancel() {
        return raw.cancel();
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

    /**
     * The index of a completed request, waiting until one completes (MPI_Waitany); the lowest
     * such index, so a program that removes it and calls again sees each request once.
     */
    public static int waitAny(List<? extends Request> requests) {
        if (requests.isEmpty()) return Mpi.UNDEFINED;
        for (int spins = 0; ; spins++) {
            int done = testAny(requests);
            if (done >= 0) return done;
            pause(spins);
        }
    }

    /** The index of a completed request, or -1 when none has completed yet (MPI_Testany); never blocks. */
    public static int testAny(List<? extends Request> requests) {
        for (int i = 0; i < requests.size(); i++) if (requests.get(i).test()) return i;
        return -1;
    }

    /** The indices of the completed requests, waiting until at least one completes (MPI_Waitsome). */
    public static List<Integer> waitSome(List<? extends Request> requests) {
        if (requests.isEmpty()) return List.of();
        for (int spins = 0; ; spins++) {
            List<Integer> done = testSome(requests);
            if (!done.isEmpty()) return done;
            pause(spins);
        }
    }

    /** The indices of the requests that have completed, perhaps none (MPI_Testsome); tests each one. */
    public static List<Integer> testSome(List<? extends Request> requests) {
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) if (requests.get(i).test()) done.add(i);
        return done;
    }

    // Spin first (a message is often microseconds away), then yield, then sleep briefly: a
    // waiter on a shared machine must not take a core from the peer it waits for.
    private static void pause(int spins) {
        if (spins < 200) {
            Thread.onSpinWait();
        } else if (spins < 400) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(50_000);
        }
    }
}
