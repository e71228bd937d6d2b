package org.quizroom.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.quizroom.QuizroomProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the join URL students type or scan. It names this machine's network address, not
 * localhost, because the teacher opens the dashboard on the same laptop the server runs on.
 * In order: {@code quizroom.public-url}, {@code quizroom.join-host}, the address the teacher picked on
 * the dashboard, the first usable address ({@link JoinAddresses}), and only then 127.0.0.1, which
 * {@link #localOnly()} reports so the host screen can warn that phones cannot use the link.
 */
@Component
public class JoinLinks {

    private static final Logger log = LoggerFactory.getLogger(JoinLinks.class);

    private final QuizroomProperties properties;
    private volatile int port = 8080;
    private volatile String chosen;

    public JoinLinks(QuizroomProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void onServerStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /** Prints where the teacher and the students go, so nobody has to guess the address. */
    @EventListener(ApplicationReadyEvent.class)
    public void printAddresses() {
        log.info("Quizroom is ready. Teacher's dashboard: http://localhost:{}/  Students join at: {}/play", port,
                base());
        if (localOnly()) {
            log.warn("The join link {} only works on this computer: phones cannot use it. Connect to the "
                    + "classroom network, or set quizroom.join-host / quizroom.public-url.", base());
        }
    }

    public String joinUrl(String pin) {
        return base() + "/play?pin=" + pin;
    }

    public String base() {
        if (!properties.publicUrl().isBlank()) {
            return properties.publicUrl().replaceAll("/+$", "");
        }
        return "http://" + host() + ":" + port;
    }

    /** True when the join link can only work on this computer (it names a loopback address). */
    public boolean localOnly() {
        if (!properties.publicUrl().isBlank()) {
            String host = URI.create(base()).getHost();
            return host != null && JoinAddresses.isLoopbackHost(host);
        }
        return JoinAddresses.isLoopbackHost(host());
    }

    /** Which setting fixes the join address, if any: "public-url", "join-host", or empty (the teacher may pick). */
    public Optional<String> fixedBy() {
        if (!properties.publicUrl().isBlank()) {
            return Optional.of("public-url");
        }
        return properties.joinHost().isBlank() ? Optional.empty() : Optional.of("join-host");
    }

    /**
     * Uses {@code address} in join links from now on.
     *
     * @throws IllegalArgumentException if it is not one of {@link JoinAddresses#find()} now
     */
    public void choose(String address) {
        List<JoinAddresses.Candidate> candidates = JoinAddresses.find();
        if (candidates.stream().noneMatch(a -> a.address().equals(address))) {
            throw new IllegalArgumentException(address);
        }
        chosen = address;
        cached = null;
        log.info("Join links now use {}", address);
    }

    private String host() {
        if (!properties.joinHost().isBlank()) {
            return properties.joinHost();
        }
        List<JoinAddresses.Candidate> candidates = addresses();
        String c = chosen;
        if (c != null && candidates.stream().anyMatch(a -> a.address().equals(c))) {
            return c;
        }
        return candidates.stream().findFirst().map(JoinAddresses.Candidate::address).orElse("127.0.0.1");
    }

    /**
     * The machine's addresses, read at most every few seconds: join links are built for every lobby
     * update, and listing the network interfaces is a system call per interface.
     */
    private List<JoinAddresses.Candidate> addresses() {
        long now = System.nanoTime();
        Cached cached = this.cached;
        if (cached == null || now - cached.atNanos > ADDRESS_CACHE_NANOS) {
            cached = new Cached(JoinAddresses.find(), now);
            this.cached = cached;
        }
        return cached.addresses;
    }

    private record Cached(List<JoinAddresses.Candidate> addresses, long atNanos) {
    }

    private static final long ADDRESS_CACHE_NANOS = 5_000_000_000L;
    private volatile Cached cached;
}
