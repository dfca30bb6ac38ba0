package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.Channel;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The embedded backend: processes on one machine linked by a shared-memory {@link Fabric}, as
 * {@link Launcher} (or a spawning parent) started them, or a singleton world of one.
 *
 * <p>Contexts: the world uses contexts 0/1 of its fabric and self 2/3; a spawn's intercommunicator
 * uses 0/1 of its own fabric; {@link EmbeddedChannel#split} allocates further pairs.
 */
public final class EmbeddedBackend implements Backend {

    private static final int WORLD = 0, SELF = 2, FIRST_FREE = 4;

    private final String name;
    private final Engine engine = new Engine();
    private final Channels channels;
    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final List<Fabric> fabrics = new CopyOnWriteArrayList<>();
    private volatile boolean finished;

    private EmbeddedBackend(String name, Fabric worldFabric, Fabric parentFabric, int parentSize) {
        this.name = name;
        Endpoint w = join(worldFabric, FIRST_FREE);
        int size = worldFabric.participants();
        int me = worldFabric.me();
        Channel parent = null;
        if (parentFabric != null) {
            Endpoint p = join(parentFabric, 2);
            int total = parentFabric.participants();
            parent = new EmbeddedChannel(this, p, 0, range(parentSize, total), range(0, parentSize), true, false);
        }
        this.channels = new Channels(new EmbeddedChannel(this, w, WORLD, range(0, size), range(0, size), false, false),
                new EmbeddedChannel(this, w, SELF, new int[] {me}, new int[] {me}, false, false), Optional.ofNullable(parent));
    }

    /** A rank started by {@link Launcher} or by a spawn, as its environment describes it. */
    static Backend fromEnvironment(Map<String, String> env) {
        int rank = intVar(env, LaunchEnv.RANK);
        int size = intVar(env, LaunchEnv.SIZE);
        String file = env.get(LaunchEnv.FABRIC);
        if (file == null) throw new MpiException(LaunchEnv.FABRIC + " is not set: start ranks with hhg mpirun");
        String watch = env.get(LaunchEnv.WATCH_PID);
        if (watch != null) {
            List<Path> shared = new java.util.ArrayList<>(List.of(Path.of(file)));
            if (env.containsKey(LaunchEnv.RESULT)) shared.add(Path.of(env.get(LaunchEnv.RESULT)));
            ParentWatch.start(Long.parseLong(watch), shared);
        }
        Fabric w = Fabric.attach(Path.of(file), rank);
        if (w.participants() != size) throw new MpiException("world of " + w.participants() + " but size " + size);
        Fabric p = null;
        int parentSize = 0;
        if (env.containsKey(LaunchEnv.PARENT_FABRIC)) {
            parentSize = intVar(env, LaunchEnv.PARENT_SIZE);
            p = Fabric.attach(Path.of(env.get(LaunchEnv.PARENT_FABRIC)), parentSize + rank);
        }
        EmbeddedBackend b = new EmbeddedBackend("embedded", w, p, parentSize);
        b.markFinishedAtExit();
        return b;
    }

    /** A world of one process (no launcher). */
    static Backend singleton() {
        Path file = Fabric.create(1);
        Fabric w = Fabric.attach(file, 0);
        deleteQuietly(file);
        EmbeddedBackend b = new EmbeddedBackend("singleton", w, null, 0);
        b.markFinishedAtExit();
        return b;
    }

    /** A fresh shared-memory world for {@code size} ranks, to {@link #attach} threads to (tests, benchmarks). */
    public static Path createWorld(int size) {
        if (size < 1) throw new IllegalArgumentException("a world needs at least 1 rank, not " + size);
        return Fabric.create(size);
    }

    /**
     * Rank {@code rank} of the world in {@code file}, for running ranks as threads of one JVM over the
     * same transport the processes use; call {@link #finish()} when the rank is done.
     */
    public static Backend attach(Path file, int rank) {
        return new EmbeddedBackend("embedded", Fabric.attach(file, rank), null, 0);
    }

    private void markFinishedAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> fabrics.forEach(Fabric::markFinished), "hhg-mpi-exit"));
    }

    private Endpoint join(Fabric f, int firstFreeContext) {
        fabrics.add(f);
        return engine.join(f, firstFreeContext);
    }

    Endpoint joinSpawned(Fabric f) {
        return join(f, 2);
    }

    Engine engine() {
        return engine;
    }

    void adopt(List<Process> spawned) {
        children.addAll(spawned);
    }

    /** Waits until every queued send is in its ring (or its receiver is gone). */
    void awaitSendsFlushed() {
        engine.flush();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Channels channels() {
        return channels;
    }

    @Override
    public String processorName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    /**
     * Delivers queued sends, marks this process finished in every fabric (so peers waiting on it
     * fail instead of hanging), then waits for the processes it spawned (killing them after 60 s).
     */
    @Override
    public void finish() {
        if (finished) return;
        finished = true;
        awaitSendsFlushed();
        fabrics.forEach(Fabric::markFinished);
        for (Process p : children) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void failed(boolean ownFault) {
        fabrics.forEach(f -> f.markFailed(ownFault));
    }

    @Override
    public void abort(int exitCode) {
        System.out.flush();
        System.err.flush();
        children.forEach(Process::destroyForcibly);
        Runtime.getRuntime().halt(exitCode == 0 ? 1 : exitCode);
    }

    static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception ignored) {
            // deleteOnExit is the fallback
        }
    }

    private static int intVar(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null) throw new MpiException(name + " is not set: start ranks with hhg mpirun");
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new MpiException(name + "=" + v + " is not a number");
        }
    }
}
