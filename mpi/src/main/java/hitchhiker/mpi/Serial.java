package hitchhiker.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Object messages as bytes. The first byte says how the rest is encoded: primitive arrays
 * (byte[], int[], long[], double[]) are copied in bulk, as mpi4py sends NumPy arrays out of band
 * (serializing them through an ObjectOutputStream runs at a tenth of memory speed); everything
 * else is Java serialization. Unlike a {@code ByteArrayOutputStream}, the output grows past 2 GiB
 * (it moves to off-heap memory when a byte array cannot hold it), and the segment is handed to
 * the transport without another copy.
 */
final class Serial {

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private Serial() {
    }

    private static final byte JAVA = 'J', BYTES = 'b', INTS = 'i', LONGS = 'l', DOUBLES = 'd';

    static MemorySegment serialize(Object value) {
        return switch (value) {
            case byte[] a -> raw(BYTES, MemorySegment.ofArray(a));
            case int[] a -> raw(INTS, MemorySegment.ofArray(a));
            case long[] a -> raw(LONGS, MemorySegment.ofArray(a));
            case double[] a -> raw(DOUBLES, MemorySegment.ofArray(a));
            case null, default -> java(value);
        };
    }

    private static MemorySegment raw(byte kind, MemorySegment data) {
        MemorySegment out = allocate(1 + data.byteSize());
        out.set(ValueLayout.JAVA_BYTE, 0, kind);
        MemorySegment.copy(data, 0, out, 1, data.byteSize());
        return out;
    }

    private static MemorySegment allocate(long bytes) {
        return bytes <= MAX_ARRAY ? MemorySegment.ofArray(new byte[(int) bytes]) : Arena.ofAuto().allocate(bytes, 16);
    }

    private static MemorySegment java(Object value) {
        SegmentOutput out = new SegmentOutput();
        out.write(JAVA);
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        } catch (NotSerializableException | InvalidClassException e) {
            throw new IllegalArgumentException("cannot send this object: " + e.getMessage()
                    + " is not serializable (implement java.io.Serializable, or send a buffer)");
        } catch (IOException e) {
            throw new MpiException("cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return out.segment();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(MemorySegment bytes) {
        if (bytes.byteSize() == 0) return null;
        MemorySegment body = bytes.asSlice(1);
        switch (bytes.get(ValueLayout.JAVA_BYTE, 0)) {
            case BYTES -> {
                return (T) body.toArray(ValueLayout.JAVA_BYTE);
            }
            case INTS -> {
                return (T) body.toArray(ValueLayout.JAVA_INT_UNALIGNED);
            }
            case LONGS -> {
                return (T) body.toArray(ValueLayout.JAVA_LONG_UNALIGNED);
            }
            case DOUBLES -> {
                return (T) body.toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED);
            }
            case JAVA -> {
                // below
            }
            default -> throw new MpiException("not an object message (first byte " + bytes.get(ValueLayout.JAVA_BYTE, 0) + ")");
        }
        try (ObjectInputStream in = new ObjectInputStream(new SegmentInput(body))) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new MpiException("cannot deserialize a received object: " + e, e);
        }
    }

    private static final class SegmentOutput extends OutputStream {
        private byte[] heap = new byte[512];
        private MemorySegment offHeap;
        private long size;

        @Override
        public void write(int b) {
            ensure(size + 1);
            if (offHeap == null) heap[(int) size] = (byte) b;
            else offHeap.set(ValueLayout.JAVA_BYTE, size, (byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(size + len);
            if (offHeap == null) System.arraycopy(b, off, heap, (int) size, len);
            else MemorySegment.copy(b, off, offHeap, ValueLayout.JAVA_BYTE, size, len);
            size += len;
        }

        private void ensure(long needed) {
            if (offHeap == null) {
                if (needed <= heap.length) return;
                if (needed <= MAX_ARRAY) {
                    heap = Arrays.copyOf(heap, (int) Math.min(MAX_ARRAY, Math.max(needed, 2L * heap.length)));
                    return;
                }
                MemorySegment grown = Arena.ofAuto().allocate(Math.max(needed, 2 * size), 16);
                MemorySegment.copy(MemorySegment.ofArray(heap), 0, grown, 0, size);
                offHeap = grown;
                heap = null;
            } else if (needed > offHeap.byteSize()) {
                MemorySegment grown = Arena.ofAuto().allocate(Math.max(needed, 2 * offHeap.byteSize()), 16);
                MemorySegment.copy(offHeap, 0, grown, 0, size);
                offHeap = grown;
            }
        }

        MemorySegment segment() {
            return (offHeap != null ? offHeap : MemorySegment.ofArray(heap)).asSlice(0, size);
        }
    }

    private static final class SegmentInput extends InputStream {
        private final MemorySegment bytes;
        private long position;

        SegmentInput(MemorySegment bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.byteSize() ? bytes.get(ValueLayout.JAVA_BYTE, position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = bytes.byteSize() - position;
            if (left <= 0) return len == 0 ? 0 : -1;
            int n = (int) Math.min(len, left);
            MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, bytes.byteSize() - position);
        }
    }
}
