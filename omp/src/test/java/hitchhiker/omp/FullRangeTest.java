package hitchhiker.omp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The widest ranges (2^64 - 1 and 2^32 - 1 iterations) are split into chunks that tile them exactly. */
@Timeout(20)
class FullRangeTest {

    record Chunk(long lo, long hi) {
    }

    @Test
    void staticAndGuidedTileTheWholeLongRange() {
        for (Schedule s : List.of(Schedule.STATIC, Schedule.guided(1 << 30), Schedule.AUTO)) {
            List<Chunk> chunks = new ArrayList<>();
            Omp.parallel(3).loopLong(Long.MIN_VALUE, Long.MAX_VALUE, s, (a, b) -> {
                synchronized (chunks) {
                    chunks.add(new Chunk(a, b));
                }
            });
            assertTiles(chunks, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    @Test
    void staticTilesTheWholeIntRange() {
        List<Chunk> chunks = new ArrayList<>();
        Omp.parallel(2).loop(Integer.MIN_VALUE, Integer.MAX_VALUE, Schedule.staticChunks(1 << 28), (int a, int b) -> {
            synchronized (chunks) {
                chunks.add(new Chunk(a, b));
            }
        });
        assertTiles(chunks, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static void assertTiles(List<Chunk> chunks, long lo, long hi) {
        chunks.sort(Comparator.comparingLong(Chunk::lo));
        long at = lo;
        for (Chunk c : chunks) {
            assertThat(c.lo()).as("chunk starts where the previous ended").isEqualTo(at);
            assertThat(c.hi()).isGreaterThan(c.lo());
            at = c.hi();
        }
        assertThat(at).isEqualTo(hi);
    }
}
