package io.switchboard.bench.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    @Test
    void readsAProtocolFrame() {
        Map<String, Object> f = JsonReader.parseObject("""
                {"type":"message:new","messageId":"m-51d","conversationId":"c-2b1e","seq":42,
                 "text":"hello","redelivery":false,"priority":null,"limits":{"maxTextLength":1000}}""");
        assertThat(f).containsEntry("type", "message:new").containsEntry("seq", 42L)
                .containsEntry("redelivery", false).containsEntry("priority", null);
        assertThat(Fields.obj(f, "limits")).containsEntry("maxTextLength", 1000L);
        assertThat(Fields.lng(f, "seq", -1)).isEqualTo(42);
        assertThat(Fields.str(f, "seq")).isNull();
    }

    @Test
    void readsNumbersArraysAndNesting() {
        assertThat(JsonReader.parse("[1, -2, 3.5, 1e3, -0.25E-2, 12345678901234567890, []]"))
                .isEqualTo(Arrays.asList(1L, -2L, 3.5, 1000.0, -0.0025, 1.2345678901234567e19, List.of()));
        assertThat(JsonReader.parse(" {\"a\" : [ {\"b\" : true } ] } "))
                .isEqualTo(Map.of("a", List.of(Map.of("b", true))));
    }

    @Test
    void decodesEveryEscape() {
        assertThat(JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\ud83d\\ude00\""))
                .isEqualTo("q\" b\\ s/ \b\f\n\r\t é😀");
    }

    @Test
    void parsesARangeOfALargerText() {
        String packet = "42[\"message\",{\"id\":\"x\"}]";
        assertThat(JsonReader.parse(packet, 2, packet.length())).isEqualTo(List.of("message", Map.of("id", "x")));
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of("", "{", "{\"a\":}", "[1,]x", "\"open", "tru", "{\"a\" 1}", "01x", "\"a\u0001\"",
                "{\"a\":1} x", "-", "\"\\x\"")) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> JsonReader.parseObject("[1]")).isInstanceOf(JsonException.class);
    }

    @Test
    void writesCompactAndRoundTrips() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message:send");
        m.put("text", "line\n\"quoted\" \\ tab\t \u0001 é");
        m.put("seq", 7L);
        m.put("ratio", 0.5);
        m.put("whole", 3.0);
        m.put("nan", Double.NaN);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1, "two"));
        String json = JsonWriter.write(m);
        assertThat(json).startsWith("{\"type\":\"message:send\",\"text\":\"line\\n\\\"quoted\\\" \\\\ tab\\t \\u0001 é\"")
                .contains("\"whole\":3,").contains("\"nan\":null");
        Map<String, Object> back = JsonReader.parseObject(json);
        assertThat(back).containsEntry("text", m.get("text")).containsEntry("seq", 7L).containsEntry("ratio", 0.5)
                .containsEntry("list", List.of(1L, "two"));
    }

    @Test
    void prettyOutputIsIndentedAndStillJson() {
        String pretty = JsonWriter.pretty(Map.of("a", List.of(1, 2)));
        assertThat(pretty).isEqualTo("{\n \"a\": [\n  1,\n  2\n ]\n}\n");
        assertThat(JsonReader.parse(pretty)).isEqualTo(Map.of("a", List.of(1L, 2L)));
        assertThat(JsonWriter.write(Map.of())).isEqualTo("{}");
    }
}
