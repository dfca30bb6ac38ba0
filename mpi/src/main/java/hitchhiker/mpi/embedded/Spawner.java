package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MpiException;
import hitchhiker.mpi.spi.Channel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MPI_Comm_spawn for the embedded backend. The root creates two fabrics, one for the children's
 * own world and one linking the p parents (participants 0..p-1, by rank) with the n children
 * (participants p..p+n-1), starts the children, and waits until each has attached (MPI_Init
 * done) or died. It then broadcasts the link's path (or the error) to its group-mates, who attach
 * too, and a barrier later the files are unlinked (the mappings stay valid). The children's output
 * is pumped, line by line, into this process's own output, which the launcher forwards.
 */
final class Spawner {

    private static final long ATTACH_TIMEOUT_NANOS = 60_000_000_000L;

    private Spawner() {
    }

    static Channel spawn(EmbeddedBackend backend, EmbeddedChannel group, String mainClass, List<String> args,
                         int count, int root) {
        Channel coll = group.collectiveContext();
        int p = group.size();
        String message = "";
        Path link = null, childWorld = null;
        if (group.rank() == root) {
            try {
                Class.forName(mainClass, false, Thread.currentThread().getContextClassLoader());
                link = Fabric.create(p + count);
                childWorld = Fabric.create(count);
                backend.adopt(startChildren(link, childWorld, p, mainClass, args, count));
                message = "ok " + count + " " + link;
            } catch (ClassNotFoundException e) {
                message = "no class '" + mainClass + "' on the class path";
            } catch (RuntimeException e) {
                message = "spawn failed: " + e.getMessage();
            }
        }
        message = bcastString(coll, message, root);
        if (!message.startsWith("ok ")) {
            if (group.rank() == root) {
                if (link != null) EmbeddedBackend.deleteQuietly(link);
                if (childWorld != null) EmbeddedBackend.deleteQuietly(childWorld);
            }
            throw new MpiException(message);
        }
        // Only the root's count and class mean anything: the others learn the count here.
        String[] okCountLink = message.split(" ", 3);
        int children = Integer.parseInt(okCountLink[1]);
        Fabric f = Fabric.attach(Path.of(okCountLink[2]), group.rank());
        Endpoint e = backend.joinSpawned(f);
        coll.barrier();
        if (group.rank() == root) {
            EmbeddedBackend.deleteQuietly(link);
            EmbeddedBackend.deleteQuietly(childWorld);
        }
        return new EmbeddedChannel(backend, e, 0, EmbeddedBackend.range(0, p),
                EmbeddedBackend.range(p, p + children), true, false);
    }

    private static List<Process> startChildren(Path link, Path childWorld, int parents, String mainClass,
                                               List<String> args, int count) {
        List<Process> children = new ArrayList<>();
        try {
            for (int r = 0; r < count; r++) {
                ProcessBuilder pb = LaunchEnv.rankProcess(RankCommand.forRank(mainClass, args, List.of(), List.of()), r, count, childWorld);
                pb.environment().put(LaunchEnv.PARENT_FABRIC, link.toString());
                pb.environment().put(LaunchEnv.PARENT_SIZE, Integer.toString(parents));
                Process child = pb.start();
                children.add(child);
                new LinePump(child.getInputStream(), System.out, null, "hhg-spawn-out-" + r).start();
                new LinePump(child.getErrorStream(), System.err, null, "hhg-spawn-err-" + r).start();
            }
            Fabric watch = Fabric.observe(link);
            long deadline = System.nanoTime() + ATTACH_TIMEOUT_NANOS;
            for (int r = 0; r < count; r++) {
                while (watch.state(parents + r) == Fabric.ABSENT) {
                    Process child = children.get(r);
                    if (!child.isAlive()) {
                        throw new MpiException("spawned process " + r + " of " + mainClass + " exited with status "
                                + child.exitValue() + " before it started message passing");
                    }
                    if (System.nanoTime() > deadline) throw new MpiException("spawned process " + r + " did not start in 60 s");
                    Thread.sleep(2);
                }
            }
            return children;
        } catch (Exception e) {
            children.forEach(Process::destroyForcibly);
            if (e instanceof MpiException m) throw m;
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new MpiException("cannot start " + count + " processes of " + mainClass + ": " + e, e);
        }
    }

    private static String bcastString(Channel coll, String s, int root) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            length.set(ValueLayout.JAVA_INT, 0, bytes.length);
            coll.bcast(length, root);
            MemorySegment text = arena.allocate(Math.max(1, length.get(ValueLayout.JAVA_INT, 0)));
            if (coll.rank() == root) MemorySegment.copy(MemorySegment.ofArray(bytes), 0, text, 0, bytes.length);
            MemorySegment body = text.asSlice(0, length.get(ValueLayout.JAVA_INT, 0));
            coll.bcast(body, root);
            return new String(body.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        }
    }
}
