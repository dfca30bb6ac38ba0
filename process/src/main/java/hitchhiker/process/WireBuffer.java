package hitchhiker.process;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array written in big-endian order: where frames and values are built before
 * they go to a pipe or socket in one write.
 */
final class WireBuffer extends OutputStream {

    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int size;

    WireBuffer(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("message larger than 2 GiB");
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void writeInt(int v) {
        ensure(4);
        INT.set(buf, size, v);
        size += 4;
    }

    void writeLong(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
    }

    /** Overwrites four bytes already written, e.g. a length known only afterwards. */
    void setInt(int at, int v) {
        INT.set(buf, at, v);
    }

    int size() {
        return size;
    }

    /** Drops what was written after {@code size} bytes. */
    void truncate(int size) {
        this.size = size;
    }

    void reset() {
        size = 0;
    }

    byte[] array() {
        return buf;
    }

    /** What was written: the buffer itself when it is exactly full (no copy), else a copy. */
    byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
}
