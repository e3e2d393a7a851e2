package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryClientTest {

    @Test
    void readsAPageInSeqOrder() {
        HistoryPage cut = HistoryClient.page(200, """
                {"messages":[{"messageId":"m1","conversationId":"c","seq":1,"senderId":"a","clientMessageId":"x",
                "text":"one","priority":"normal","sentAt":"2026-11-22T10:15:30Z"}],"hasMore":false}""");

        assertThat(cut.messages()).extracting(Message::text).containsExactly("one");
        assertThat(cut.hasMore()).isFalse();
    }

    @Test
    void turnsAnErrorAnswerIntoAServerError() {
        assertThatThrownBy(() -> HistoryClient.page(404, "{\"code\":\"unknown_conversation\",\"message\":\"no\"}"))
                .isInstanceOfSatisfying(ServerErrorException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(ErrorCode.UNKNOWN_CONVERSATION);
                    assertThat(error.temporary()).isFalse();
                });
    }

    @Test
    void aProxyPageBecomesATemporaryHttpError() {
        ServerErrorException cut = HistoryClient.error(503, "<html>Service Unavailable</html>");

        assertThat(cut.code()).isEqualTo("http_503");
        assertThat(cut.temporary()).isTrue();
    }
}
