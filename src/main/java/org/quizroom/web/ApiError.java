package org.quizroom.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The body of every HTTP error: a stable code and a sentence a person can act on. */
public record ApiError(String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes this error as the whole response, for filters that answer before any controller (and so before
     * {@link ApiErrors}) is reached.
     *
     * @param response the response, not yet committed
     * @param status   the HTTP status, e.g. 403
     * @throws IOException if the client has gone
     */
    public void writeTo(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), this);
    }
}
