package io.switchboard.platform;

/**
 * Every error a client can be answered with; the wire name, the HTTP status of the REST API and whether the same
 * request may succeed later unchanged. The list is part of the public protocol (docs/protocol.md).
 */
public enum ErrorCode {
    MALFORMED_FRAME("malformed_frame", 400, false),
    UNKNOWN_TYPE("unknown_type", 400, false),
    MISSING_FIELD("missing_field", 400, false),
    INVALID_FIELD("invalid_field", 400, false),
    TEXT_EMPTY("text_empty", 400, false),
    TEXT_TOO_LONG("text_too_long", 400, false),
    UNKNOWN_CONVERSATION("unknown_conversation", 404, false),
    NOT_MEMBER("not_member", 403, false),
    IDEMPOTENCY_CONFLICT("idempotency_conflict", 409, false),
    CONFLICT("conflict", 409, false),
    SYNC_TOKEN_EXPIRED("sync_token_expired", 410, false),
    OVERLOADED("overloaded", 503, true),
    UNAVAILABLE("unavailable", 503, true),
    INTERNAL_ERROR("internal_error", 500, true);

    private final String wireName;
    private final int httpStatus;
    private final boolean temporary;

    ErrorCode(String wireName, int httpStatus, boolean temporary) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
        this.temporary = temporary;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean temporary() {
        return temporary;
    }
}
