package hitchhiker.mpi;

import hitchhiker.mpi.spi.ElementType;
import hitchhiker.mpi.spi.ReduceOp;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A reduction operation (MPI.SUM, MPI.PROD, ... or your own) for both kinds of message.
 *
 * <p>For <b>objects</b> ({@link Comm#reduce}) the predefined ops work on boxed numbers (Integer,
 * Long, Float, Double, BigInteger, BigDecimal; Integer with Long gives Long, any floating point
 * gives Double), on Booleans (LAND, LOR) and element-wise on int[], long[] and double[]; a
 * user-defined op is any {@link BinaryOperator}. For <b>buffers</b> ({@link Comm#reduceBuffer})
 * they work element-wise on every {@link ElementType}; a user-defined buffer op is made with
 * {@link #ofDoubles}, {@link #ofLongs} or {@link #ofInts}. Reductions combine in rank order,
 * {@code ((x0 op x1) op x2) ...}, so a non-commutative op gives its serial definition.
 */
public final class Op implements ReduceOp {

    // A predefined op's element-wise definition on doubles and on longs, side by side (ints, shorts
    // and bytes reduce as longs).
    public static final Op SUM = new Op("SUM", Builtin.SUM, true, null, (x, y) -> x + y, (x, y) -> x + y, null);
    public static final Op PROD = new Op("PROD", Builtin.PROD, true, null, (x, y) -> x * y, (x, y) -> x * y, null);
    public static final Op MIN = new Op("MIN", Builtin.MIN, true, null, Math::min, Math::min, null);
    public static final Op MAX = new Op("MAX", Builtin.MAX, true, null, Math::max, Math::max, null);
    /** Logical and: on Booleans, or on numbers as C does (non-zero is true, the result is 1 or 0). */
    public static final Op LAND = new Op("LAND", Builtin.LAND, true, null, (x, y) -> x != 0 && y != 0 ? 1 : 0,
            (x, y) -> x != 0 && y != 0 ? 1 : 0, null);
    /** Logical or, as {@link #LAND}. */
    public static final Op LOR = new Op("LOR", Builtin.LOR, true, null, (x, y) -> x != 0 || y != 0 ? 1 : 0,
            (x, y) -> x != 0 || y != 0 ? 1 : 0, null);
    /**
     * The largest value with its index (MPI.MAXLOC), on {@link Loc} objects and on buffers of
     * (value, index) pairs ({@link Buffer#ofLocs(double[], int[])}, MPI_DOUBLE_INT and its kin): of
     * equal values the smaller index wins, so the result does not depend on the order of combination.
     */
    public static final Op MAXLOC = loc("MAXLOC", Builtin.MAXLOC, 1);
    /** The smallest value with its index (MPI.MINLOC), as {@link #MAXLOC}. */
    public static final Op MINLOC = loc("MINLOC", Builtin.MINLOC, -1);
    /** The later operand (MPI.REPLACE): a reduction gives the last rank's value. */
    public static final Op REPLACE = new Op("REPLACE", null, false, (a, b) -> b, (x, y) -> y, (x, y) -> y, (x, y) -> y);
    /** The earlier operand (MPI.NO_OP): a reduction gives the first rank's value. */
    public static final Op NO_OP = new Op("NO_OP", null, false, (a, b) -> a, (x, y) -> x, (x, y) -> x, (x, y) -> x);

    /**
     * A value with the index it belongs to (typically a rank), for {@link #MAXLOC} and
     * {@link #MINLOC}: mpi4py's {@code (value, index)} pairs.
     */
    public record Loc<V extends Comparable<? super V>>(V value, int index) implements java.io.Serializable {
        public Loc {
            Objects.requireNonNull(value, "value");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Op loc(String name, Builtin builtin, int sign) {
        BinaryOperator<Object> pick = (a, b) -> {
            if (!(a instanceof Loc x) || !(b instanceof Loc y)) {
                throw new IllegalArgumentException("op " + name + " combines Op.Loc(value, index) pairs, not "
                        + (a == null ? "null" : a.getClass().getSimpleName()));
            }
            int c = Integer.signum(((Comparable) x.value()).compareTo(y.value())) * sign;
            return c > 0 || (c == 0 && x.index() <= y.index()) ? x : y;
        };
        return new Op(name, builtin, true, pick, null, null, null);
    }

    private final String name;
    private final Builtin builtin;
    private final boolean commutative;
    private final BinaryOperator<Object> objects;
    private final DoubleBinaryOperator doubles;
    private final LongBinaryOperator longs;
    private final IntBinaryOperator ints;

    private Op(String name, Builtin builtin, boolean commutative, BinaryOperator<Object> objects,
               DoubleBinaryOperator doubles, LongBinaryOperator longs, IntBinaryOperator ints) {
        this.name = name;
        this.builtin = builtin;
        this.commutative = commutative;
        this.objects = objects;
        this.doubles = doubles;
        this.longs = longs;
        this.ints = ints;
    }

    /** A user-defined op on objects (MPI.Op.Create); {@code commutative} says whether order may change. */
    @SuppressWarnings("unchecked")
    public static <T> Op of(String name, BinaryOperator<T> op, boolean commutative) {
        Objects.requireNonNull(op, "op");
        return new Op(name, null, commutative, (BinaryOperator<Object>) op, null, null, null);
    }

    /** A user-defined commutative op on objects. */
    public static <T> Op of(String name, BinaryOperator<T> op) {
        return of(name, op, true);
    }

    /** A user-defined element-wise op for DOUBLE (and FLOAT) buffers. */
    public static Op ofDoubles(String name, DoubleBinaryOperator op, boolean commutative) {
        return new Op(name, null, commutative, null, Objects.requireNonNull(op), null, null);
    }

    /** A user-defined element-wise op for LONG buffers. */
    public static Op ofLongs(String name, LongBinaryOperator op, boolean commutative) {
        return new Op(name, null, commutative, null, null, Objects.requireNonNull(op), null);
    }

    /** A user-defined element-wise op for INT (and SHORT and BYTE) buffers. */
    public static Op ofInts(String name, IntBinaryOperator op, boolean commutative) {
        return new Op(name, null, commutative, null, null, null, Objects.requireNonNull(op));
    }

    @Override
    public Builtin builtin() {
        return builtin;
    }

    @Override
    public boolean commutative() {
        return commutative;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Op." + name;
    }

    // ---- objects -----------------------------------------------------------------------------

    /** {@code a op b} for object messages. */
    public Object apply(Object a, Object b) {
        if (objects != null) return objects.apply(a, b);
        if (builtin == null) throw new IllegalArgumentException("op " + name + " is defined for buffers only");
        Objects.requireNonNull(a, "reduce of null");
        Objects.requireNonNull(b, "reduce of null");
        return switch (a) {
            case Boolean x when b instanceof Boolean y -> logical(x, y);
            case int[] x when b instanceof int[] y -> elementwise(x, y);
            case long[] x when b instanceof long[] y -> elementwise(x, y);
            case double[] x when b instanceof double[] y -> elementwise(x, y);
            case BigInteger x when b instanceof BigInteger y -> big(x, y);
            case BigDecimal x when b instanceof BigDecimal y -> big(x, y);
            case Number x when b instanceof Number y -> number(x, y);
            default -> throw new IllegalArgumentException("op " + name + " cannot combine " + a.getClass().getSimpleName()
                    + " with " + b.getClass().getSimpleName() + "; use Op.of(...) for your own types");
        };
    }

    private Object number(Number x, Number y) {
        boolean floating = x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float;
        if (floating) return applyDouble(x.doubleValue(), y.doubleValue());
        long r = applyLong(x.longValue(), y.longValue());
        boolean narrow = x instanceof Integer && y instanceof Integer;
        return narrow ? (Object) Math.toIntExact(r) : (Object) r;
    }

    private Object logical(boolean x, boolean y) {
        return switch (builtin) {
            case LAND, MIN, PROD -> x && y;
            case LOR, MAX, SUM -> x || y;
            case MAXLOC, MINLOC -> throw pairsOnly();
        };
    }

    private Object big(BigInteger x, BigInteger y) {
        return switch (builtin) {
            case SUM -> x.add(y);
            case PROD -> x.multiply(y);
            case MIN -> x.min(y);
            case MAX -> x.max(y);
            case LAND -> BigInteger.valueOf(x.signum() != 0 && y.signum() != 0 ? 1 : 0);
            case LOR -> BigInteger.valueOf(x.signum() != 0 || y.signum() != 0 ? 1 : 0);
            case MAXLOC, MINLOC -> throw pairsOnly();
        };
    }

    private Object big(BigDecimal x, BigDecimal y) {
        return switch (builtin) {
            case SUM -> x.add(y);
            case PROD -> x.multiply(y);
            case MIN -> x.min(y);
            case MAX -> x.max(y);
            case LAND -> BigDecimal.valueOf(x.signum() != 0 && y.signum() != 0 ? 1 : 0);
            case LOR -> BigDecimal.valueOf(x.signum() != 0 || y.signum() != 0 ? 1 : 0);
            case MAXLOC, MINLOC -> throw pairsOnly();
        };
    }

    private int[] elementwise(int[] x, int[] y) {
        sameLength(x.length, y.length);
        int[] r = new int[x.length];
        for (int i = 0; i < r.length; i++) r[i] = Math.toIntExact(applyLong(x[i], y[i]));
        return r;
    }

    private long[] elementwise(long[] x, long[] y) {
        sameLength(x.length, y.length);
        long[] r = new long[x.length];
        for (int i = 0; i < r.length; i++) r[i] = applyLong(x[i], y[i]);
        return r;
    }

    private double[] elementwise(double[] x, double[] y) {
        sameLength(x.length, y.length);
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) r[i] = applyDouble(x[i], y[i]);
        return r;
    }

    private static void sameLength(int a, int b) {
        if (a != b) throw new IllegalArgumentException("cannot reduce arrays of lengths " + a + " and " + b);
    }

    // ---- buffers -----------------------------------------------------------------------------

    @Override
    public void combine(MemorySegment acc, MemorySegment in, ElementType type, long count) {
        if (type.pair() || builtin == Builtin.MAXLOC || builtin == Builtin.MINLOC) {
            combineLocs(acc, in, type, count);
            return;
        }
        switch (type) {
            case DOUBLE -> {
                ValueLayout.OfDouble l = ValueLayout.JAVA_DOUBLE_UNALIGNED;
                for (long i = 0; i < count; i++) acc.setAtIndex(l, i, applyDouble(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
            }
            case FLOAT -> {
                ValueLayout.OfFloat l = ValueLayout.JAVA_FLOAT_UNALIGNED;
                for (long i = 0; i < count; i++) {
                    acc.setAtIndex(l, i, (float) applyDouble(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
                }
            }
            case LONG -> {
                ValueLayout.OfLong l = ValueLayout.JAVA_LONG_UNALIGNED;
                for (long i = 0; i < count; i++) acc.setAtIndex(l, i, applyLong(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
            }
            case INT -> {
                ValueLayout.OfInt l = ValueLayout.JAVA_INT_UNALIGNED;
                for (long i = 0; i < count; i++) acc.setAtIndex(l, i, applyInt(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
            }
            case SHORT -> {
                ValueLayout.OfShort l = ValueLayout.JAVA_SHORT_UNALIGNED;
                for (long i = 0; i < count; i++) {
                    acc.setAtIndex(l, i, (short) applyInt(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
                }
            }
            case BYTE -> {
                ValueLayout.OfByte l = ValueLayout.JAVA_BYTE;
                for (long i = 0; i < count; i++) {
                    acc.setAtIndex(l, i, (byte) applyInt(acc.getAtIndex(l, i), in.getAtIndex(l, i)));
                }
            }
            case COMPLEX_DOUBLE, COMPLEX_FLOAT -> combineComplex(acc, in, type, count);
            case DOUBLE_INT, FLOAT_INT, LONG_INT, INT_INT, SHORT_INT -> throw new AssertionError(type); // combineLocs
            case BOOLEAN -> {
                if (builtin != Builtin.LAND && builtin != Builtin.LOR && builtin != null) {
                    throw new IllegalArgumentException("op " + name + " is not defined for BOOLEAN buffers (LAND and LOR are)");
                }
                ValueLayout.OfByte l = ValueLayout.JAVA_BYTE;
                for (long i = 0; i < count; i++) {
                    int r = applyInt(acc.getAtIndex(l, i) != 0 ? 1 : 0, in.getAtIndex(l, i) != 0 ? 1 : 0);
                    acc.setAtIndex(l, i, (byte) (r != 0 ? 1 : 0));
                }
            }
        }
    }

    /**
     * Fails where this op cannot combine buffers of {@code type}: MAXLOC and MINLOC go with
     * (value, index) pairs, and only they. Checked before a reduction starts, so every rank fails alike.
     */
    void requireDefinedFor(ElementType type) {
        boolean loc = builtin == Builtin.MAXLOC || builtin == Builtin.MINLOC;
        if (loc && !type.pair()) {
            throw new IllegalArgumentException("op " + name + " combines (value, index) pairs, not " + type
                    + " buffers: use Buffer.ofLocs(values, indices)");
        }
        if (type.pair() && !loc) {
            throw new IllegalArgumentException("op " + name + " is not defined for " + type + " pairs (MAXLOC and MINLOC are)");
        }
    }

    /**
     * MAXLOC and MINLOC on (value, index) pairs, as MPI defines them: the larger (smaller) value
     * with its index, and of equal values the smaller index. Values compare as doubles where they
     * are floating point, as longs otherwise (exactly, whatever their width).
     */
    private void combineLocs(MemorySegment acc, MemorySegment in, ElementType type, long count) {
        requireDefinedFor(type);
        int sign = builtin == Builtin.MAXLOC ? 1 : -1;
        long size = type.bytes(), at = type.indexOffset();
        boolean floating = type == ElementType.DOUBLE_INT || type == ElementType.FLOAT_INT;
        for (long i = 0; i < count; i++) {
            long base = i * size;
            int c = floating
                    ? Double.compare(Buffer.doubleValue(acc, type, base), Buffer.doubleValue(in, type, base))
                    : Long.compare(Buffer.longValue(acc, type, base), Buffer.longValue(in, type, base));
            int ai = acc.get(ValueLayout.JAVA_INT_UNALIGNED, base + at), bi = in.get(ValueLayout.JAVA_INT_UNALIGNED, base + at);
            boolean takeIn = Integer.signum(c) * sign < 0 || (c == 0 && bi < ai);
            if (takeIn) MemorySegment.copy(in, base, acc, base, size);
        }
    }

    /** SUM and PROD of complex numbers (MPI defines no other predefined op on them); a user op part by part. */
    private void combineComplex(MemorySegment acc, MemorySegment in, ElementType type, long count) {
        boolean dbl = type == ElementType.COMPLEX_DOUBLE;
        for (long i = 0; i < count; i++) {
            double ar = part(acc, dbl, 2 * i), ai = part(acc, dbl, 2 * i + 1);
            double br = part(in, dbl, 2 * i), bi = part(in, dbl, 2 * i + 1);
            double r, im;
            if (builtin == Builtin.SUM) {
                r = ar + br;
                im = ai + bi;
            } else if (builtin == Builtin.PROD) {
                r = ar * br - ai * bi;
                im = ar * bi + ai * br;
            } else if (builtin == null && doubles != null) {
                r = doubles.applyAsDouble(ar, br);
                im = doubles.applyAsDouble(ai, bi);
            } else {
                throw new IllegalArgumentException("op " + name + " is not defined for complex numbers (SUM and PROD are)");
            }
            setPart(acc, dbl, 2 * i, r);
            setPart(acc, dbl, 2 * i + 1, im);
        }
    }

    private static double part(MemorySegment s, boolean dbl, long index) {
        return dbl ? s.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index) : s.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, index);
    }

    private static void setPart(MemorySegment s, boolean dbl, long index, double v) {
        if (dbl) s.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index, v);
        else s.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, index, (float) v);
    }

    private double applyDouble(double x, double y) {
        if (doubles == null) throw noBufferDefinition("DOUBLE");
        return doubles.applyAsDouble(x, y);
    }

    private long applyLong(long x, long y) {
        if (longs == null) throw noBufferDefinition("LONG");
        return longs.applyAsLong(x, y);
    }

    private int applyInt(int x, int y) {
        if (ints != null) return ints.applyAsInt(x, y);
        if (builtin == null) throw noBufferDefinition("INT");
        return (int) applyLong(x, y);
    }

    private IllegalArgumentException pairsOnly() {
        return new IllegalArgumentException("op " + name + " combines (value, index) pairs: Op.Loc objects or Buffer.ofLocs buffers");
    }

    private IllegalArgumentException noBufferDefinition(String type) {
        return new IllegalArgumentException("op " + name + " has no definition for " + type + " buffers");
    }
}
