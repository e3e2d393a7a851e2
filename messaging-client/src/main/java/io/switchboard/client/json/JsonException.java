package io.switchboard.client.json;

/** Text that is not valid JSON, a value that has no JSON form, or a field of the wrong type. */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
