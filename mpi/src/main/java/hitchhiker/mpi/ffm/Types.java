package hitchhiker.mpi.ffm;

import hitchhiker.mpi.spi.ElementType;
import hitchhiker.mpi.spi.ReduceOp;

import java.util.EnumMap;
import java.util.Map;

/** MPI's predefined datatypes and reduction operations for the SPI's element types and builtin ops (reductions). */
final class Types {

    private static final Map<ElementType, Long> DATATYPES = new EnumMap<>(ElementType.class);
    private static final Map<ReduceOp.Builtin, Long> OPS = new EnumMap<>(ReduceOp.Builtin.class);

    static {
        // Java's byte is a signed 8-bit integer: MPI_INT8_T, for which MPI defines arithmetic and
        // logical reductions (MPI_BYTE, raw bytes, has none).
        DATATYPES.put(ElementType.BYTE, LibMpi.predefined(MpiAbi.Predefined.INT8));
        DATATYPES.put(ElementType.SHORT, LibMpi.predefined(MpiAbi.Predefined.INT16));
        DATATYPES.put(ElementType.BOOLEAN, LibMpi.predefined(MpiAbi.Predefined.C_BOOL));
        DATATYPES.put(ElementType.INT, LibMpi.predefined(MpiAbi.Predefined.INT));
        DATATYPES.put(ElementType.COMPLEX_FLOAT, LibMpi.predefined(MpiAbi.Predefined.C_FLOAT_COMPLEX));
        DATATYPES.put(ElementType.COMPLEX_DOUBLE, LibMpi.predefined(MpiAbi.Predefined.C_DOUBLE_COMPLEX));
        DATATYPES.put(ElementType.LONG, LibMpi.predefined(MpiAbi.Predefined.INT64));
        DATATYPES.put(ElementType.FLOAT, LibMpi.predefined(MpiAbi.Predefined.FLOAT));
        DATATYPES.put(ElementType.DOUBLE, LibMpi.predefined(MpiAbi.Predefined.DOUBLE));
        DATATYPES.put(ElementType.DOUBLE_INT, LibMpi.predefined(MpiAbi.Predefined.DOUBLE_INT));
        DATATYPES.put(ElementType.FLOAT_INT, LibMpi.predefined(MpiAbi.Predefined.FLOAT_INT));
        DATATYPES.put(ElementType.LONG_INT, LibMpi.predefined(MpiAbi.Predefined.LONG_INT));
        DATATYPES.put(ElementType.INT_INT, LibMpi.predefined(MpiAbi.Predefined.TWO_INT));
        DATATYPES.put(ElementType.SHORT_INT, LibMpi.predefined(MpiAbi.Predefined.SHORT_INT));
        OPS.put(ReduceOp.Builtin.SUM, LibMpi.predefined(MpiAbi.Predefined.OP_SUM));
        OPS.put(ReduceOp.Builtin.PROD, LibMpi.predefined(MpiAbi.Predefined.OP_PROD));
        OPS.put(ReduceOp.Builtin.MIN, LibMpi.predefined(MpiAbi.Predefined.OP_MIN));
        OPS.put(ReduceOp.Builtin.MAX, LibMpi.predefined(MpiAbi.Predefined.OP_MAX));
        OPS.put(ReduceOp.Builtin.LAND, LibMpi.predefined(MpiAbi.Predefined.OP_LAND));
        OPS.put(ReduceOp.Builtin.LOR, LibMpi.predefined(MpiAbi.Predefined.OP_LOR));
        OPS.put(ReduceOp.Builtin.MAXLOC, LibMpi.predefined(MpiAbi.Predefined.OP_MAXLOC));
        OPS.put(ReduceOp.Builtin.MINLOC, LibMpi.predefined(MpiAbi.Predefined.OP_MINLOC));
    }

    private Types() {
    }

    /** The MPI datatype of an element type. */
    static long datatype(ElementType type) {
        return DATATYPES.get(type);
    }

    /**
     * The MPI operation for {@code op} on {@code type}, or 0 where MPI has none: a user-defined
     * operation, a logical one on floating-point data (MPI defines LAND/LOR for integers only),
     * or anything but SUM and PROD on complex numbers (which Java then applies, or rejects), or
     * MAXLOC and MINLOC on anything but (value, index) pairs and anything else on pairs (rejected).
     */
    static long op(ReduceOp op, ElementType type) {
        ReduceOp.Builtin builtin = op.builtin();
        if (builtin == null) return 0;
        boolean loc = builtin == ReduceOp.Builtin.MAXLOC || builtin == ReduceOp.Builtin.MINLOC;
        if (loc != type.pair()) return 0;
        boolean logical = builtin == ReduceOp.Builtin.LAND || builtin == ReduceOp.Builtin.LOR;
        if (logical && (type == ElementType.FLOAT || type == ElementType.DOUBLE)) return 0;
        if (type.complex() && builtin != ReduceOp.Builtin.SUM && builtin != ReduceOp.Builtin.PROD) return 0;
        if (type == ElementType.BOOLEAN && !logical) return 0;  // MPI defines only logical ops on C_BOOL; Java says why not
        return OPS.get(builtin);
    }
}
