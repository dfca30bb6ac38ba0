package hitchhiker.mpi.ffm;

import hitchhiker.mpi.spi.Backend;
import hitchhiker.mpi.spi.Channel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Optional;

/**
 * The native backend: this process is one rank of a job that the system's MPI launched
 * ({@code mpirun}), and every message goes through that MPI library, over whatever transport it
 * chooses (shared memory on one host, TCP or a fabric between hosts).
 *
 * <p>Starting it calls {@code MPI_Init_thread} asking for the thread level in
 * {@code HHG_MPI_THREAD_LEVEL} / {@code -Dhhg.mpi.threadLevel} ({@code multiple} by default, as
 * mpi4py) and records what the library provides; errors are set to return
 * ({@code MPI_ERRORS_RETURN}) so that each becomes an {@link MpiNativeException} carrying MPI's
 * own message instead of aborting the job.
 */
public final class NativeBackend implements Backend {

    private static NativeBackend started;

    private final MpiAbi.ThreadLevel requested;
    private final MpiAbi.ThreadLevel provided;
    private final Channels channels;
    private boolean finished;

    private NativeBackend(MpiAbi.ThreadLevel requested, MpiAbi.ThreadLevel provided) {
        this.requested = requested;
        this.provided = provided;
        Scratch s = Scratch.get();
        try {
            LibMpi.check((int) LibMpi.MPI_Comm_get_parent.invokeExact(s.handle), "MPI_Comm_get_parent");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        long parentComm = s.handleValue();
        this.channels = new Channels(new NativeChannel(LibMpi.COMM_WORLD, true), new NativeChannel(LibMpi.COMM_SELF, true),
                parentComm == LibMpi.COMM_NULL ? Optional.empty() : Optional.of(new NativeChannel(parentComm, false)));
    }

    /**
     * Initialises MPI (once per process: MPI cannot be initialised again after it finished).
     * Throws {@link NativeMpiUnavailableException} when there is no usable library.
     */
    public static synchronized NativeBackend start() {
        if (started != null) {
            if (started.finished) throw new IllegalStateException("MPI was already finalized in this process");
            return started;
        }
        NativeMpiLibrary.load();
        MpiAbi.ThreadLevel want = requestedLevel();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment provided = arena.allocate(ValueLayout.JAVA_INT);
            int rc = (int) LibMpi.MPI_Init_thread.invokeExact(MemorySegment.NULL, MemorySegment.NULL,
                    LibMpi.ABI.threadLevel(want), provided);
            LibMpi.check(rc, "MPI_Init_thread");
            started = new NativeBackend(want, LibMpi.ABI.threadLevel(provided.get(ValueLayout.JAVA_INT, 0)));
            if (started.provided.compareTo(want) < 0 && started.world().rank() == 0) {
                System.err.println("hhg: the MPI library provides thread level " + started.provided + " where " + want
                        + " was asked for (HHG_MPI_THREAD_LEVEL): call MPI from " + (started.provided == MpiAbi.ThreadLevel.SERIALIZED
                        ? "one thread at a time" : "the main thread only"));
            }
            return started;
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    private static MpiAbi.ThreadLevel requestedLevel() {
        String level = System.getProperty("hhg.mpi.threadLevel", System.getenv().getOrDefault("HHG_MPI_THREAD_LEVEL", "multiple"));
        try {
            return MpiAbi.ThreadLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HHG_MPI_THREAD_LEVEL must be single, funneled, serialized or multiple, not '"
                    + level + "'");
        }
    }

    @Override
    public String name() {
        return "native";
    }

    /** The thread level asked of MPI_Init_thread. */
    public MpiAbi.ThreadLevel requestedThreadLevel() {
        return requested;
    }

    /** The thread level the library provides (MPI_Init_thread's {@code provided}). */
    public MpiAbi.ThreadLevel threadLevel() {
        return provided;
    }

    /** The library's version string (MPI_Get_library_version). */
    public String libraryVersion() {
        return LibMpi.libraryVersion();
    }

    @Override
    public Channels channels() {
        return channels;
    }

    @Override
    public String processorName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(LibMpi.ABI.maxProcessorName() + 1L);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            LibMpi.check((int) LibMpi.MPI_Get_processor_name.invokeExact(name, length), "MPI_Get_processor_name");
            return name.getString(0);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public synchronized void finish() {
        if (finished) return;
        finished = true;
        try {
            BufferedSends.drain();
            LibMpi.check((int) LibMpi.MPI_Finalize.invokeExact(), "MPI_Finalize");
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
    }

    @Override
    public void abort(int exitCode) {
        try {
            int ignored = (int) LibMpi.MPI_Abort.invokeExact(LibMpi.COMM_WORLD, exitCode);
        } catch (Throwable e) {
            throw LibMpi.rethrow(e);
        }
        Runtime.getRuntime().halt(exitCode);  // MPI_Abort does not return; should it, end this rank anyway
    }
}
