package hitchhiker.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes the JSON that {@code hhg} prints (run and tour results, kernel specs), with Jackson:
 * maps, lists and other iterables, arrays, strings, numbers, booleans, null, records. An object
 * Jackson cannot write fails with an {@link IllegalArgumentException} rather than turning into
 * a string.
 *
 * <p>Three rules keep the documented output: a NaN or infinite double is {@code null} (JSON has
 * no form for it), an enum is its name in lower case, and a control character other than
 * newline, return and tab is escaped as <code>&#92;u00xx</code>.
 */
public final class Json {

    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    /** The value as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule rules = new SimpleModule("hhg-json");
        rules.addSerializer(Double.class, new RealSerializer<>());
        rules.addSerializer(Float.class, new RealSerializer<>());
        rules.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray(values, values.length);
                for (double v : values) writeReal(gen, v);
                gen.writeEndArray();
            }
        });
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Enum<?>> enums = (Class) Enum.class;
        rules.addSerializer(enums, new JsonSerializer<>() {
            @Override
            public void serialize(Enum<?> e, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(e.name().toLowerCase(Locale.ROOT));
            }
        });
        ObjectMapper mapper = new ObjectMapper().registerModule(rules);
        mapper.getFactory().setCharacterEscapes(new ControlEscapes());
        return mapper;
    }

    /** A double or float, as the double it is (a float widened, as Java widens it). */
    private static final class RealSerializer<N extends Number> extends JsonSerializer<N> {
        @Override
        public void serialize(N n, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeReal(gen, n.doubleValue());
        }
    }

    /** NaN and infinities have no JSON form: they become null rather than invalid JSON. */
    private static void writeReal(JsonGenerator gen, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) gen.writeNull();
        else gen.writeNumber(d);
    }

    /** JSON's standard escapes, except that control characters other than {@code \n \r \t} are <code>&#92;u00xx</code>. */
    private static final class ControlEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Asked for every character beyond ASCII too: those are written as they are.
            return ch < 0x20 ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
