package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseCodeTest {

    /** The table of protocol.md, plus the standard codes the issue names. */
    @ParameterizedTest
    @CsvSource({
        "1000, NORMAL, NORMAL, false",
        "1001, GOING_AWAY, SERVER, true",
        "1006, ABNORMAL, NETWORK, true",
        "1008, POLICY_VIOLATION, PROTOCOL, false",
        "1009, TOO_BIG, PROTOCOL, false",
        "1011, SERVER_ERROR, SERVER, true",
        "4000, SLOW_CONSUMER, LOAD, true",
        "4001, RESUME_REQUIRED, LOAD, true",
        "4002, TOKEN_EXPIRED, AUTH, true",
        "4003, DISCONNECTED_BY_ADMIN, ADMIN, true",
        "4500, PROTOCOL_VIOLATION, PROTOCOL, false",
        "4501, FRAME_TOO_LARGE, PROTOCOL, false",
        "4502, INVALID_DEVICE, CLIENT, false",
        "4503, FORBIDDEN, AUTH, false"})
    void classifiesEveryDocumentedCode(int code, CloseCode expected, Category category, boolean reconnects) {
        CloseCode cut = CloseCode.of(code);

        assertThat(cut).isEqualTo(expected);
        assertThat(cut.code()).isEqualTo(code);
        assertThat(cut.category()).isEqualTo(category);
        assertThat(cut.reconnects()).isEqualTo(reconnects);
    }

    @Property
    void unknownCodesInTheTerminalRangeDoNotReconnect(@ForAll @IntRange(min = 4504, max = 4999) int code) {
        assertThat(CloseCode.of(code)).isEqualTo(CloseCode.OTHER_TERMINAL);
        assertThat(CloseCode.of(code).reconnects()).isFalse();
    }

    @Property
    void unknownCodesInTheReconnectRangeReconnect(@ForAll @IntRange(min = 4004, max = 4499) int code) {
        assertThat(CloseCode.of(code)).isEqualTo(CloseCode.OTHER_RETRYABLE);
        assertThat(CloseCode.of(code).reconnects()).isTrue();
    }

    @Test
    void unknownStandardAndLibraryCodesReconnect() {
        assertThat(CloseCode.of(1004)).isEqualTo(CloseCode.OTHER_STANDARD);
        assertThat(CloseCode.of(2999).reconnects()).isTrue();
        assertThat(CloseCode.of(3000)).isEqualTo(CloseCode.OTHER_RETRYABLE);
        assertThat(CloseCode.of(5000)).isEqualTo(CloseCode.OTHER_STANDARD);
    }

    @Test
    void aRefusedTokenAtTheHandshakeIsTerminal() {
        assertThat(CloseCode.ofHandshakeStatus(401)).isEqualTo(CloseCode.UNAUTHORIZED);
        assertThat(CloseCode.UNAUTHORIZED.reconnects()).isFalse();
        assertThat(CloseCode.UNAUTHORIZED.category()).isEqualTo(Category.AUTH);
    }

    @Test
    void otherHandshakeStatusesRetryOnlyWhenTheServerMayRecover() {
        assertThat(CloseCode.ofHandshakeStatus(404).reconnects()).isFalse();
        assertThat(CloseCode.ofHandshakeStatus(400).reconnects()).isFalse();
        assertThat(CloseCode.ofHandshakeStatus(503).reconnects()).isTrue();
        assertThat(CloseCode.ofHandshakeStatus(429).reconnects()).isTrue();
    }

    @Test
    void everyClassificationHasASentenceForAPerson() {
        assertThat(Arrays.stream(CloseCode.values())).allSatisfy(code ->
                assertThat(code.description()).isNotBlank().endsWith("."));
    }

    @Test
    void aDisconnectDescribesItselfWithTheServersWords() {
        Disconnect cut = Disconnect.closed(4002, "token expired at 10:00");

        assertThat(cut.kind()).isEqualTo(CloseCode.TOKEN_EXPIRED);
        assertThat(cut.reconnects()).isTrue();
        assertThat(cut.describe()).contains("expired during the session").contains("token expired at 10:00");
    }
}
