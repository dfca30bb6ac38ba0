package hitchhiker.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.EOFException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Python's {@code Pipe()}: a duplex pair of connections with send, recv, poll and close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipeTest {

    @Test
    void bothEndsSendAndReceiveAcrossJvmsInOrder() throws Exception {
        try (Pipe pipe = Pipe.open()) {
            Connection child = pipe.second();
            JvmProcess echo = new JvmProcess(() -> {
                for (; ; ) {
                    Object got;
                    try {
                        got = child.recv();
                    } catch (EOFException e) {
                        break;
                    }
                    child.send(got instanceof Integer i ? i * 2 : got);
                }
                child.send("bye");
            }).start();
            Connection parent = pipe.first();
            for (int i = 0; i < 1000; i++) parent.send(i);
            byte[] big = new byte[1 << 20]; // sixteen times the ring: it streams through
            Arrays.fill(big, (byte) 7);
            parent.send(big);
            for (int i = 0; i < 1000; i++) assertThat((Integer) parent.recv()).isEqualTo(2 * i);
            assertThat((byte[]) parent.recv()).isEqualTo(big);
            parent.close(); // the child's recv ends with EOF, then it says bye to a closed end
            assertThat(echo.join(Duration.ofSeconds(20))).isTrue();
            assertThat(echo.exitCode()).hasValue(1); // its last send found our end closed
        }
    }

    @Test
    void pollSaysWhetherRecvWouldWait() throws Exception {
        try (Pipe pipe = Pipe.open()) {
            assertThat(pipe.first().poll()).isFalse();
            assertThat(pipe.first().poll(Duration.ofMillis(30))).isFalse();
            pipe.second().send("x");
            assertThat(pipe.first().poll(Duration.ofSeconds(1))).isTrue();
            assertThat((String) pipe.first().recv()).isEqualTo("x");
            assertThat(pipe.first().poll()).isFalse();
        }
    }

    @Test
    void recvGetsWhatWasSentThenEofOnceTheOtherEndIsClosed() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.second().send(1);
        pipe.second().send(null);
        pipe.second().close();
        assertThat((Integer) pipe.first().recv()).isEqualTo(1);
        assertThat((Object) pipe.first().recv()).isNull();
        assertThat(pipe.first().poll()).isTrue(); // recv would not wait: it throws
        assertThatThrownBy(() -> pipe.first().recv()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> pipe.first().send(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the other end of the pipe is closed");
        pipe.first().close();
        assertThatThrownBy(() -> pipe.first().recv()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the connection is closed");
    }

    @Test
    void recvEndsWithEofWhenTheOtherEndsProcessIsKilled() throws Exception {
        try (Pipe pipe = Pipe.open()) {
            Connection child = pipe.second();
            JvmProcess p = new JvmProcess(() -> {
                child.send("ready");
                Thread.sleep(60_000);
            }).start();
            Connection parent = pipe.first();
            assertThat((String) parent.recv()).isEqualTo("ready");
            p.kill();
            assertThatThrownBy(parent::recv).isInstanceOf(EOFException.class);
        }
    }
}
