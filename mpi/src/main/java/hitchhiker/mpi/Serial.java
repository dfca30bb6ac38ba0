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
 * and costs the heap little (beyond {@link #HEAP_BYTES} it streams into native chunks), and the
 * segment is handed to the transport without another copy.
 */
final class Serial {


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
        return bytes <= HEAP_BYTES ? MemorySegment.ofArray(new byte[(int) bytes]) : Arena.ofAuto().allocate(bytes, 16);
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

    /**
     * Serialized bytes beyond this many are kept off the heap: a heap array doubling towards
     * 2 GiB would need several times the message in heap (a 3 GiB object ran out of memory at the
     * default heap), while native chunks cost the heap nothing.
     */
    static final long HEAP_BYTES = Long.getLong("hhg.mpi.serialHeapBytes", 16L << 20);
    private static final long CHUNK = Long.getLong("hhg.mpi.serialChunkBytes", 64L << 20);

    /**
     * An output stream into a heap array up to {@link #HEAP_BYTES}, then into a chain of native
     * chunks, joined into one native segment at the end (the chunks are freed at once).
     */
    private static final class SegmentOutput extends OutputStream {
        private byte[] heap = new byte[512];
        private int heapSize;
        private Arena chunksArena;
        private final java.util.List<MemorySegment> chunks = new java.util.ArrayList<>();
        private MemorySegment current;
        private long inCurrent;
        private long size;

        @Override
        public void write(int b) {
            if (chunksArena == null && heapSize < heap.length) {
                heap[heapSize++] = (byte) b;
                size++;
                return;
            }
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (chunksArena == null) {
                if (heapSize + (long) len <= HEAP_BYTES) {
                    if (heapSize + len > heap.length) {
                        heap = Arrays.copyOf(heap, (int) Math.min(HEAP_BYTES, Math.max(heapSize + (long) len, 2L * heap.length)));
                    }
                    System.arraycopy(b, off, heap, heapSize, len);
                    heapSize += len;
                    size += len;
                    return;
                }
                chunksArena = Arena.ofConfined();
            }
            while (len > 0) {
                if (current == null || inCurrent == current.byteSize()) {
                    current = chunksArena.allocate(CHUNK, 16);
                    chunks.add(current);
                    inCurrent = 0;
                }
                int n = (int) Math.min(len, current.byteSize() - inCurrent);
                MemorySegment.copy(b, off, current, ValueLayout.JAVA_BYTE, inCurrent, n);
                inCurrent += n;
                off += n;
                len -= n;
                size += n;
            }
        }

        MemorySegment segment() {
            if (chunksArena == null) return MemorySegment.ofArray(heap).asSlice(0, heapSize);
            MemorySegment whole = Arena.ofAuto().allocate(size, 16);
            MemorySegment.copy(MemorySegment.ofArray(heap), 0, whole, 0, heapSize);
            long at = heapSize;
            for (MemorySegment c : chunks) {
                long n = c == current ? inCurrent : c.byteSize();
                MemorySegment.copy(c, 0, whole, at, n);
                at += n;
            }
            chunksArena.close();
            heap = null;
            return whole;
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
