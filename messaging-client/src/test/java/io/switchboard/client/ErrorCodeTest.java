package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCodeTest {

    @ParameterizedTest
    @CsvSource({
        "malformed_frame, MALFORMED_FRAME, false",
        "unknown_type, UNKNOWN_TYPE, false",
        "missing_field, MISSING_FIELD, false",
        "invalid_field, INVALID_FIELD, false",
        "text_empty, TEXT_EMPTY, false",
        "text_too_long, TEXT_TOO_LONG, false",
        "unknown_conversation, UNKNOWN_CONVERSATION, false",
        "not_member, NOT_MEMBER, false",
        "idempotency_conflict, IDEMPOTENCY_CONFLICT, false",
        "sync_token_expired, SYNC_TOKEN_EXPIRED, false",
        "conflict, CONFLICT, false",
        "rate_limited, RATE_LIMITED, true",
        "unavailable, UNAVAILABLE, true",
        "internal_error, INTERNAL_ERROR, true"})
    void classifiesEveryDocumentedCode(String wire, ErrorCode expected, boolean temporary) {
        ErrorCode cut = ErrorCode.of(wire);

        assertThat(cut).isEqualTo(expected);
        assertThat(cut.wireCode()).isEqualTo(wire);
        assertThat(cut.temporary()).isEqualTo(temporary);
    }

    @Test
    void unknownCodesAreKeptAsStringsAndClassifiedUnknown() {
        ServerErrorException cut = new ServerErrorException("quota_exceeded", "too much", true, "r1");

        assertThat(cut.errorCode()).isEqualTo(ErrorCode.UNKNOWN);
        assertThat(cut.code()).isEqualTo("quota_exceeded");
        assertThat(cut.temporary()).isTrue();
        assertThat(ErrorCode.of("unknown")).isEqualTo(ErrorCode.UNKNOWN);
    }

    @Test
    void everyCodeHasACategoryAndASentence() {
        assertThat(Arrays.stream(ErrorCode.values())).allSatisfy(code -> {
            assertThat(code.category()).isNotNull();
            assertThat(code.description()).isNotBlank().endsWith(".");
        });
    }
}
