package hitchhiker.mpi;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The non-overtaking rule as a property (ThreadWorld bounds each try to 60 s). */
class OrderingPropertiesTest {

    /** Messages between a pair never overtake: with ANY_TAG they arrive in send order, and so do those of one tag. */
    @Property(tries = 25)
    void messagesBetweenAPairArriveInSendOrder(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 3) Integer> tags,
                                               @ForAll @IntRange(min = 0, max = 3) int bigEvery) throws Exception {
        List<int[]> got = ThreadWorld.run(2, world -> {
            if (world.rank() == 0) {
                for (int i = 0; i < tags.size(); i++) {
                    // Some messages are larger than a ring, so they stream while later ones queue.
                    int length = bigEvery > 0 && i % (bigEvery + 3) == 0 ? 300_000 : 1 + i % 7;
                    int[] payload = new int[length];
                    payload[0] = i;
                    world.sendBuffer(Buffer.of(payload), 1, tags.get(i));
                }
                return null;
            }
            int[] order = new int[tags.size()];
            int[] buffer = new int[300_000];
            // Take tag 0's messages first by tag, then all the rest with ANY_TAG.
            int at = 0;
            long zeros = tags.stream().filter(t -> t == 0).count();
            for (int k = 0; k < zeros; k++) {
                Status s = world.recvBuffer(Buffer.of(buffer), 0, 0);
                assertThat(s.tag()).isZero();
                order[at++] = buffer[0];
            }
            while (at < tags.size()) {
                Status s = world.recvBuffer(Buffer.of(buffer), 0, Mpi.ANY_TAG);
                assertThat(s.tag()).isNotZero();
                order[at++] = buffer[0];
            }
            return order;
        });
        int[] order = got.get(1);
        List<Integer> zerosSent = new ArrayList<>(), othersSent = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) (tags.get(i) == 0 ? zerosSent : othersSent).add(i);
        List<Integer> expected = new ArrayList<>(zerosSent);
        expected.addAll(othersSent);
        assertThat(Arrays.stream(order).boxed().toList()).isEqualTo(expected);
    }

}
