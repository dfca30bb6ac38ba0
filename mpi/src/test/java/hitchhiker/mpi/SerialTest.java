package hitchhiker.mpi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Object messages as bytes: large ones stream off the heap instead of doubling a heap array. */
class SerialTest {

    @Test
    void aLargeObjectIsSerializedIntoNativeMemoryAndComesBackWhole() {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] part = new byte[1 << 20];
            part[i] = (byte) i;
            part[part.length - 1] = (byte) -i;
            parts.add(part);
        }
        MemorySegment bytes = Serial.serialize(new ArrayList<>(parts));
        assertThat(bytes.byteSize()).isGreaterThan(Serial.HEAP_BYTES);
        assertThat(bytes.isNative()).as("beyond " + Serial.HEAP_BYTES + " bytes the output is off the heap").isTrue();
        List<byte[]> back = Serial.deserialize(bytes);
        assertThat(back).hasSize(20);
        for (int i = 0; i < 20; i++) assertThat(back.get(i)).isEqualTo(parts.get(i));
    }

    @Test
    void aSmallObjectStaysOnTheHeap() {
        MemorySegment bytes = Serial.serialize(List.of("a", 1, 2.5));
        assertThat(bytes.isNative()).isFalse();
        assertThat(Serial.<List<Object>>deserialize(bytes)).containsExactly("a", 1, 2.5);
    }
}
