package io.switchboard.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the server declines for a reason the client can act on, passed to the caller unwrapped so that every
 * boundary can turn it into an error frame or an HTTP answer. Every refusal is decided before anything is written,
 * so it leaves the transaction alone; marking it for rollback made the container report an error for each one
 * raised through a method without a transaction (the send facade).
 */
@ApplicationException(rollback = false)
public class Refusal extends RuntimeException {

    private final ErrorCode code;

    public Refusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
