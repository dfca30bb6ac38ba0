package hitchhiker.mpi;

import hitchhiker.mpi.embedded.EmbeddedBackend;
import hitchhiker.mpi.spi.Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ranks of a world as threads of the test JVM, over the very transport processes use
 * (a shared-memory fabric, one engine per rank), so collective and ordering tests stay fast.
 */
final class ThreadWorld {

    interface RankBody<T> {
        T run(Comm world) throws Exception;
    }

    /**
     * When set (by {@link ApiSuiteRank}, which runs these tests under Open MPI's mpirun with one
     * rank per process, on the native backend), bodies run on this process's world instead of
     * threads: a test written for another world size is skipped ({@link OtherWorldSize}), and the
     * results are gathered from every rank, so the assertions after {@code run} hold as they are.
     */
    static volatile Comm processWorld;

    /** Thrown under {@link #processWorld} by a test written for a world of another size. */
    static final class OtherWorldSize extends RuntimeException {
        OtherWorldSize() {
            super(null, null, false, false);
        }
    }

    private ThreadWorld() {
    }

    /** Runs {@code body} in {@code np} ranks and returns their results by rank; rethrows the first failure. */
    static <T> List<T> run(int np, RankBody<T> body) throws Exception {
        Comm world = processWorld;
        if (world != null) {
            if (world.size() != np) throw new OtherWorldSize();
            return world.allgather(body.run(world));
        }
        Path file = EmbeddedBackend.createWorld(np);
        ExecutorService pool = Executors.newFixedThreadPool(np);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < np; r++) {
                int rank = r;
                futures.add(pool.submit(() -> {
                    Backend b = EmbeddedBackend.attach(file, rank);
                    try {
                        return body.run(new Comm(b.world()));
                    } finally {
                        b.finish();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) throw ex;
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
        }
    }
}
