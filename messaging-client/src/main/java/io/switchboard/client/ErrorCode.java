package io.switchboard.client;

import java.util.Arrays;
import java.util.Locale;

/** The error codes of protocol.md, with their category and a sentence a person can read. */
public enum ErrorCode {
    MALFORMED_FRAME(Category.PROTOCOL, false, "The client sent text that is not a JSON object."),
    UNKNOWN_TYPE(Category.PROTOCOL, false, "The client sent a frame of a type the server does not know."),
    MISSING_FIELD(Category.PROTOCOL, false, "A required field of the frame was missing."),
    INVALID_FIELD(Category.CLIENT, false, "A field of the frame had the wrong type or an invalid value."),
    TEXT_EMPTY(Category.CLIENT, false, "The message text was empty."),
    TEXT_TOO_LONG(Category.CLIENT, false, "The message text was longer than the server allows."),
    UNKNOWN_CONVERSATION(Category.CLIENT, false, "No conversation has this id."),
    NOT_MEMBER(Category.AUTH, false, "The user is not a member of the conversation."),
    IDEMPOTENCY_CONFLICT(Category.CLIENT, false, "This message id was already used for a different message."),
    SYNC_TOKEN_EXPIRED(Category.CLIENT, false, "The sync token is older than the retention age; sync from scratch."),
    CONFLICT(Category.CLIENT, false, "The change does not apply to this conversation."),
    RATE_LIMITED(Category.LOAD, true, "Too many frames; the client retries after a pause."),
    UNAVAILABLE(Category.SERVER, true, "The server's store could not be reached; the client retries."),
    INTERNAL_ERROR(Category.SERVER, true, "An unexpected server fault; the client retries."),
    UNKNOWN(Category.UNKNOWN, false, "The server answered with an error this client does not know.");

    private final Category category;
    private final boolean temporary;
    private final String description;

    ErrorCode(Category category, boolean temporary, String description) {
        this.category = category;
        this.temporary = temporary;
        this.description = description;
    }

    /** The constant for a wire code such as {@code not_member}; UNKNOWN for codes this SDK does not know. */
    public static ErrorCode of(String wireCode) {
        return Arrays.stream(values())
                .filter(c -> c != UNKNOWN && c.wireCode().equals(wireCode))
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** The code as it appears in an {@code error} frame. */
    public String wireCode() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Category category() {
        return category;
    }

    /** Whether the protocol documents this error as temporary; the frame's own {@code temporary} flag wins. */
    public boolean temporary() {
        return temporary;
    }

    public String description() {
        return description;
    }
}
