package hitchhiker.mpi.embedded;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer and a consumer thread move many messages of random sizes through a small ring, so it
 * wraps thousands of times; messages are written whole (published by the ready flag) or streamed
 * (header, chunks, padding), as the engine does, and every byte, tag and length must arrive intact
 * and in order.
 */
class RingTest {

    private static final long CAPACITY = 256;
    private static final int MESSAGES = 20_000;

    @Test
    void messagesOfEverySizeArriveIntactThroughAWrappingRing() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment memory = arena.allocate(Ring.footprint(CAPACITY), 128);
            Ring producerSide = new Ring(memory, CAPACITY);
            Ring consumerSide = new Ring(memory, CAPACITY);
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> produce(producerSide));
            consume(consumerSide);
            producer.get(60, TimeUnit.SECONDS);
        }
    }

    private static int lengthOf(Random random) {
        return random.nextInt(4) == 0 ? random.nextInt(700) : random.nextInt(40);
    }

    private static long padding(long length) {
        return (16 - (length & 15)) & 15;
    }

    private static void produce(Ring ring) {
        Random random = new Random(42);
        for (int m = 0; m < MESSAGES; m++) {
            int length = lengthOf(random);
            MemorySegment data = MemorySegment.ofArray(new byte[length]);
            for (int i = 0; i < length; i++) data.set(ValueLayout.JAVA_BYTE, i, (byte) (m * 31 + i));
            long whole = 16 + length + padding(length);
            boolean inOne = random.nextBoolean();
            while (ring.writable() < 16) Thread.onSpinWait();
            if (inOne && ring.writable() >= whole) {
                ring.writeMessage(m, m * 7, data, length, padding(length));
                continue;
            }
            ring.writeHeader(m, m * 7, length);
            long written = 0;
            while (written < length) {
                long n = Math.min(length - written, ring.writable());
                if (n <= 0) {
                    Thread.onSpinWait();
                    continue;
                }
                ring.write(data, written, n);
                written += n;
            }
            while (padding(length) > 0 && ring.writable() < padding(length)) Thread.onSpinWait();
            if (padding(length) > 0) ring.pad(padding(length));
        }
    }

    private static void consume(Ring ring) {
        Random random = new Random(42);
        for (int m = 0; m < MESSAGES; m++) {
            int expected = lengthOf(random);
            long whole = 16 + expected + padding(expected);
            random.nextBoolean();  // the producer's draw of how to write it: keeps the sizes in step
            long readable;
            while ((readable = ring.readableMessage()) < 16) Thread.onSpinWait();
            assertThat(ring.headerContext()).as("context of message %d", m).isEqualTo(m);
            assertThat(ring.headerTag()).isEqualTo(m * 7);
            assertThat(ring.headerLength()).as("length of message %d", m).isEqualTo(expected);
            MemorySegment got = MemorySegment.ofArray(new byte[expected]);
            if (readable >= whole) {
                ring.peek(16, got, expected);
                ring.read(null, 0, whole);
            } else {
                ring.read(null, 0, 16);
                long copied = 0;
                while (copied < expected) {
                    long n = Math.min(ring.readable(), expected - copied);
                    if (n <= 0) {
                        Thread.onSpinWait();
                        continue;
                    }
                    ring.read(got, copied, n);
                    copied += n;
                }
                while (ring.readable() < padding(expected)) Thread.onSpinWait();
                if (padding(expected) > 0) ring.read(null, 0, padding(expected));
            }
            for (int i = 0; i < expected; i++) {
                if (got.get(ValueLayout.JAVA_BYTE, i) != (byte) (m * 31 + i)) {
                    throw new AssertionError("message " + m + " byte " + i + " corrupted");
                }
            }
        }
    }
}
