package hitchhiker.mpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class PointToPointTest {

    @Test
    void anySourceReportsWhoSentAndTagsSelectMessages() throws Exception {
        List<Set<Integer>> got = ThreadWorld.run(5, world -> {
            if (world.rank() != 0) {
                world.send("low from " + world.rank(), 0, 1);
                world.send(world.rank(), 0, 2);
                return null;
            }
            Set<Integer> seen = new HashSet<>();
            // Tag 2 first although every tag-1 message was sent earlier: tags select, order is per tag.
            for (int i = 1; i < world.size(); i++) {
                Message<Integer> m = world.recvMessage(Mpi.ANY_SOURCE, 2);
                assertThat(m.value()).isEqualTo(m.status().source());
                assertThat(m.status().tag()).isEqualTo(2);
                seen.add(m.value());
            }
            for (int i = 1; i < world.size(); i++) {
                Message<String> m = world.recvMessage(Mpi.ANY_SOURCE, Mpi.ANY_TAG);
                assertThat(m.value()).isEqualTo("low from " + m.status().source());
            }
            return seen;
        });
        assertThat(got.get(0)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void blockingReceivesFromOnePeerMatchByTagWhateverTheRingHoldsFirst() throws Exception {
        // A blocking receive from a named peer may take a message straight from the ring; here the
        // ring's first message is never the one asked for first, one is synchronous, one streams.
        int big = 4 << 20;
        List<Object> got = ThreadWorld.run(2, world -> {
            if (world.rank() == 1) {
                world.sendBuffer(Buffer.of(new int[] {5}), 0, 5);
                world.sendBuffer(Buffer.of(new int[] {7}), 0, 7);
                world.ssendBuffer(Buffer.of(new int[] {9}), 0, 9);
                byte[] large = new byte[big];
                Arrays.fill(large, (byte) 11);
                world.sendBuffer(Buffer.of(large), 0, 11);
                world.sendBuffer(Buffer.of(new int[] {12}), 0, 12);
                world.send("thirteen", 0, 13);
                return null;
            }
            int[] one = new int[1];
            List<Integer> order = new java.util.ArrayList<>();
            for (int tag : new int[] {7, 5, 9}) {
                Status s = world.recvBuffer(Buffer.of(one), 1, tag);
                assertThat(s.tag()).isEqualTo(tag);
                order.add(one[0]);
            }
            byte[] large = new byte[big];
            assertThat(world.recvBuffer(Buffer.of(large), 1, 11).count(1)).isEqualTo(big);
            assertThat(large).containsOnly((byte) 11);
            world.recvBuffer(Buffer.of(one), 1, Mpi.ANY_TAG);
            order.add(one[0]);
            assertThat(world.<String>recv(1, 13)).isEqualTo("thirteen");
            return order;
        });
        assertThat(got.get(0)).isEqualTo(List.of(7, 5, 9, 12));
    }

    @Test
    void nonblockingRequestsCompleteAndProbeSeesTheEnvelope() throws Exception {
        List<Object> got = ThreadWorld.run(2, world -> {
            int peer = 1 - world.rank();
            if (world.rank() == 0) {
                Request a = world.isend(List.of(1, 2, 3), peer, 5);
                Request b = world.isendBuffer(Buffer.of(new double[] {1.5, 2.5}), peer, 6);
                Request.waitAll(a, b);
                return null;
            }
            Status probed = world.probe(0, 6);
            assertThat(probed.count(Double.BYTES)).isEqualTo(2);
            assertThat(world.iprobe(0, 99)).isEmpty();
            ReceiveRequest<List<Integer>> list = world.irecv(0, 5);
            double[] d = new double[2];
            Request buf = world.irecvBuffer(Buffer.of(d), 0, 6);
            while (!Request.testAll(List.of(list, buf))) Thread.onSpinWait();
            return List.of(list.value(), d[0] + d[1]);
        });
        assertThat(got.get(1)).isEqualTo(List.of(List.of(1, 2, 3), 4.0));
    }

    @Test
    void largeObjectsAndSegmentsCrossTheRingWhole() throws Exception {
        List<Object> got = ThreadWorld.run(2, world -> {
            if (world.rank() == 0) {
                long[] big = new long[1 << 20]; // 8 MiB, eight times a ring
                Arrays.setAll(big, i -> i * 3L);
                world.send(big, 1, 0);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment seg = arena.allocate(ValueLayout.JAVA_DOUBLE, 600_000);
                    for (long i = 0; i < 600_000; i++) seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i / 2.0);
                    world.sendBuffer(Buffer.of(seg, hitchhiker.mpi.spi.ElementType.DOUBLE), 1, 1);
                }
                return null;
            }
            long[] big = world.recv(0, 0);
            double[] d = new double[600_000];
            Status s = world.recvBuffer(Buffer.of(d), 0, 1);
            return List.of(big.length, big[big.length - 1], d[599_999], s.bytes());
        });
        assertThat(got.get(1)).isEqualTo(List.of(1 << 20, ((1 << 20) - 1) * 3L, 599_999 / 2.0, 4_800_000L));
    }

    @Test
    void twoRanksSendingLargeMessagesToEachOtherFirstDoNotDeadlock() throws Exception {
        List<Integer> got = ThreadWorld.run(2, world -> {
            int[] out = new int[2_000_000];
            Arrays.fill(out, world.rank() + 10);
            world.sendBuffer(Buffer.of(out), 1 - world.rank(), 0);
            int[] in = new int[2_000_000];
            world.recvBuffer(Buffer.of(in), 1 - world.rank(), 0);
            return in[1_999_999];
        });
        assertThat(got).containsExactly(11, 10);
    }

    @Test
    void aRankCanSendToItself() throws Exception {
        List<String> got = ThreadWorld.run(1, world -> {
            world.send("me", 0, 3);
            return world.recv(0, 3);
        });
        assertThat(got).containsExactly("me");
    }

    @Test
    void aBufferTooSmallForTheMessageFailsClearly() throws Exception {
        List<String> got = ThreadWorld.run(2, world -> {
            if (world.rank() == 0) {
                world.sendBuffer(Buffer.of(new int[10]), 1, 0);
                world.send("after", 1, 1);
                return null;
            }
            try {
                world.recvBuffer(Buffer.of(new int[4]), 0, 0);
                return "no error";
            } catch (MessageTruncatedException e) {
                // The transport stays usable after the truncated message.
                return e.getMessage() + " / " + world.recv(0, 1);
            }
        });
        assertThat(got.get(1)).contains("40 bytes", "16-byte", "/ after");
    }

    @Test
    void badRanksAndTagsAreIllegalArguments() throws Exception {
        ThreadWorld.run(2, world -> {
            assertThatThrownBy(() -> world.send("x", 2, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("destination rank 2 is out of range for a communicator of size 2");
            assertThatThrownBy(() -> world.send("x", 1, -4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tag must be >= 0");
            assertThatThrownBy(() -> world.recv(-7, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> world.bcast(1, 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("root rank 5");
            assertThatThrownBy(() -> world.send(new Object(), 1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not serializable");
            return null;
        });
    }

    @Test
    void procNullCompletesAtOnce() throws Exception {
        ThreadWorld.run(1, world -> {
            world.send("nothing", Mpi.PROC_NULL, 0);
            Status s = world.recvBuffer(Buffer.of(new int[1]), Mpi.PROC_NULL, 0);
            assertThat(s.source()).isEqualTo(Mpi.PROC_NULL);
            return null;
        });
    }

    @Test
    void aSingletonIsAWorldOfOne() {
        assertThat(Mpi.world().size()).isEqualTo(1);
        assertThat(Mpi.world().rank()).isZero();
        assertThat(Mpi.backendName()).isEqualTo("singleton");
        assertThat(Mpi.world().allreduce(21, Op.SUM)).isEqualTo(21);
    }
}
