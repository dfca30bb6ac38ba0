package hitchhiker.mpi.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Open MPI's ABI (checked against Open MPI 4.1 and 5.0 on LP64 Linux): handles are pointers to
 * global objects exported by {@code libmpi} ({@code MPI_COMM_WORLD} is
 * {@code &ompi_mpi_comm_world}, {@code MPI_DOUBLE} is {@code &ompi_mpi_double}); a status is
 * {@code {int MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled; size_t _ucount}}, 24 bytes.
 */
public final class OpenMpiAbi implements MpiAbi {

    /** The one instance. */
    public static final OpenMpiAbi INSTANCE = new OpenMpiAbi();

    private static final Map<Predefined, String> SYMBOLS = new EnumMap<>(Predefined.class);

    static {
        SYMBOLS.put(Predefined.COMM_WORLD, "ompi_mpi_comm_world");
        SYMBOLS.put(Predefined.COMM_SELF, "ompi_mpi_comm_self");
        SYMBOLS.put(Predefined.COMM_NULL, "ompi_mpi_comm_null");
        SYMBOLS.put(Predefined.REQUEST_NULL, "ompi_request_null");
        SYMBOLS.put(Predefined.INFO_NULL, "ompi_mpi_info_null");
        SYMBOLS.put(Predefined.ERRORS_RETURN, "ompi_mpi_errors_return");
        SYMBOLS.put(Predefined.BYTE, "ompi_mpi_byte");
        SYMBOLS.put(Predefined.INT8, "ompi_mpi_int8_t");
        SYMBOLS.put(Predefined.INT, "ompi_mpi_int");
        SYMBOLS.put(Predefined.INT16, "ompi_mpi_int16_t");
        SYMBOLS.put(Predefined.C_BOOL, "ompi_mpi_c_bool");
        SYMBOLS.put(Predefined.C_FLOAT_COMPLEX, "ompi_mpi_c_float_complex");
        SYMBOLS.put(Predefined.C_DOUBLE_COMPLEX, "ompi_mpi_c_double_complex");
        SYMBOLS.put(Predefined.INT64, "ompi_mpi_int64_t");
        SYMBOLS.put(Predefined.FLOAT, "ompi_mpi_float");
        SYMBOLS.put(Predefined.DOUBLE, "ompi_mpi_double");
        SYMBOLS.put(Predefined.DOUBLE_INT, "ompi_mpi_double_int");
        SYMBOLS.put(Predefined.FLOAT_INT, "ompi_mpi_float_int");
        SYMBOLS.put(Predefined.LONG_INT, "ompi_mpi_long_int");
        SYMBOLS.put(Predefined.TWO_INT, "ompi_mpi_2int");
        SYMBOLS.put(Predefined.SHORT_INT, "ompi_mpi_short_int");
        SYMBOLS.put(Predefined.OP_SUM, "ompi_mpi_op_sum");
        SYMBOLS.put(Predefined.OP_PROD, "ompi_mpi_op_prod");
        SYMBOLS.put(Predefined.OP_MIN, "ompi_mpi_op_min");
        SYMBOLS.put(Predefined.OP_MAX, "ompi_mpi_op_max");
        SYMBOLS.put(Predefined.OP_LAND, "ompi_mpi_op_land");
        SYMBOLS.put(Predefined.OP_LOR, "ompi_mpi_op_lor");
        SYMBOLS.put(Predefined.OP_LXOR, "ompi_mpi_op_lxor");
        SYMBOLS.put(Predefined.OP_BAND, "ompi_mpi_op_band");
        SYMBOLS.put(Predefined.OP_BOR, "ompi_mpi_op_bor");
        SYMBOLS.put(Predefined.OP_BXOR, "ompi_mpi_op_bxor");
        SYMBOLS.put(Predefined.OP_MAXLOC, "ompi_mpi_op_maxloc");
        SYMBOLS.put(Predefined.OP_MINLOC, "ompi_mpi_op_minloc");
    }

    private OpenMpiAbi() {
    }

    @Override
    public String name() {
        return "Open MPI";
    }

    @Override
    public List<String> libraryNames() {
        // libmpi.so.40 is Open MPI 3.x-5.x; the unversioned name needs the -dev package.
        return List.of("libmpi.so.40", "libmpi.so");
    }

    @Override
    public boolean recognises(SymbolLookup library) {
        return library.find("ompi_mpi_comm_world").isPresent() && library.find("ompi_mpi_double").isPresent();
    }

    /**
     * A handle is a pointer, but it is declared to the linker as a 64-bit integer: on the LP64
     * ABIs Linux runs on (x86-64, AArch64, ppc64le, riscv64) both travel in the same integer
     * register, and a {@code long} needs no {@code MemorySegment} wrapped around it on every call
     * (which measurably lengthened an 8-byte ping-pong, as escape analysis did not always remove it).
     */
    @Override
    public ValueLayout handleLayout() {
        return ValueLayout.JAVA_LONG;
    }

    @Override
    public MethodHandle handleCarrier() {
        return null;
    }

    @Override
    public long readHandle(MemorySegment segment, long offset) {
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
    }

    @Override
    public void writeHandle(MemorySegment segment, long offset, long handle) {
        segment.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, handle);
    }

    @Override
    public long predefined(SymbolLookup library, Predefined handle) {
        String symbol = SYMBOLS.get(handle);
        return library.find(symbol)
                .orElseThrow(() -> new IllegalStateException("libmpi has no symbol " + symbol + ": not Open MPI's ABI"))
                .address();
    }

    @Override
    public long statusSize() {
        return 24;
    }

    @Override
    public long statusSourceOffset() {
        return 0;
    }

    @Override
    public long statusTagOffset() {
        return 4;
    }

    @Override
    public long statusBytes(MemorySegment status) {
        // The size_t _ucount after the four ints (MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled): Open
        // MPI's MPI_Get_count divides it by the type size; read directly, it has no int limit.
        return status.get(ValueLayout.JAVA_LONG_UNALIGNED, 16);
    }

    @Override
    public int errTruncate() {
        return 15;
    }

    @Override
    public int anySource() {
        return -1;
    }

    @Override
    public int anyTag() {
        return -1;
    }

    @Override
    public int procNull() {
        return -2;
    }

    @Override
    public int root() {
        return -4;
    }

    @Override
    public int undefined() {
        return -32766;
    }

    @Override
    public int threadLevel(ThreadLevel level) {
        return level.ordinal(); // MPI_THREAD_SINGLE = 0 ... MPI_THREAD_MULTIPLE = 3, an enum in mpi.h
    }

    @Override
    public ThreadLevel threadLevel(int value) {
        return ThreadLevel.values()[value];
    }

    @Override
    public int compareResult(int value) {
        return value; // MPI_IDENT = 0, MPI_CONGRUENT, MPI_SIMILAR, MPI_UNEQUAL: an enum in Open MPI's mpi.h
    }

    @Override
    public int maxErrorString() {
        return 256;
    }

    @Override
    public int maxProcessorName() {
        return 256;
    }

    @Override
    public int maxLibraryVersionString() {
        return 256;
    }
}
