package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {

    /** Code points drawn for an id at most; each is one or two chars, so ids stay within MAX_ID_LENGTH. */
    private static final int MAX_ID_CHARS_PER_DRAW = FrameDecoder.MAX_ID_LENGTH / 2;

    private final FrameDecoder cut = new FrameDecoder();

    @Test
    void aSendIsDecodedWithItsDefaults() {
        var frame = (ClientFrame.Send) cut.decode(
                "{\"type\":\"message:send\",\"clientMessageId\":\"k\",\"conversationId\":\"c\",\"text\":\"hi\"}");
        assertThat(frame.priority()).isEqualTo(Priority.NORMAL);
        assertThat(frame.ref()).as("the clientMessageId names the frame when there is no ref").isEqualTo("k");
    }

    @Test
    void anAckNeedsAPositiveWholeSeq() {
        assertThat(((ClientFrame.Ack) cut.decode("{\"type\":\"message:ack\",\"conversationId\":\"c\",\"seq\":4}"))
                .seq()).isEqualTo(4);
        assertThat(rejection("{\"type\":\"message:ack\",\"conversationId\":\"c\",\"seq\":0}"))
                .isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection("{\"type\":\"message:ack\",\"conversationId\":\"c\",\"seq\":1.5}"))
                .isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void everyKindOfBadFrameHasItsCode() {
        assertThat(rejection("nope")).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(rejection("\"a string\"")).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(rejection("{}")).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(rejection("{\"type\":7}")).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection("{\"type\":\"message:send\",\"conversationId\":\"c\",\"text\":\"x\"}"))
                .isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection("{\"type\":\"message:send\",\"clientMessageId\":\"" + "k".repeat(65)
                + "\",\"conversationId\":\"c\",\"text\":\"x\"}")).isEqualTo(ErrorCode.INVALID_FIELD);
    }

    @Test
    void theErrorFrameNamesTheFrameItAnswers() {
        var rejected = catchThrowableOfType(FrameRejected.class, () -> cut.decode(
                "{\"type\":\"message:send\",\"ref\":\"r1\",\"clientMessageId\":\"k\",\"conversationId\":\"c\"}"));
        var error = rejected.toFrame();
        assertThat(error.ref()).isEqualTo("r1");
        assertThat(error.frameType()).isEqualTo("message:send");
        assertThat(error.message()).contains("text");
    }

    @Test
    void escapesAreResolved() {
        var frame = (ClientFrame.Send) cut.decode("{\"type\":\"message:send\",\"clientMessageId\":\"k\\u00e9\","
                + "\"conversationId\":\"c\",\"text\":\"a\\nb\\\"c\\\\d\\/e\\u00e9f\\ud83d\\ude00\\b\\f\\r\\tg\"}");
        assertThat(frame.text()).isEqualTo("a\nb\"c\\d/eéf\uD83D\uDE00\b\f\r\tg");
        assertThat(frame.clientMessageId()).isEqualTo("ké");
        assertThat(frame.text().codePointAt(11)).as("the surrogate pair is one emoji").isEqualTo(0x1F600);
    }

    @Test
    void escapesInNamesAreResolvedToo() {
        assertThat(cut.decode("{\"t\\u0079pe\":\"ping\",\"\\u0072ef\":\"r\"}").ref()).isEqualTo("r");
    }

    @Test
    void onlyTheWholeNameOfAFieldIsThatField() {
        assertThat(cut.decode("{\"typ\":1,\"type\":\"ping\",\"types\":\"nope\",\"refs\":7,\"Type\":2,"
                + "\"t\\u0079pes\":3,\"\\u0072\":4}").ref()).isNull();
    }

    @Test
    void aLoneEscapedSurrogateIsPassedOnAsItIs() {
        assertThat(cut.decode("{\"type\":\"ping\",\"ref\":\"\\ud83dx\\uDE00\"}").ref()).isEqualTo("\uD83Dx\uDE00");
    }

    @Test
    void unicodeTextIsTakenAsItStands() {
        String text = "héllo wörld 😀 \u2028 ✓ \u007f \uFFFF";
        var frame = (ClientFrame.Send) cut.decode("{\"type\":\"message:send\",\"clientMessageId\":\"k\","
                + "\"conversationId\":\"c\",\"text\":\"" + text + "\"}");
        assertThat(frame.text()).isEqualTo(text);
    }

    @Test
    void nestedValuesOfUnknownFieldsAreCheckedAndPassedOver() {
        var frame = (ClientFrame.Ack) cut.decode("{\"meta\":{\"a\":[1,-2.5e3,{\"seq\":9,\"type\":\"ping\"},[]],"
                + "\"b\":{},\"c\":\"}]\\\"\"},\"type\":\"message:ack\",\"list\":[[],[[true,false,null]],\"x\"],"
                + "\"conversationId\":\"c\",\"empty\":[],\"seq\":3,\"n\":null,\"t\":true}");
        assertThat(frame).isEqualTo(new ClientFrame.Ack(null, "c", 3));
    }

    @Test
    void aFieldGivenTwiceKeepsItsLastValue() {
        assertThat(cut.decode("{\"type\":7,\"ref\":\"a\",\"type\":\"ping\",\"ref\":\"b\"}").ref()).isEqualTo("b");
        assertThat(rejected("{\"type\":\"ping\",\"type\":null}").message()).isEqualTo("The frame has no type.");
        assertThat(rejected("{\"type\":\"ping\",\"type\":[\"ping\"]}").message()).isEqualTo("type must be a string.");
    }

    @Test
    void whitespaceIsAllowedWhereJsonAllowsIt() {
        var frame = (ClientFrame.Ack) cut.decode(" \t\r\n{ \t\r\n\"type\" \t\r\n: \t\r\n\"message:ack\" \t\r\n, "
                + "\"x\" : [ 1 , { \"y\" : { } } , [ ] ] , \"conversationId\"\n:\n\"c\"\n,\n\"seq\"\t:\t12\t} \t\r\n");
        assertThat(frame).isEqualTo(new ClientFrame.Ack(null, "c", 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "nope", "{", "}", "{\"type\":\"ping\"", "{\"type\":\"ping\",}",
        "{\"type\":\"ping\"]", "{\"type\":\"ping\"}}", "{\"type\":\"ping\"} x", "{} {}", "[] x", "\"s\" 1",
        "{\"type\":\"ping\"}\u0000", "{'type':'ping'}", "{type:\"ping\"}", "{\"type\" \"ping\"}", "{\"type\":}",
        "{\"type\":\"ping\",,\"ref\":\"r\"}", "{,\"type\":\"ping\"}", "{\"type\":\"ping\" \"ref\":\"r\"}",
        "{\"type\":\"pi", "{\"type\":\"ping\\", "{\"type\":\"ping\\\"}", "{\"type\":\"p\\xing\"}",
        "{\"type\":\"p\\u12\"}", "{\"type\":\"p\\u12g4\"}", "{\"type\":\"p\\u١٢٣٤\"}", "{\"type\":\"p\\U0041\"}",
        "{\"type\":\"pi\ng\"}", "{\"type\":\"pi\tng\"}", "{\"type\":\"pi\u0000ng\"}", "{\"type\":\"pi\u001fng\"}",
        "{\"x\":\"a\u0001\",\"type\":\"ping\"}", "{\"x\":\"\\a\",\"type\":\"ping\"}",
        "{\"type\":\"ping\",\"x\":01}", "{\"type\":\"ping\",\"x\":-01}", "{\"type\":\"ping\",\"x\":1.}",
        "{\"type\":\"ping\",\"x\":-}", "{\"type\":\"ping\",\"x\":+1}", "{\"type\":\"ping\",\"x\":.5}",
        "{\"type\":\"ping\",\"x\":1e}", "{\"type\":\"ping\",\"x\":1e+}", "{\"type\":\"ping\",\"x\":1.e5}",
        "{\"type\":\"ping\",\"x\":1.5.3}", "{\"type\":\"ping\",\"x\":0x1}", "{\"type\":\"ping\",\"x\":NaN}",
        "{\"type\":\"ping\",\"x\":Infinity}", "{\"type\":\"ping\",\"x\":-Infinity}", "{\"type\":\"ping\",\"x\":1 2}",
        "{\"type\":\"ping\",\"x\":tru}", "{\"type\":\"ping\",\"x\":True}", "{\"type\":\"ping\",\"x\":nul}",
        "{\"type\":\"ping\",\"x\":truex}", "{\"type\":\"ping\",\"x\":undefined}", "{\"type\":\"ping\",\"x\":[1,]}",
        "{\"type\":\"ping\",\"x\":[1 2]}", "{\"type\":\"ping\",\"x\":[,1]}", "{\"type\":\"ping\",\"x\":[}",
        "{\"type\":\"ping\",\"x\":{\"a\"}}", "{\"type\":\"ping\",\"x\":{\"a\":1,}}", "{\"type\":\"ping\",\"x\":{1:2}}",
        "{\"type\":\"ping\",\"x\":{\"a\":1]}", "{\"type\":\"ping\",\"x\":[\"a\" \"b\"]}",
        "{\"type\":\"ping\",\"x\":[}]", "{\"seq\":1\u00a0,\"type\":\"ping\"}", "\uFEFF{\"type\":\"ping\"}",
        "{\"type\":\"ping\"}\u00a0", "{\"type\":\"ping\"}/* */"})
    void textThatIsNotJsonIsMalformed(String text) {
        var error = rejected(text);
        assertThat(error.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(error.message()).isEqualTo("The frame is not valid JSON.");
        assertThat(error.ref()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a string\"", "42", "-1.5e3", "true", "false", "null", "[]", " [{\"type\":\"ping\"}] "})
    void jsonThatIsNotAnObjectIsMalformed(String text) {
        var error = rejected(text);
        assertThat(error.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(error.message()).isEqualTo("A frame must be a JSON object.");
    }

    @Test
    void nestingIsBoundedAndNeverOverflowsTheStack() {
        int inside = ClientJson.MAX_DEPTH - 1;
        assertThat(cut.decode("{\"type\":\"ping\",\"x\":" + "[".repeat(inside) + "]".repeat(inside) + "}"))
                .isInstanceOf(ClientFrame.Ping.class);
        assertThat(rejected("{\"type\":\"ping\",\"x\":" + "[".repeat(inside + 1) + "]".repeat(inside + 1) + "}")
                .message()).isEqualTo("The frame is not valid JSON.");
        assertThat(rejected("{\"type\":\"ping\",\"x\":" + "{\"a\":".repeat(100_000)).message())
                .isEqualTo("The frame is not valid JSON.");
        assertThat(rejected("[".repeat(100_000)).message()).isEqualTo("The frame is not valid JSON.");
    }

    @ParameterizedTest(name = "seq {0}")
    @CsvSource(delimiter = '|', textBlock = """
            4                   | 4
            1                   | 1
            4e0                 | 4
            4E+0                | 4
            4.00e2              | 400
            0.4e1               | 4
            123456789012345678  | 123456789012345678
            1234567890123456789 | 1234567890123456789
            9223372036854775807 | 9223372036854775807
            """)
    void aWholeSeqIsRead(String json, long seq) {
        assertThat(((ClientFrame.Ack) cut.decode(ack(json))).seq()).isEqualTo(seq);
    }

    @ParameterizedTest(name = "seq {0}")
    @ValueSource(strings = {"0", "-0", "-1", "4.0", "1.5", "40e-1", "1E2", "1.5e3", "0e0", "-9223372036854775808",
        "9223372036854775808", "18446744073709551617", "1e9999999999", "1e-9999999999", "\"4\"", "true", "[4]",
        "{\"seq\":4}", "-99999999999999999999"})
    void aSeqThatIsNotAWholeNumberOfOneOrMoreIsInvalid(String json) {
        var error = rejected(ack(json));
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.message()).isEqualTo("seq must be a whole number of 1 or more.");
        assertThat(error.frameType()).isEqualTo("message:ack");
    }

    @Test
    void aNullSeqIsAMissingOne() {
        assertThat(rejected(ack("null")).message()).isEqualTo("seq is required.");
    }

    @Test
    void aSeqWrittenInMoreCharactersThanADecimalMayHaveIsRefusedUnread() {
        int zeros = JsonDecimal.MAX_CHARS - 7;
        String one = "0." + "0".repeat(zeros - 1) + "1e" + zeros;
        String longerOne = "0." + "0".repeat(zeros) + "1e" + (zeros + 1);
        assertThat(one).as("a whole 1, of scale 0").hasSize(JsonDecimal.MAX_CHARS);
        assertThat(((ClientFrame.Ack) cut.decode(ack(one))).seq()).isEqualTo(1);
        assertThat(rejected(ack(longerOne)).message()).isEqualTo("seq must be a whole number of 1 or more.");
    }

    @Test
    void numbersOfIgnoredFieldsAreOnlyChecked() {
        assertThat(cut.decode("{\"type\":\"ping\",\"a\":1e9999999999,\"b\":" + "9".repeat(5000) + ",\"c\":-0.5E-7}"))
                .isInstanceOf(ClientFrame.Ping.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            type            | 7
            type            | true
            type            | {"a":"ping"}
            ref             | ["r"]
            clientMessageId | 1
            conversationId  | {}
            text            | 4.5
            priority        | false
            """)
    void aFieldOfTheWrongTypeIsInvalid(String field, String json) {
        String send = "{\"type\":\"message:send\",\"ref\":\"r\",\"clientMessageId\":\"k\",\"conversationId\":\"c\","
                + "\"text\":\"x\",\"priority\":\"high\"}";
        // the field's string value moves to an ignored field, "_", and the json takes its place
        var error = rejected(send.replace("\"" + field + "\":\"", "\"" + field + "\":" + json + ",\"_\":\""));
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.message()).isEqualTo(field + " must be a string.");
    }

    @Test
    void nullFieldsCountAsAbsent() {
        var frame = (ClientFrame.Send) cut.decode("{\"type\":\"message:send\",\"ref\":null,\"clientMessageId\":\"k\","
                + "\"conversationId\":\"c\",\"text\":\"x\",\"priority\":null}");
        assertThat(frame).isEqualTo(new ClientFrame.Send("k", "k", "c", "x", Priority.NORMAL));
        assertThat(rejected("{\"type\":\"message:send\",\"clientMessageId\":\"k\",\"conversationId\":\"c\","
                + "\"text\":null}").message()).isEqualTo("text is required.");
    }

    /** Frames written by a real JSON implementation, Parsson, read back to the values they were written from. */
    @Test
    void framesWrittenByParssonAreReadBackToTheirValues() {
        var random = new Random(20261122);
        for (int i = 0; i < 500; i++) {
            boolean send = random.nextBoolean();
            String ref = random.nextBoolean() ? randomText(random, 1 + random.nextInt(20)) : null;
            String conversationId = randomText(random, 1 + random.nextInt(MAX_ID_CHARS_PER_DRAW));
            JsonObjectBuilder json = Json.createObjectBuilder().add("conversationId", conversationId);
            addIgnoredFields(json, random);
            if (ref != null) {
                json.add("ref", ref);
            }
            ClientFrame expected;
            if (send) {
                String clientMessageId = randomText(random, 1 + random.nextInt(MAX_ID_CHARS_PER_DRAW));
                String text = randomText(random, random.nextInt(300));
                Priority priority = random.nextBoolean() ? Priority.HIGH : Priority.NORMAL;
                json.add("type", "message:send").add("clientMessageId", clientMessageId).add("text", text)
                        .add("priority", priority.wireName());
                expected = new ClientFrame.Send(ref == null ? clientMessageId : ref, clientMessageId, conversationId,
                        text, priority);
            } else {
                long seq = 1 + (random.nextBoolean() ? random.nextInt(1000) : random.nextLong(Long.MAX_VALUE));
                json.add("type", "message:ack").add("seq", seq);
                expected = new ClientFrame.Ack(ref, conversationId, seq);
            }
            String frame = json.build().toString();
            assertThat(cut.decode(frame)).as(frame).isEqualTo(expected);
        }
    }

    /** Code points that JSON must escape, that it may, and plain and supplementary ones. */
    private static String randomText(Random random, int codePoints) {
        var text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> "\"\\/\u007f\u2028\u2029".charAt(random.nextInt(6));
                case 2 -> 0x20 + random.nextInt(0x5f);
                case 3 -> 0xa0 + random.nextInt(0xd800 - 0xa0);
                case 4 -> 0xe000 + random.nextInt(0x10000 - 0xe000);
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            });
        }
        return text.toString();
    }

    private static void addIgnoredFields(JsonObjectBuilder json, Random random) {
        for (int i = random.nextInt(4); i > 0; i--) {
            String name = randomText(random, 1 + random.nextInt(8));
            switch (random.nextInt(5)) {
                case 0 -> json.add(name, randomText(random, random.nextInt(10)));
                case 1 -> json.add(name, random.nextDouble() * 1e6 - 5e5);
                case 2 -> json.add(name, Json.createArrayBuilder().add(random.nextLong()).addNull().add(true)
                        .add(Json.createObjectBuilder().add(name, randomText(random, 5)).add("seq", -1)));
                case 3 -> json.add(name, Json.createObjectBuilder().add("type", "ping")
                        .add("a", Json.createArrayBuilder().add(Json.createArrayBuilder())));
                default -> json.addNull(name);
            }
        }
    }

    private static String ack(String seq) {
        return "{\"type\":\"message:ack\",\"conversationId\":\"c\",\"seq\":" + seq + "}";
    }

    private ServerFrame.Error rejected(String text) {
        var rejected = catchThrowableOfType(FrameRejected.class, () -> cut.decode(text));
        assertThat(rejected).as("rejects " + text).isNotNull();
        return rejected.toFrame();
    }

    private ErrorCode rejection(String text) {
        return catchThrowableOfType(FrameRejected.class, () -> cut.decode(text)).toFrame().code();
    }
}
