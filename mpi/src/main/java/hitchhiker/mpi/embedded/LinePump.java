package hitchhiker.mpi.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Copies a rank's output to a shared stream one whole line at a time (optionally prefixed with
 * {@code [rank]}), so lines of different ranks never mix mid-line. Each line is one write to the
 * target stream; bytes pass through undecoded.
 */
final class LinePump extends Thread {

    private final InputStream in;
    private final PrintStream out;
    private final byte[] prefix;

    LinePump(InputStream in, PrintStream out, String prefix, String name) {
        super(name);
        this.in = in;
        this.out = out;
        this.prefix = prefix == null ? new byte[0] : prefix.getBytes();
        setDaemon(true);
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i + 1 - start);
                        emit(line);
                        start = i + 1;
                    }
                }
                line.write(buf, start, n - start);
            }
        } catch (IOException ignored) {
            // the process went away; flush what we have
        }
        if (line.size() > 0) {
            line.write('\n');
            emit(line);
        }
    }

    // The JVM's notice about incubator modules, printed by every rank: noise, not output.
    private static final byte[] INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector\n".getBytes();

    private void emit(ByteArrayOutputStream line) {
        if (java.util.Arrays.equals(line.toByteArray(), INCUBATOR_NOTICE)) {
            line.reset();
            return;
        }
        byte[] whole = new byte[prefix.length + line.size()];
        System.arraycopy(prefix, 0, whole, 0, prefix.length);
        System.arraycopy(line.toByteArray(), 0, whole, prefix.length, line.size());
        synchronized (out) {
            out.write(whole, 0, whole.length); // one write: whole lines even with other writers
            out.flush();
        }
        line.reset();
    }
}
