package hitchhiker.examples.part4;

import hitchhiker.mpi.Comm;
import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.RankProgram;
import hitchhiker.mpi.embedded.EmbeddedBackend;
import hitchhiker.mpi.embedded.Launcher;
import hitchhiker.mpi.spi.Backend;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An MPI job kept running between the harness's timed calls, so what is timed is the work and not
 * the JVM launches (which are measured once and reported apart).
 *
 * <p>This process and the job's rank 0 share a two-process shared-memory link (the embedded
 * transport again); the job's program finds it in a {@code link=PATH} argument, says hello, and
 * then serves requests: each {@link #call} sends one object to rank 0 and waits for its answer;
 * {@link #close} sends {@code null}, which ends the job. If the job dies, a call fails (the
 * transport notices the dead peer) rather than waiting forever.
 */
final class ResidentJob implements AutoCloseable {

    /** The argument that carries the link's path to the job. */
    static final String LINK = "link=";

    private final Path link;
    private final Backend self;
    private final Comm toRank0;
    private final CompletableFuture<Launcher.Result> job;
    private final double launchSeconds;

    private ResidentJob(Path link, Backend self, CompletableFuture<Launcher.Result> job, double launchSeconds) {
        this.link = link;
        this.self = self;
        this.toRank0 = new Comm(self.world());
        this.job = job;
        this.launchSeconds = launchSeconds;
    }

    /** Launches {@code np} ranks of {@code program} and waits until rank 0 has said hello. */
    static ResidentJob start(int np, Class<? extends RankProgram> program, List<String> args, PrintStream out) {
        Path link = EmbeddedBackend.createWorld(2);
        Backend self = EmbeddedBackend.attach(link, 0);
        List<String> all = new ArrayList<>(args);
        all.add(LINK + link);
        long t0 = System.nanoTime();
        // Its own thread: the launcher blocks for the job's whole life, and the common pool may have
        // a single thread on two cores, which would leave a second job never launched.
        CompletableFuture<Launcher.Result> job = new CompletableFuture<>();
        Thread launcher = new Thread(() -> {
            try {
                job.complete(Launcher.run(np, program.getName(), all, Launcher.Options.defaults().withOutput(out, System.err)));
            } catch (Throwable t) {
                job.completeExceptionally(t);
            }
        }, "hhg-resident-job-" + np);
        launcher.setDaemon(true);
        launcher.start();
        Comm comm = new Comm(self.world());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (comm.iprobe(1, 0).isEmpty()) {
            if (job.isDone() || System.nanoTime() > deadline) {
                self.finish();
                throw new IllegalStateException(program.getSimpleName() + " with -np " + np + " did not start: "
                        + (job.isDone() ? describe(job) : "no answer in 120 s"));
            }
            sleep();
        }
        comm.recv(1, 0);
        return new ResidentJob(link, self, job, (System.nanoTime() - t0) / 1e9);
    }

    /** Whether the job was started resident (its arguments name a link). */
    static boolean isResident(List<String> args) {
        return args.stream().anyMatch(a -> a.startsWith(LINK));
    }

    /** In the job's rank 0: joins the link named in the arguments and says hello; finish() it at the end. */
    static Backend joinLink(List<String> args) {
        String path = args.stream().filter(a -> a.startsWith(LINK)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + LINK + " argument")).substring(LINK.length());
        Backend link = EmbeddedBackend.attach(Path.of(path), 1);
        new Comm(link.world()).send("hello", 0, 0);
        return link;
    }

    /** The arguments without the link (what the program's own parameters are). */
    static List<String> withoutLink(List<String> args) {
        return args.stream().filter(a -> !a.startsWith(LINK)).toList();
    }

    /** Seconds from launching the JVMs until rank 0 answered. */
    double launchSeconds() {
        return launchSeconds;
    }

    /** Sends a request to rank 0 and returns its answer. */
    <T> T call(Object request) {
        toRank0.send(request, 1, 0);
        try {
            return toRank0.recv(1, 0);
        } catch (MpiException e) {
            Launcher.Result r = job.completeOnTimeout(null, 3, TimeUnit.SECONDS).join();
            throw new IllegalStateException(r == null ? e.getMessage() : r.failure(), e);
        }
    }

    @Override
    public void close() {
        try {
            toRank0.send(null, 1, 0);
            Launcher.Result r = job.get(30, TimeUnit.SECONDS);
            if (!r.succeeded()) throw new IllegalStateException(r.failure());
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) throw ise;
            throw new IllegalStateException("the resident job did not end: " + e, e);
        } finally {
            self.finish();
            try {
                Files.deleteIfExists(link);
            } catch (Exception ignored) {
                // deleteOnExit is the fallback
            }
        }
    }

    private static String describe(CompletableFuture<Launcher.Result> job) {
        try {
            return job.join().failure();
        } catch (RuntimeException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a job", e);
        }
    }
}
