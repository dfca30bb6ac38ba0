package hitchhiker.mpi.embedded;

import hitchhiker.mpi.MpiException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The shared memory that links a fixed set of processes (the "participants"): one file, mapped by
 * every participant, holding a liveness slot per participant and one single-producer
 * single-consumer {@link Ring} per ordered pair.
 *
 * <p>Layout: a 64-byte header (magic, participants, ring capacity), then a 64-byte slot per
 * participant (pid, state), then the rings, ordered by (sender, receiver). The file lives in
 * {@code /dev/shm} where there is one, so it is memory, never disk I/O.
 *
 * <p>Liveness: a participant writes its pid and {@link #ALIVE} when it attaches,
 * {@link #FINISHED} when it finishes and {@link #FAILED} (with whose fault it was) when its
 * program failed. A participant is <em>gone</em> when it finished or failed, or when it is marked
 * alive but its process no longer exists (it crashed or was killed). Bytes a gone participant
 * already wrote stay readable, so messages sent before a clean exit are delivered.
 *
 * <p>Files are named {@code hhg-mpi-<creator pid>-*.fabric}, so that one whose creator died
 * without removing it (kill -9) is recognised and removed by the next launch ({@link #sweep}).
 */
final class Fabric {

    static final int ABSENT = 0, ALIVE = 1, FINISHED = 2, FAILED = 3;
    /** Why a participant failed: its own error, or a peer's (it waited on one that failed or left). */
    static final int OWN_FAULT = 1, PEER_FAULT = 2;

    private static final long MAGIC = 0x4848_474d_5049_0003L; // "HHGMPI" v3: rings with ready and streaming flags
    private static final long HEADER = 64, SLOT = 64;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Path file;
    private final MemorySegment memory;
    private final int participants;
    private final int me;
    private final long capacity;
    private final Ring[] outgoing; // by receiver; null for me
    private final Ring[] incoming; // by sender; null for me

    private Fabric(Path file, MemorySegment memory, int me) {
        this.file = file;
        this.memory = memory;
        // acquire: pairs with the creator's release of MAGIC, written last, so size and capacity are set
        if ((long) LONG.getAcquire(memory, 0L) != MAGIC) throw new MpiException("not an hhg MPI fabric: " + file);
        this.participants = (int) (long) LONG.getAcquire(memory, 8L);
        this.capacity = (long) LONG.getAcquire(memory, 16L);
        if (me < -1 || me >= participants) throw new MpiException("participant " + me + " of " + participants);
        this.me = me;
        this.outgoing = new Ring[participants];
        this.incoming = new Ring[participants];
        for (int p = 0; p < participants && me >= 0; p++) {
            if (p == me) continue;
            outgoing[p] = new Ring(memory.asSlice(ringOffset(me, p), Ring.footprint(capacity)), capacity);
            incoming[p] = new Ring(memory.asSlice(ringOffset(p, me), Ring.footprint(capacity)), capacity);
        }
    }

    /** The ring capacity for a fabric of this many participants: big enough to stream at memory speed. */
    static long defaultCapacity(int participants) {
        if (participants <= 8) return 1 << 20;
        if (participants <= 32) return 1 << 18;
        return 1 << 16;
    }

    /** A fresh file for a fabric of {@code participants}, in shared memory when the system has it. */
    static Path create(int participants) {
        try {
            Path dir = Path.of("/dev/shm");
            Path file = Files.isDirectory(dir) && Files.isWritable(dir)
                    ? Files.createTempFile(dir, filePrefix(), ".fabric")
                    : Files.createTempFile(filePrefix(), ".fabric");
            long capacity = defaultCapacity(participants);
            long size = ringOffset(participants, 0, participants, capacity);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                LONG.setRelease(m, 8L, (long) participants);
                LONG.setRelease(m, 16L, capacity);
                LONG.setRelease(m, 0L, MAGIC);  // release, last: a reader that sees MAGIC sees the fields before it
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new MpiException("cannot create the shared-memory file for " + participants + " processes: " + e, e);
        }
    }

    /** The name prefix of the files this process creates: {@code hhg-mpi-<pid>-}. */
    static String filePrefix() {
        return "hhg-mpi-" + ProcessHandle.current().pid() + "-";
    }

    /**
     * Removes the fabric and result files ({@code hhg-mpi-<pid>-*}) in shared memory and the
     * temporary directory whose creating process is gone: what a launcher killed with SIGKILL
     * (which runs no clean-up) left behind.
     */
    static void sweep() {
        for (String dir : new String[] {"/dev/shm", System.getProperty("java.io.tmpdir")}) {
            try (var files = Files.list(Path.of(dir))) {
                files.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches()).forEach(f -> {
                    var m = LEFTOVER.matcher(f.getFileName().toString());
                    if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                        EmbeddedBackend.deleteQuietly(f);
                    }
                });
            } catch (IOException | RuntimeException ignored) {
                // no such directory, or not readable: nothing of ours there
            }
        }
    }

    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("hhg-mpi-(\\d{1,10})-.*\\.(fabric|result)");

    /** Maps an existing fabric file as participant {@code me} and marks this process alive in it. */
    static Fabric attach(Path file, int me) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), Arena.global());
            Fabric f = new Fabric(file, m, me);
            LONG.setRelease(m, f.slot(me), ProcessHandle.current().pid());
            LONG.setRelease(m, f.slot(me) + 8, (long) ALIVE);  // release: the pid is there before ALIVE is
            return f;
        } catch (IOException e) {
            throw new MpiException("cannot map the shared-memory file " + file + ": " + e, e);
        }
    }

    /** Maps a fabric file without taking part, to watch the participants' states (the launcher does). */
    static Fabric observe(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new Fabric(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), Arena.ofAuto()), -1);
        } catch (IOException e) {
            throw new MpiException("cannot map the shared-memory file " + file + ": " + e, e);
        }
    }

    private static long ringOffset(int sender, int receiver, int participants, long capacity) {
        long rings = HEADER + SLOT * participants;
        return rings + ((long) sender * participants + receiver) * Ring.footprint(capacity);
    }

    private long ringOffset(int sender, int receiver) {
        return ringOffset(sender, receiver, participants, capacity);
    }

    private long slot(int participant) {
        return HEADER + SLOT * participant;
    }

    Path file() {
        return file;
    }

    int participants() {
        return participants;
    }

    int me() {
        return me;
    }

    Ring to(int receiver) {
        return outgoing[receiver];
    }

    Ring from(int sender) {
        return incoming[sender];
    }

    int state(int participant) {
        return (int) (long) LONG.getAcquire(memory, slot(participant) + 8);  // acquire: pairs with the state's release stores
    }

    long pid(int participant) {
        return (long) LONG.getAcquire(memory, slot(participant));  // read after state() saw ALIVE, whose release ordered it
    }

    /** Marks this participant as finished (unless it failed): peers waiting on it stop waiting once its bytes are read. */
    void markFinished() {
        LONG.compareAndSet(memory, slot(me) + 8, (long) ALIVE, (long) FINISHED);
    }

    /** Marks this participant as failed, by its own fault or because a peer it waited on failed or left. */
    void markFailed(boolean ownFault) {
        LONG.setRelease(memory, slot(me) + 16, (long) (ownFault ? OWN_FAULT : PEER_FAULT));
        LONG.setRelease(memory, slot(me) + 8, (long) FAILED);  // release: the fault is there before FAILED is
    }

    /** Whose fault a participant's failure was ({@link #OWN_FAULT}, {@link #PEER_FAULT}), or 0 when it has not failed. */
    int fault(int participant) {
        // state()'s acquire of FAILED orders this read after the fault's store
        return state(participant) == FAILED ? (int) (long) LONG.getAcquire(memory, slot(participant) + 16) : 0;
    }

    /** Whether the participant crashed: marked alive but its process is gone. */
    boolean crashed(int participant) {
        if (state(participant) != ALIVE) return false;
        long pid = pid(participant);
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isEmpty() || !h.get().isAlive();
    }

    /** Whether the participant will never write again: it finished or crashed. */
    boolean gone(int participant) {
        int state = state(participant);
        return state == FINISHED || state == FAILED || crashed(participant);
    }
}
