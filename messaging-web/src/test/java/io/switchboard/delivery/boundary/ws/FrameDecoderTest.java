package io.switchboard.delivery.boundary.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.conversations.entity.Priority;
import io.switchboard.platform.ErrorCode;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

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

    private ErrorCode rejection(String text) {
        return catchThrowableOfType(FrameRejected.class, () -> cut.decode(text)).toFrame().code();
    }
}
