package io.switchboard.platform.rest;

import io.switchboard.platform.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal becomes the HTTP status of its code and the same {code, message} body the socket's error frame has. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return ApiError.response(refusal.code(), refusal.getMessage());
    }
}
