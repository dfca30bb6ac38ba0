package hitchhiker.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where this JVM keeps the files that other processes map or connect to (shared memory, queues,
 * pipes): one directory per owning JVM, {@code hhg-<pid>-<start time>} in {@code /dev/shm} where
 * there is one. The owner deletes it when it exits normally; when it cannot (kill -9, a crash),
 * the next JVM that creates such a file, or {@code hhg doctor --clean}, deletes every directory
 * whose owner is no longer running. The start time in the name tells a dead owner from a new
 * process that got the same pid.
 */
public final class RuntimeFiles {

    private static final Pattern OWNER_DIR = Pattern.compile("hhg-(\\d+)-(\\d+)");
    /** Queue sockets of earlier versions: {@code hhg-queue-<pid>-<random>.sock} in the temporary directory. */
    private static final Pattern OLD_SOCKET = Pattern.compile("hhg-queue-(\\d+)-[0-9a-f]+\\.sock");

    private static Path own;

    private RuntimeFiles() {
    }

    /** The folder that holds the per-owner directories: {@code /dev/shm} if usable, else the temporary directory. */
    public static Path base() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) return shm;
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * This JVM's directory, created on first use; creating it first removes the leftovers of
     * owners that died.
     */
    static synchronized Path ownDirectory() {
        if (own != null) return own;
        cleanLeftovers();
        ProcessHandle me = ProcessHandle.current();
        Path dir = base().resolve("hhg-" + me.pid() + "-" + startMillis(me).orElse(0L));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for shared files " + dir, e);
        }
        Thread cleanup = new Thread(() -> deleteTree(dir), "hhg-runtime-files-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        own = dir;
        return dir;
    }

    /** A new file name in this JVM's directory (not created). */
    static Path newPath(String prefix, String suffix) {
        return ownDirectory().resolve(prefix + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + suffix);
    }

    /**
     * Deletes the directories (and old-style queue sockets) of owners that are no longer running;
     * returns what it deleted.
     */
    public static List<Path> cleanLeftovers() {
        List<Path> removed = new ArrayList<>();
        for (Path p : leftovers()) if (deleteTree(p)) removed.add(p);
        return removed;
    }

    /** The directories (and old-style queue sockets) of owners that are no longer running. */
    public static List<Path> leftovers() {
        List<Path> found = new ArrayList<>();
        find(base(), OWNER_DIR, found);
        find(Path.of(System.getProperty("java.io.tmpdir")), OLD_SOCKET, found);
        return found;
    }

    private static void find(Path folder, Pattern pattern, List<Path> found) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "hhg-*")) {
            for (Path p : entries) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                Long start = m.groupCount() >= 2 ? Long.valueOf(m.group(2)) : null;
                if (!ownerRunning(pid, start)) found.add(p);
            }
        } catch (NoSuchFileException e) {
            // nothing there
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Whether the process {@code pid} runs and, when {@code startMillis} is known, started then. */
    static boolean ownerRunning(long pid, Long startMillis) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        if (startMillis == null || startMillis == 0) return true;
        return startMillis(h.get()).map(s -> s.equals(startMillis)).orElse(true);
    }

    private static Optional<Long> startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli);
    }

    /** Deletes a file or a directory with what it holds; returns whether it existed. */
    private static boolean deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
            return true;
        } catch (NoSuchFileException e) {
            return true; // another JVM cleaned it at the same time
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
