package hitchhiker.process;

import java.io.InputStream;

/** Reads what a {@link WireBuffer} wrote, from a byte array. */
final class WireReader extends InputStream {

    private final byte[] buf;
    private int pos;
    private final int end;

    WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    WireReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    @Override
    public int read() {
        return pos < end ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= end) return -1;
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return end - pos;
    }

    byte readByte() {
        check(1);
        return buf[pos++];
    }

    int readInt() {
        check(4);
        int v = (int) WireBuffer.INT.get(buf, pos);
        pos += 4;
        return v;
    }

    long readLong() {
        check(8);
        long v = (long) WireBuffer.LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    byte[] readBytes(int n) {
        check(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    private void check(int n) {
        if (n < 0 || end - pos < n) throw new IllegalStateException("truncated message");
    }
}
