package io.switchboard.platform.rest;

import io.switchboard.platform.ErrorCode;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the endpoint reads gets the same code a bad socket frame gets. */
@Provider
public class BadBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException failure) {
        String reason = failure.getCause() instanceof JsonbException ? "The body is not the JSON this request takes."
                : "The request body could not be read.";
        return ApiError.response(ErrorCode.MALFORMED_FRAME, reason);
    }
}
