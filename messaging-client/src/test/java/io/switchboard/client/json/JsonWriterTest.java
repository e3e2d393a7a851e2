package io.switchboard.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesCompactJsonInInsertionOrder() {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message:ack");
        frame.put("seq", 42);
        frame.put("ok", true);
        frame.put("none", null);
        frame.put("list", List.of(1.5, "x"));

        assertThat(JsonWriter.write(frame)).isEqualTo("{\"type\":\"message:ack\",\"seq\":42,\"ok\":true,\"none\":null,"
                + "\"list\":[1.5,\"x\"]}");
    }

    @Test
    void escapesWhatJsonRequires() {
        assertThat(JsonWriter.write("quote\" backslash\\ newline\n tab\t nul\u0000 bell\u0007"))
                .isEqualTo("\"quote\\\" backslash\\\\ newline\\n tab\\t nul\\u0000 bell\\u0007\"");
    }

    @Test
    void keepsNonAsciiTextAndEscapesLoneSurrogates() {
        assertThat(JsonWriter.write("é 😀")).isEqualTo("\"é 😀\"");
        assertThat(JsonWriter.write("a\ud800b\udc00")).isEqualTo("\"a\\ud800b\\udc00\"");
        assertThat(JsonReader.parse(JsonWriter.write("a\ud800b\udc00"))).isEqualTo("a\ud800b\udc00");
    }

    @Test
    void writesEveryKindOfNumber() {
        assertThat(JsonWriter.write(List.of(1, 2L, (short) 3, 4.25, 1.0e20, 0.5f, new BigDecimal("1.10"),
                new BigInteger("123456789012345678901234567890"))))
                .isEqualTo("[1,2,3,4.25,1.0E20,0.5,1.10,123456789012345678901234567890]");
    }

    @Test
    void writesArraysOfObjects() {
        assertThat(JsonWriter.write(new Object[] {"a", 1})).isEqualTo("[\"a\",1]");
    }

    @Test
    void refusesValuesWithoutJsonForm() {
        assertThatThrownBy(() -> JsonWriter.write(Double.NaN)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(Float.POSITIVE_INFINITY)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(new Object())).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.write(Map.of(1, "non-string key"))).isInstanceOf(JsonException.class);
    }

    @Test
    void refusesACycleInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> JsonWriter.write(cycle)).isInstanceOf(JsonException.class);
    }
}
