package hitchhiker.process;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How values travel between JVMs: a one-byte tag, then a compact big-endian body for the common
 * cases (null, boxed int / long / double / boolean, String, int[] / long[] / double[] / byte[],
 * and an {@code Object[]} of such values), and Java serialization for everything else.
 *
 * <p>The compact forms matter for tiny tasks: an {@code Integer} argument costs 5 bytes and no
 * {@link ObjectOutputStream} (whose stream header alone is more work than the task). Functions
 * always use Java serialization, once per pool and function, so only arguments travel per task.
 *
 * <p>Failures to serialize are reported as {@link IllegalArgumentException} naming the class that
 * is not serializable, before anything is sent. Classes the other JVM cannot load travel with the
 * objects (see {@link ShippedClasses}).
 */
final class Codec {

    private static final byte NULL = 0, INT = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, STRING = 6,
            BYTES = 7, INTS = 8, LONGS = 9, DOUBLES = 10, OBJECT = 11, TUPLE = 12;

    private Codec() {
    }

    /** Appends one value. */
    static void encode(WireBuffer out, Object value, String what) {
        encode(out, value, what, -1);
    }

    /**
     * Appends one value; {@code index}, when not negative, numbers it in error messages
     * ("input #12"), so no message is built unless one is needed.
     */
    static void encode(WireBuffer out, Object value, String what, long index) {
        // An instanceof chain rather than a pattern switch: it is the per-item hot path, and
        // the JIT turns a chain whose first test usually succeeds into one type check.
        if (value instanceof Long l) {
            out.write(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.write(INT);
            out.writeInt(i);
        } else if (value instanceof Double d) {
            out.write(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            out.write(b ? TRUE : FALSE);
        } else if (value == null) {
            out.write(NULL);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.write(STRING);
            out.writeInt(utf8.length);
            out.write(utf8, 0, utf8.length);
        } else if (value instanceof byte[] a) {
            out.write(BYTES);
            out.writeInt(a.length);
            out.write(a, 0, a.length);
        } else if (value instanceof int[] a) {
            out.write(INTS);
            out.writeInt(a.length);
            for (int v : a) out.writeInt(v);
        } else if (value instanceof long[] a) {
            out.write(LONGS);
            out.writeInt(a.length);
            for (long v : a) out.writeLong(v);
        } else if (value instanceof double[] a) {
            out.write(DOUBLES);
            out.writeInt(a.length);
            for (double v : a) out.writeLong(Double.doubleToRawLongBits(v));
        } else if (value.getClass() == Object[].class) {
            // The arguments of a starmap: each element in its own compact form.
            Object[] a = (Object[]) value;
            out.write(TUPLE);
            out.writeInt(a.length);
            for (Object v : a) encode(out, v, what, index);
        } else {
            out.write(OBJECT);
            int at = out.size();
            out.writeInt(0);
            serializeInto(out, value, index < 0 ? what : what + " #" + index);
            out.setInt(at, out.size() - at - 4);
        }
    }

    /** Reads one value. */
    static Object decode(WireReader in) {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> new String(in.readBytes(in.readInt()), StandardCharsets.UTF_8);
            case BYTES -> in.readBytes(in.readInt());
            case INTS -> {
                int[] a = new int[in.readInt()];
                for (int i = 0; i < a.length; i++) a[i] = in.readInt();
                yield a;
            }
            case LONGS -> {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) a[i] = in.readLong();
                yield a;
            }
            case DOUBLES -> {
                double[] a = new double[in.readInt()];
                for (int i = 0; i < a.length; i++) a[i] = Double.longBitsToDouble(in.readLong());
                yield a;
            }
            case TUPLE -> {
                Object[] a = new Object[in.readInt()];
                for (int i = 0; i < a.length; i++) a[i] = decode(in);
                yield a;
            }
            case OBJECT -> deserialize(in.readBytes(in.readInt()));
            default -> throw new IllegalStateException("unknown value tag " + tag);
        };
    }

    /** One value on its own. */
    static byte[] encode(Object value, String what) {
        WireBuffer out = new WireBuffer(16);
        encode(out, value, what);
        return out.toByteArray();
    }

    static Object decode(byte[] bytes) {
        return decode(new WireReader(bytes));
    }

    /** Java-serializes an object (a function, a throwable, an unusual value). */
    static byte[] serialize(Object value, String what) {
        WireBuffer out = new WireBuffer(256);
        serializeInto(out, value, what);
        return out.toByteArray();
    }

    private static void serializeInto(WireBuffer out, Object value, String what) {
        try (ObjectOutputStream oos = new ShippedClasses.Out(out)) {
            oos.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot send " + what + " to another JVM: it contains a "
                    + e.getMessage() + ", which is not Serializable", e);
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("cannot send " + what + " to another JVM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + what, e);
        }
    }

    static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ShippedClasses.In(new WireReader(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deserialize a received object", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + e.getMessage() + " is not on this JVM's class path", e);
        }
    }
}
