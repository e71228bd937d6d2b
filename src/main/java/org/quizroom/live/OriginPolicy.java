package org.quizroom.live;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizroom.QuizroomProperties;
import org.springframework.stereotype.Component;

/**
 * Which web pages may open /ws and send state-changing requests: this server's own pages (the
 * request's Origin names the host the request was sent to), the origin of the join links (join
 * host or public URL), and {@code quizroom.allowed-origins}. A request without an Origin header
 * (curl, tests, the load bench; browsers always send one on POST and WebSocket) is not a
 * cross-site page and passes.
 */
@Component
public class OriginPolicy {

    private final JoinLinks links;
    private final Set<String> configured;

    public OriginPolicy(JoinLinks links, QuizroomProperties properties) {
        this.links = links;
        this.configured = properties.allowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(OriginPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param origin the request's Origin header, or null
     * @param host   the request's Host header (host[:port]), or null
     * @return whether a page from {@code origin} may act on this server
     */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String o = normalise(origin);
        if (o == null) {
            return false; // "null" (sandboxed frames, file://) or garbage
        }
        if (host != null && authority(o).equalsIgnoreCase(normaliseHost(host, scheme(o)))) {
            return true;
        }
        return configured.contains(o) || o.equals(normalise(links.base()));
    }

    /** scheme://host[:port] in lower case, without a default port; null when it is not an http(s) origin. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String scheme(String normalisedOrigin) {
        return normalisedOrigin.substring(0, normalisedOrigin.indexOf("://"));
    }

    private static String authority(String normalisedOrigin) {
        return normalisedOrigin.substring(normalisedOrigin.indexOf("://") + 3);
    }

    private static String normaliseHost(String host, String scheme) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") && h.endsWith(":80")) || (scheme.equals("https") && h.endsWith(":443"))) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return h;
    }
}
