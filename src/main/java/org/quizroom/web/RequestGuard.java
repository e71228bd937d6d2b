package org.quizroom.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.quizroom.QuizroomProperties;
import org.quizroom.live.OriginPolicy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP rules against cross-site use and oversized bodies, ahead of everything else:
 * <ul>
 * <li>every response carries security headers: {@code frame-ancestors 'none'} and
 *     {@code X-Frame-Options: DENY} (no page may frame Kick/End buttons), {@code nosniff},
 *     {@code Referrer-Policy: no-referrer} (links carry PINs and tokens);</li>
 * <li>a state-changing request (POST, PUT, PATCH, DELETE) from a page of another origin is refused
 *     (403 CROSS_ORIGIN), and it must say {@code Content-Type: application/json} (415 otherwise), which
 *     an HTML form cannot send and a cross-site script cannot send without a CORS preflight that this
 *     server never approves: a hostile page in the teacher's browser cannot replay the teacher's
 *     Basic credentials;</li>
 * <li>a body over {@code quizroom.max-request-bytes} is refused with 413 before anything parses it.</li>
 * <li>the teacher's upload paths (the quiz editor's {@code /api/authoring/**} and the notes-to-draft
 *     {@code /api/drafts}) take bodies up to {@code quizroom.max-upload-bytes} (a whole quiz, a picture,
 *     a spreadsheet, a PDF of notes), and besides JSON also {@code multipart/form-data} and text, but a
 *     body that is not JSON must carry the {@code X-Quizroom} header (403 HEADER_REQUIRED otherwise):
 *     a form can post multipart or text across sites, it cannot add a header.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGuard extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The header that makes a request non-simple: no HTML form can send it, a cross-site script only after a preflight. */
    static final String APP_HEADER = "X-Quizroom";

    private final OriginPolicy origins;
    private final int maxBytes;
    private final long maxUploadBytes;

    public RequestGuard(OriginPolicy origins, QuizroomProperties properties) {
        this.origins = origins;
        this.maxBytes = properties.maxRequestBytes();
        this.maxUploadBytes = properties.maxUploadBytes();
    }

    /** Where teachers send files and whole quizzes: the editor's API and notes to draft. */
    static boolean isUploadPath(String path) {
        return path.startsWith("/api/authoring/") || path.equals("/api/drafts") || path.startsWith("/api/drafts/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Pictures carry a stricter policy of their own (sandboxed, frame-ancestors included): one header, not two.
        String uri = request.getRequestURI();
        if (!(uri.endsWith("/image") || uri.startsWith("/api/authoring/images/"))) {
            response.setHeader("Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            chain.doFilter(request, response);
            return;
        }
        if (!origins.allows(request.getHeader("Origin"), request.getHeader("Host"))
                || "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_ORIGIN",
                    "Requests from another site's pages are not accepted.");
            return;
        }
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
        boolean upload = isUploadPath(request.getRequestURI());
        if (!json && !upload) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Send the body as application/json.");
            return;
        }
        if (!json && request.getHeader(APP_HEADER) == null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "HEADER_REQUIRED",
                    "Uploads must carry the " + APP_HEADER + " header (Quizroom's own pages send it).");
            return;
        }
        long limit = upload ? maxUploadBytes : maxBytes;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", tooLarge(limit));
            return;
        }
        if (declared < 0 && !upload) {
            // Chunked: read at most one byte past the limit, so the size is known before anything parses it.
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", tooLarge(maxBytes));
                return;
            }
            request = new BufferedBody(request, body);
        }
        // A chunked upload is bounded by the multipart limits (spring.servlet.multipart.*) and by each
        // endpoint's own size check, both at most quizroom.max-upload-bytes.
        chain.doFilter(request, response);
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than " + limit + " bytes.";
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        // Do not wait for the rest of a body we will never read.
        response.setHeader("Connection", "close");
        new ApiError(code, message).writeTo(response, status);
    }

    /** A request whose (already read, small) body is replayed from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
