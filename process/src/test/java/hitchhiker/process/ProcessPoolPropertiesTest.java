package hitchhiker.process;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the pool over random inputs: map equals a serial loop, every input once, in order. */
class ProcessPoolPropertiesTest {

    static ProcessPool pool;

    @BeforeContainer
    static void start() {
        pool = new ProcessPool(2);
    }

    @AfterContainer
    static void stop() {
        pool.close();
    }

    @Property(tries = 40)
    void mapEqualsASerialLoopForAnyInputAndChunksize(@ForAll @Size(max = 300) List<Long> inputs,
                                                    @ForAll @IntRange(min = 1, max = 64) int chunksize) {
        List<Long> serial = inputs.stream().map(x -> x * 31 + 7).toList();
        assertThat(pool.map(x -> x * 31 + 7, inputs, chunksize)).isEqualTo(serial);
    }

    @Property(tries = 20)
    void imapYieldsEveryResultOnceInOrderForAnyBound(@ForAll @Size(max = 200) List<Integer> inputs,
                                                     @ForAll @IntRange(min = 1, max = 16) int chunksize,
                                                     @ForAll @IntRange(min = 1, max = 8) int maxInFlight) {
        List<Integer> out = new ArrayList<>();
        pool.imap((Integer x) -> -x, inputs, chunksize, maxInFlight).forEachRemaining(out::add);
        assertThat(out).isEqualTo(inputs.stream().map(x -> -x).toList());
    }
}
