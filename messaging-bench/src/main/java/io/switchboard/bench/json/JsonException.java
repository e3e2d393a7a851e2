package io.switchboard.bench.json;

/** A text that is not the JSON we expect; unchecked so that frame handlers can count it in one catch. */
public final class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
