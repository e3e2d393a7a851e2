package io.switchboard.platform.rest;

import io.switchboard.platform.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every REST error: the protocol's error code and a sentence. */
public record ApiError(String code, String message) {

    public static Response response(ErrorCode code, String message) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code.wireName(), message)).build();
    }
}
