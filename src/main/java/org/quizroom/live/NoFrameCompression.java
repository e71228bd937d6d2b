package org.quizroom.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses WebSocket compression: the handshake at {@code /ws} is handled as if the client had offered no
 * extensions, so every socket carries plain, uncompressed STOMP frames.
 *
 * <p>Every browser offers {@code permessage-deflate} (RFC 7692), and Tomcat accepts it unless the offer is
 * hidden: its own negotiation ignores Spring's extension filtering. Accepted, it gave each phone a zlib
 * compressor of its own on the server, and every frame sent its own compression. Measured (docs/benchmarks.md,
 * "WebSocket compression"): +83 kB of server RSS per socket at the handshake alone, and 1,052 MB of RSS for
 * 5,000 phones against 508 MB without; 20–50 µs of CPU to compress a 573-byte QUESTION frame; and each
 * broadcast takes the server about 40 % less CPU without it. Quizroom's frames are a few hundred bytes on a
 * school network, so compression saved little and cost much.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class NoFrameCompression extends OncePerRequestFilter {

    /** The handshake header a client lists its extension offers in (RFC 6455 section 9.1). */
    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(EXTENSIONS) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.removeIf(EXTENSIONS::equalsIgnoreCase);
                return Collections.enumeration(names);
            }
        }, response);
    }
}
