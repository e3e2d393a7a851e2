package io.switchboard.platform;

import jakarta.ejb.ApplicationException;

/**
 * A request the server declines for a reason the client can act on. Rolls the transaction back and is passed to
 * the caller unwrapped, so that every boundary can turn it into an error frame or an HTTP answer.
 */
@ApplicationException(rollback = true)
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
