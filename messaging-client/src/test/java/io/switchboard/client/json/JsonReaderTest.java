package io.switchboard.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void readsTheProtocolsMessageFrame() {
        Object cut = JsonReader.parse("""
                {"type":"message:new","messageId":"m-1","seq":42,"redelivery":false,"ref":null,
                 "limits":{"maxTextLength":1000},"tags":["a",1.5,true]}""");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "message:new");
        expected.put("messageId", "m-1");
        expected.put("seq", 42L);
        expected.put("redelivery", false);
        expected.put("ref", null);
        expected.put("limits", Map.of("maxTextLength", 1000L));
        expected.put("tags", List.of("a", 1.5, true));
        assertThat(cut).isEqualTo(expected);
    }

    @Test
    void decodesEveryEscape() {
        assertThat(JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é 😀");
    }

    @Test
    void readsNumbersByTheirShape() {
        assertThat(JsonReader.parse("-0")).isEqualTo(0L);
        assertThat(JsonReader.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonReader.parse("9223372036854775808")).isEqualTo(9.223372036854775808E18);
        assertThat(JsonReader.parse("1e3")).isEqualTo(1000.0);
        assertThat(JsonReader.parse("-2.5E-1")).isEqualTo(-0.25);
    }

    @Test
    void toleratesWhitespaceAroundTokens() {
        assertThat(JsonReader.parse(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n")).isEqualTo(Map.of("a", List.of(1L, 2L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{1:1}", "'a'",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12g4\"", "\"tab\there\"", "01", "1.", ".5", "-", "1e",
        "+1", "NaN", "Infinity", "1e999", "tru", "nul", "[1] x", "{} {}", "[1 2]", "\"a\" \"b\""})
    void refusesInvalidText(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);

        assertThatThrownBy(() -> JsonReader.parse(deep))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);

        assertThat(JsonReader.parse(deep)).isInstanceOf(List.class);
    }

    @Test
    void parseObjectRefusesOtherValues() {
        assertThatThrownBy(() -> JsonReader.parseObject("[1]")).isInstanceOf(JsonException.class);
    }

    @Test
    void namesTheOffsetOfTheProblem() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":tru}")).hasMessageContaining("offset 5");
    }
}
