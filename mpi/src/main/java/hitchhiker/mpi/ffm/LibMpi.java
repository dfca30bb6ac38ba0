package hitchhiker.mpi.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The C functions of MPI that the backend calls, as {@code static final} method handles so that
 * the JIT inlines each call down to the native call itself.
 *
 * <p>Every handle ({@code MPI_Comm}, {@code MPI_Datatype}, {@code MPI_Op}, ...) is a Java
 * {@code long} here whatever the implementation's representation: the ABI's
 * {@link MpiAbi#handleCarrier() carrier filter} is folded into each method handle. Pointers are
 * {@link MemorySegment}s; every function returns MPI's error code, which callers pass to
 * {@link #check}. None is a critical downcall, so none may be given a heap segment: heap data
 * goes through native memory (see {@link NativeChannel} for why and what it costs).
 *
 * <p>Loading this class opens the library ({@link NativeMpiLibrary#load}); call it only once the
 * library is known to be usable. Making a downcall handle costs time at start-up (a stub per
 * signature), so the functions a small program may never call are bound on first use, a nested
 * holder class per group.
 */
final class LibMpi {

    static final NativeMpiLibrary LIBRARY = NativeMpiLibrary.load();
    static final MpiAbi ABI = LIBRARY.abi();

    private static final Linker LINKER = Linker.nativeLinker();

    // Environment
    static final MethodHandle MPI_Init_thread = downcall("MPI_Init_thread", "ppip");
    static final MethodHandle MPI_Finalize = downcall("MPI_Finalize", "");
    static final MethodHandle MPI_Abort = downcall("MPI_Abort", "hi");
    static final MethodHandle MPI_Error_string = downcall("MPI_Error_string", "ipp");
    static final MethodHandle MPI_Get_library_version = downcall("MPI_Get_library_version", "pp");
    static final MethodHandle MPI_Error_class = downcall("MPI_Error_class", "ip");
    static final MethodHandle MPI_Get_processor_name = downcall("MPI_Get_processor_name", "pp");
    static final MethodHandle MPI_Comm_set_errhandler = downcall("MPI_Comm_set_errhandler", "hh");

    // Communicators
    static final MethodHandle MPI_Comm_rank = downcall("MPI_Comm_rank", "hp");
    static final MethodHandle MPI_Comm_size = downcall("MPI_Comm_size", "hp");
    static final MethodHandle MPI_Comm_remote_size = downcall("MPI_Comm_remote_size", "hp");
    static final MethodHandle MPI_Comm_test_inter = downcall("MPI_Comm_test_inter", "hp");
    static final MethodHandle MPI_Comm_get_parent = downcall("MPI_Comm_get_parent", "p");

    // Blocking point to point and barrier
    static final MethodHandle MPI_Send = downcall("MPI_Send", "pihiih");
    static final MethodHandle MPI_Recv = downcall("MPI_Recv", "pihiihp");

    static final MethodHandle MPI_Barrier = downcall("MPI_Barrier", "h");

    // Predefined handles, read once.
    static final long COMM_WORLD = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.COMM_WORLD);
    static final long COMM_SELF = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.COMM_SELF);
    static final long COMM_NULL = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.COMM_NULL);
    static final long REQUEST_NULL = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.REQUEST_NULL);
    static final long INFO_NULL = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.INFO_NULL);
    static final long ERRORS_RETURN = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.ERRORS_RETURN);
    static final long BYTE = ABI.predefined(LIBRARY.symbols(), MpiAbi.Predefined.BYTE);

    /** {@code MPI_STATUS_IGNORE} and other NULL pointers. */
    static final MemorySegment NULL = MemorySegment.NULL;

    private LibMpi() {
    }

    /** Nonblocking and matched-probe point to point. */
    static final class Requests {
        static final MethodHandle MPI_Isend = downcall("MPI_Isend", "pihiihp");
        static final MethodHandle MPI_Issend = downcall("MPI_Issend", "pihiihp");
        static final MethodHandle MPI_Cancel = downcall("MPI_Cancel", "p");
        static final MethodHandle MPI_Test_cancelled = downcall("MPI_Test_cancelled", "pp");
        static final MethodHandle MPI_Irecv = downcall("MPI_Irecv", "pihiihp");
        static final MethodHandle MPI_Wait = downcall("MPI_Wait", "pp");
        static final MethodHandle MPI_Test = downcall("MPI_Test", "ppp");
        static final MethodHandle MPI_Probe = downcall("MPI_Probe", "iihp");
        static final MethodHandle MPI_Iprobe = downcall("MPI_Iprobe", "iihpp");
        static final MethodHandle MPI_Mprobe = downcall("MPI_Mprobe", "iihpp");
        static final MethodHandle MPI_Improbe = downcall("MPI_Improbe", "iihppp");
        static final MethodHandle MPI_Mrecv = downcall("MPI_Mrecv", "pihpp");
        static final MethodHandle MPI_Imrecv = downcall("MPI_Imrecv", "pihpp");

        private Requests() {
        }
    }

    /** Collectives other than the barrier. */
    static final class Collectives {
        static final MethodHandle MPI_Bcast = downcall("MPI_Bcast", "pihih");
        static final MethodHandle MPI_Reduce = downcall("MPI_Reduce", "ppihhih");
        static final MethodHandle MPI_Allreduce = downcall("MPI_Allreduce", "ppihhh");
        static final MethodHandle MPI_Gather = downcall("MPI_Gather", "pihpihih");
        static final MethodHandle MPI_Gatherv = downcall("MPI_Gatherv", "pihppphih");
        static final MethodHandle MPI_Scatter = downcall("MPI_Scatter", "pihpihih");
        static final MethodHandle MPI_Scatterv = downcall("MPI_Scatterv", "ppphpihih");
        static final MethodHandle MPI_Allgather = downcall("MPI_Allgather", "pihpihh");
        static final MethodHandle MPI_Allgatherv = downcall("MPI_Allgatherv", "pihppphh");
        static final MethodHandle MPI_Alltoall = downcall("MPI_Alltoall", "pihpihh");
        static final MethodHandle MPI_Alltoallv = downcall("MPI_Alltoallv", "ppphppphh");
        static final MethodHandle MPI_Scan = downcall("MPI_Scan", "ppihhh");
        static final MethodHandle MPI_Exscan = downcall("MPI_Exscan", "ppihhh");

        private Collectives() {
        }
    }

    /** Creating and freeing communicators. */
    static final class Communicators {
        static final MethodHandle MPI_Comm_split = downcall("MPI_Comm_split", "hiip");
        static final MethodHandle MPI_Comm_dup = downcall("MPI_Comm_dup", "hp");
        static final MethodHandle MPI_Comm_compare = downcall("MPI_Comm_compare", "hhp");
        static final MethodHandle MPI_Comm_free = downcall("MPI_Comm_free", "p");
        static final MethodHandle MPI_Comm_disconnect = downcall("MPI_Comm_disconnect", "p");
        static final MethodHandle MPI_Comm_spawn = downcall("MPI_Comm_spawn", "ppihihpp");

        private Communicators() {
        }
    }

    /** Derived datatypes, for messages of more than 2^31 - 1 bytes. */
    static final class DerivedTypes {
        static final MethodHandle MPI_Type_contiguous = downcall("MPI_Type_contiguous", "ihp");
        static final MethodHandle MPI_Type_create_struct = downcall("MPI_Type_create_struct", "ipppp");
        static final MethodHandle MPI_Type_commit = downcall("MPI_Type_commit", "p");
        static final MethodHandle MPI_Type_free = downcall("MPI_Type_free", "p");

        private DerivedTypes() {
        }
    }

    /** The value of any predefined handle. */
    static long predefined(MpiAbi.Predefined handle) {
        return ABI.predefined(LIBRARY.symbols(), handle);
    }

    /** Throws an {@link MpiNativeException} carrying MPI's own message unless {@code rc} is MPI_SUCCESS. */
    static void check(int rc, String function) {
        if (rc != 0) throw new MpiNativeException(function, rc, errorString(rc));
    }

    /**
     * What to throw for a {@code Throwable} caught around {@code invokeExact} (which declares
     * it): unchecked ones as they are, anything else wrapped.
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** MPI_Error_class of an error code. */
    static int errorClass(int code) {
        try {
            MemorySegment out = Scratch.get().flag;
            return (int) MPI_Error_class.invokeExact(code, out) == 0 ? out.get(ValueLayout.JAVA_INT, 0) : code;
        } catch (Throwable e) {
            return code;
        }
    }

    /** MPI_Error_string of an error code (a generic text if the library cannot say). */
    static String errorString(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(ABI.maxErrorString() + 1L);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            int rc = (int) MPI_Error_string.invokeExact(code, text, length);
            return rc == 0 ? text.getString(0) : "MPI error code " + code;
        } catch (Throwable e) {
            return "MPI error code " + code;
        }
    }

    /** MPI_Get_library_version: e.g. "Open MPI v4.1.4, package: Debian OpenMPI, ...". */
    static String libraryVersion() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(ABI.maxLibraryVersionString() + 1L);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            check((int) MPI_Get_library_version.invokeExact(text, length), "MPI_Get_library_version");
            return text.getString(0).strip();
        } catch (MpiNativeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A downcall returning {@code int}, with parameters given one letter each: {@code i} int,
     * {@code p} pointer (MemorySegment), {@code h} handle (long in Java, the ABI's layout in C).
     */
    private static MethodHandle downcall(String name, String params) {
        MemoryLayout[] layouts = new MemoryLayout[params.length()];
        for (int i = 0; i < params.length(); i++) {
            layouts[i] = switch (params.charAt(i)) {
                case 'i' -> ValueLayout.JAVA_INT;
                case 'p' -> ValueLayout.ADDRESS;
                case 'h' -> ABI.handleLayout();
                default -> throw new IllegalArgumentException(params);
            };
        }
        var address = LIBRARY.symbols().find(name)
                .orElseThrow(() -> new NativeMpiUnavailableException(LIBRARY.path() + " has no function " + name));
        MethodHandle mh = LINKER.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT, layouts));
        for (int i = 0; i < params.length() && ABI.handleCarrier() != null; i++) {
            if (params.charAt(i) == 'h') mh = MethodHandles.filterArguments(mh, i, ABI.handleCarrier());
        }
        return mh;
    }
}
