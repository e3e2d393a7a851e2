package io.switchboard.platform.rest;

import io.switchboard.platform.ErrorCode;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the endpoint reads gets the code a bad socket frame gets. */
@Provider
public class BadBodyMapper implements ExceptionMapper<JsonbException> {

    static final String SENTENCE = "The request body is not the JSON this request takes.";

    @Override
    public Response toResponse(JsonbException failure) {
        return ApiError.response(ErrorCode.MALFORMED_FRAME, SENTENCE);
    }

    /** The same answer when the JSON-B failure arrives wrapped by the JAX-RS runtime. */
    @Provider
    public static class Wrapped implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {

        @Override
        public Response toResponse(jakarta.ws.rs.ProcessingException failure) {
            return ApiError.response(ErrorCode.MALFORMED_FRAME, SENTENCE);
        }
    }
}
