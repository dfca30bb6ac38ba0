package hitchhiker.process;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Frame types on a worker's pipes. Each frame is a type byte and big-endian fields; payloads are
 * length-prefixed so a reader takes them in one piece and decodes them off the critical path.
 *
 * <pre>
 * parent to worker                              worker to parent
 * INIT     len bytes (initializer, len 0: none)  READY       pid
 * FUNCTION fnId len bytes                        RESULT      taskId len values
 * TASK     taskId fnId count len values          ERROR       taskId index len throwable
 * RUN      len bytes (one-shot process)          RETIRE      (no queued task was started)
 *                                                INIT_FAILED len throwable
 * </pre>
 */
final class Protocol {

    static final int INIT = 1, FUNCTION = 2, TASK = 3, RUN = 4;
    static final int READY = 1, RESULT = 2, ERROR = 3, RETIRE = 4, INIT_FAILED = 5;

    /** Exit status of a worker that retires itself after an OutOfMemoryError. */
    static final int EXIT_RETIRED = 3;

    private Protocol() {
    }

    /** Bytes of a FUNCTION frame for a function of {@code length} serialized bytes. */
    static int functionFrameBytes(int length) {
        return Byte.BYTES + Integer.BYTES + Integer.BYTES + length;
    }

    /** Bytes of a TASK frame whose encoded arguments take {@code length} bytes. */
    static int taskFrameBytes(int length) {
        return Byte.BYTES + Long.BYTES + Integer.BYTES + Integer.BYTES + Integer.BYTES + length;
    }

    /** Writes a FUNCTION frame: {@link #functionFrameBytes} bytes. */
    static void writeFunction(DataOutputStream out, int fnId, byte[] bytes) throws IOException {
        out.write(FUNCTION);
        out.writeInt(fnId);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Writes a TASK frame: {@link #taskFrameBytes} bytes. */
    static void writeTask(DataOutputStream out, long taskId, int fnId, int count, byte[] args) throws IOException {
        out.write(TASK);
        out.writeLong(taskId);
        out.writeInt(fnId);
        out.writeInt(count);
        out.writeInt(args.length);
        out.write(args);
    }
}
