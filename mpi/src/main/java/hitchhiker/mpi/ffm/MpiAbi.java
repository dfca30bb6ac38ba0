package hitchhiker.mpi.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Everything that differs between MPI implementations at the binary level: how a handle such as
 * {@code MPI_Comm} is represented, where the predefined handles live, the layout of
 * {@code MPI_Status} and the values of constants such as {@code MPI_ANY_SOURCE}.
 *
 * <p>The MPI standard fixes the C API, not the ABI: Open MPI's handles are pointers to global
 * objects ({@code MPI_COMM_WORLD} is {@code &ompi_mpi_comm_world}), MPICH's are integers. The
 * binding ({@link LibMpi}) is written against this interface only and always carries a handle in
 * Java as a {@code long}; {@link #handleCarrier} converts it to what the C function takes. Adding
 * MPICH means adding one implementation of this interface.
 */
public sealed interface MpiAbi permits OpenMpiAbi {

    /** The ABIs this build knows, tried in order on a loaded library. */
    static List<MpiAbi> known() {
        return List.of(OpenMpiAbi.INSTANCE);
    }

    /** The implementation's name, for messages: "Open MPI". */
    String name();

    /** File names to try, in order, when no library path is given. */
    List<String> libraryNames();

    /** Whether a loaded library is of this ABI (it exports this ABI's marker symbols). */
    boolean recognises(SymbolLookup library);

    /** The C layout of a handle argument ({@code MPI_Comm}, {@code MPI_Datatype}, ...). */
    ValueLayout handleLayout();

    /**
     * A filter from the Java {@code long} form of a handle to {@link #handleLayout()}'s carrier
     * (for example {@code long -> int} for integer handles), or {@code null} when the layout's
     * carrier is {@code long} itself.
     */
    MethodHandle handleCarrier();

    /** Reads a handle that the library wrote to memory (an out-parameter). */
    long readHandle(MemorySegment segment, long offset);

    /** Writes a handle to memory (an array of requests, for example). */
    void writeHandle(MemorySegment segment, long offset, long handle);

    /** The value of a predefined handle in the loaded library. */
    long predefined(SymbolLookup library, Predefined handle);

    /** Bytes in one {@code MPI_Status}. */
    long statusSize();

    /** Offset of {@code MPI_SOURCE} in a status. */
    long statusSourceOffset();

    /** Offset of {@code MPI_TAG} in a status. */
    long statusTagOffset();

    /** The message length in bytes recorded in a status (MPI_Get_count of MPI_BYTE, without its int limit). */
    long statusBytes(MemorySegment status);

    /** The error class {@code MPI_ERR_TRUNCATE}: a message longer than the receive buffer. */
    int errTruncate();

    /** {@code MPI_ANY_SOURCE}. */
    int anySource();

    /** {@code MPI_ANY_TAG}. */
    int anyTag();

    /** {@code MPI_PROC_NULL}. */
    int procNull();

    /** {@code MPI_ROOT}, the root's own value in an intercommunicator collective. */
    int root();

    /** {@code MPI_UNDEFINED}, e.g. the colour of a rank that joins no communicator in a split. */
    int undefined();

    /** The C value of a thread level. */
    int threadLevel(ThreadLevel level);

    /** The thread level of a C value. */
    ThreadLevel threadLevel(int value);

    /** The SPI's {@code Channel.IDENT ... UNEQUAL} for a result of MPI_Comm_compare. */
    int compareResult(int value);

    /** {@code MPI_MAX_ERROR_STRING}. */
    int maxErrorString();

    /** {@code MPI_MAX_PROCESSOR_NAME}. */
    int maxProcessorName();

    /** {@code MPI_MAX_LIBRARY_VERSION_STRING}. */
    int maxLibraryVersionString();

    /** The predefined handles the binding uses. */
    enum Predefined {
        COMM_WORLD, COMM_SELF, COMM_NULL, REQUEST_NULL, INFO_NULL, ERRORS_RETURN,
        BYTE, C_BOOL, INT8, INT16, INT, INT64, FLOAT, DOUBLE, C_FLOAT_COMPLEX, C_DOUBLE_COMPLEX,
        DOUBLE_INT, FLOAT_INT, LONG_INT, TWO_INT, SHORT_INT,
        OP_SUM, OP_PROD, OP_MIN, OP_MAX, OP_LAND, OP_LOR, OP_LXOR, OP_BAND, OP_BOR, OP_BXOR, OP_MAXLOC, OP_MINLOC
    }

    /** MPI's thread support levels, weakest first. */
    enum ThreadLevel { SINGLE, FUNNELED, SERIALIZED, MULTIPLE }
}
