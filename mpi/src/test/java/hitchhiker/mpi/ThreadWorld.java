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

    private ThreadWorld() {
    }

    /** Runs {@code body} in {@code np} ranks and returns their results by rank; rethrows the first failure. */
    static <T> List<T> run(int np, RankBody<T> body) throws Exception {
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
