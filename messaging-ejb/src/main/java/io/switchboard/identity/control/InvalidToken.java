package io.switchboard.identity.control;

/**
 * A token that does not prove who is calling. The message is a sentence for the client and the log that names what is
 * wrong and never repeats the token, which may still be a valid credential for another service.
 */
public final class InvalidToken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidToken(String message) {
        super(message);
    }
}
