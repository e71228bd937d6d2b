package org.quizroom.authoring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.quizroom.web.ApiError;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every editor request that changes something must be one a page on another site cannot send
 * without the browser asking first: it must carry the {@code X-Quizroom} header (a custom header
 * makes a request non-simple, so a cross-site form or image tag cannot forge it), and when the
 * browser names an Origin it must be this server.
 */
public class WriteRequestGuard implements HandlerInterceptor {

    public static final String HEADER = "X-Quizroom";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        if (request.getHeader(HEADER) == null) {
            return refuse(response, "HEADER_REQUIRED",
                    "Editor changes must carry the X-Quizroom header (the editor page sends it).");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return refuse(response, "CROSS_ORIGIN", "Editor changes are accepted only from this server's own pages.");
        }
        return true;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            if (uri.getHost() == null || host == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            String expected = host.contains(":") ? host : host + ":" + ("https".equals(request.getScheme()) ? 443 : 80);
            return expected.equalsIgnoreCase(uri.getHost() + ":" + port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean refuse(HttpServletResponse response, String code, String message) throws IOException {
        new ApiError(code, message).writeTo(response, HttpServletResponse.SC_FORBIDDEN);
        return false;
    }
}
