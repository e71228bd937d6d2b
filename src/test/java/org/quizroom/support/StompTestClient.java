package org.quizroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP-over-WebSocket client for tests, speaking the protocol exactly as a phone would:
 * token in CONNECT, subscribe to the game topic and the private queue, JSON bodies.
 * Every event received (broadcast or private) lands in one queue, in arrival order.
 */
public final class StompTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StompSession session;
    private final String pin;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final List<String> transportErrors = new CopyOnWriteArrayList<>();
    /** question index → System.nanoTime() at which its answers open, from the QUESTION's opensInMs. */
    private final java.util.Map<Integer, Long> opensAt = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Duration pongDelay = Duration.ZERO;
    /** When each event reached this client's code ({@link System#nanoTime()}), for timing what a phone saw. */
    private final Map<JsonNode, Long> arrivals = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    private StompTestClient(StompSession session, String pin) {
        this.session = session;
        this.pin = pin;
    }

    public static StompTestClient host(int port, String pin, String hostToken) {
        return connect(port, pin, "host-token", hostToken);
    }

    public static StompTestClient player(int port, String pin, String playerToken) {
        return connect(port, pin, "player-token", playerToken);
    }

    /** Connects, subscribes to the topic and the private queue, and sends sync. */
    public static StompTestClient connect(int port, String pin, String header, String token) {
        return connect(port, pin, header, token, transport());
    }

    /**
     * A JDK-side WebSocket client (Tomcat's, in this JVM) that accepts messages up to 1 MB whole. It must
     * be said: the server lowers Tomcat's WebSocket buffer size for the whole JVM (ConnectionMemory, 2 KB),
     * and the test's client container would then refuse any event over 2 KB (close 1009), such as a
     * 30-player roster. Browsers, the real clients, have no such limit.
     */
    public static StandardWebSocketClient transport() {
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
        container.setDefaultMaxBinaryMessageBufferSize(1024 * 1024);
        return new StandardWebSocketClient(container);
    }

    /** As {@link #connect(int, String, String, String)}, over {@code transport} (e.g. a {@link SlowLink}). */
    public static StompTestClient connect(int port, String pin, String header, String token,
                                          org.springframework.web.socket.client.WebSocketClient transport) {
        StompTestClient client = open(port, pin, header, token, transport);
        client.subscribe("/topic/games/" + pin);
        client.subscribe("/user/queue/events");
        // Subscriptions are processed in order on the server; a sync after them is answered into them.
        client.send("/app/games/" + pin + "/sync", "{}");
        return client;
    }

    /** Opens the connection only; throws if the server refuses the CONNECT. */
    public static StompTestClient open(int port, String pin, String header, String token) {
        return open(port, pin, header, token, transport());
    }

    private static StompTestClient open(int port, String pin, String header, String token,
                                        org.springframework.web.socket.client.WebSocketClient transport) {
        WebSocketStompClient stomp = new WebSocketStompClient(transport);
        stomp.setMessageConverter(new ByteArrayMessageConverter() {
            @Override
            protected boolean supportsMimeType(org.springframework.messaging.MessageHeaders headers) {
                return true; // bodies are JSON bytes; the test parses them itself
            }
        });
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add(header, token);
        }
        var holder = new StompTestClient[1];
        var handler = new StompSessionHandlerAdapter() {
            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                        Throwable exception) {
                if (holder[0] != null) {
                    holder[0].transportErrors.add(String.valueOf(exception));
                }
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                if (holder[0] != null) {
                    holder[0].transportErrors.add(String.valueOf(exception));
                }
            }
        };
        try {
            StompSession session = stomp.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(),
                    connect, handler).get(10, TimeUnit.SECONDS);
            StompTestClient client = new StompTestClient(session, pin);
            holder[0] = client;
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("STOMP connect refused: " + e, e);
        }
    }

    public void subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                try {
                    JsonNode event = JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8));
                    if ("PING".equals(event.path("type").asText())) {
                        // Answer pings like the real page does, so the server can measure the delay.
                        String pong = "{\"seq\":" + event.get("seq").asLong() + "}";
                        long hold = pongDelay.toMillis();
                        if (hold > 0) {
                            CompletableFuture.delayedExecutor(hold, TimeUnit.MILLISECONDS)
                                    .execute(() -> send("/app/games/" + pin + "/pong", pong));
                        } else {
                            send("/app/games/" + pin + "/pong", pong);
                        }
                    }
                    if ("QUESTION".equals(event.path("type").asText())) {
                        // Counted from arrival, as a phone does: never earlier than the server opens answers.
                        opensAt.put(event.path("index").asInt(),
                                System.nanoTime() + event.path("opensInMs").asLong(0) * 1_000_000);
                    }
                    arrivals.put(event, System.nanoTime());
                    seen.add(event);
                    inbox.add(event);
                } catch (Exception e) {
                    transportErrors.add("unreadable event: " + e);
                }
            }
        });
    }

    public synchronized void send(String destination, String jsonBody) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /** Holds each pong back by {@code delay} before sending it, as a client trying to look slower would. */
    public void delayPongs(Duration delay) {
        this.pongDelay = delay;
    }

    /**
     * Answers like a phone: if this client saw the QUESTION, it first waits out the reading time
     * ({@code opensInMs}) the server sent with it. Use {@link #answerNow} to send at once.
     */
    public void answer(int question, String answerJson) {
        Long at = opensAt.get(question);
        if (at != null) {
            long waitNs = at - System.nanoTime();
            if (waitNs > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(waitNs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        answerNow(question, answerJson);
    }

    /** Sends an answer at once, during the reading time too (to test the TOO_EARLY refusal). */
    public void answerNow(int question, String answerJson) {
        send("/app/games/" + pin + "/answer", "{\"question\":" + question + ",\"answer\":" + answerJson + "}");
    }

    public void host(String command) {
        send("/app/games/" + pin + "/host", "{\"command\":\"" + command + "\"}");
    }

    public void sync() {
        send("/app/games/" + pin + "/sync", "{}");
    }

    /** Waits for the next event of {@code type} (skipping others), or fails after {@code timeout}. */
    public JsonNode await(String type, Duration timeout) {
        return await(e -> type.equals(e.path("type").asText()), type, timeout);
    }

    public JsonNode await(String type) {
        return await(type, Duration.ofSeconds(15));
    }

    public JsonNode await(Predicate<JsonNode> match, String description, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                JsonNode event = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No " + description + " within " + timeout + "; last events: "
                            + last(8) + "; errors: " + transportErrors);
                }
                if (match.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** When {@code event} (one this client received) arrived, in {@link System#nanoTime()} terms. */
    public long arrivedAtNanos(JsonNode event) {
        Long at = arrivals.get(event);
        if (at == null) {
            throw new IllegalArgumentException("not an event this client received: " + event);
        }
        return at;
    }

    /** Every event received so far, including ones already consumed by await. */
    public List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    public List<JsonNode> seen(String type) {
        return seen.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    public void clearInbox() {
        inbox.clear();
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    public List<String> transportErrors() {
        return List.copyOf(transportErrors);
    }

    private List<String> last(int n) {
        var all = new ArrayList<>(seen);
        return all.subList(Math.max(0, all.size() - n), all.size()).stream().map(JsonNode::toString)
                .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s).toList();
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
