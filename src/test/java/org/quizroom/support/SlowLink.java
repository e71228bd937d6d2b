package org.quizroom.support;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A WebSocket client on a simulated slow link: every frame, in both directions, is held for a fixed
 * one-way delay before it goes on, in order, like a phone on weak Wi-Fi. The server sees a real
 * socket; only the timing differs. One link per connection (each has its own two delay lines).
 */
public final class SlowLink implements WebSocketClient {

    private final WebSocketClient transport = StompTestClient.transport();
    private final long oneWayMs;
    // One thread per direction: tasks with equal delays run in the order they were scheduled.
    private final ScheduledExecutorService up = Executors.newSingleThreadScheduledExecutor(daemon("slow-link-up"));
    private final ScheduledExecutorService down = Executors.newSingleThreadScheduledExecutor(daemon("slow-link-down"));

    /** @param oneWay delay added to each frame in each direction (0 is a plain link) */
    public SlowLink(Duration oneWay) {
        this.oneWayMs = oneWay.toMillis();
    }

    @Override
    public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate, Object... uriVars) {
        throw new UnsupportedOperationException("use execute(handler, headers, uri)");
    }

    @Override
    public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers, URI uri) {
        var slowed = new Slowed(handler);
        return transport.execute(slowed, headers, uri).thenApply(slowed::session);
    }

    /** Stops the delay lines; frames still held are dropped, as on a link that went away. */
    public void shutdown() {
        up.shutdownNow();
        down.shutdownNow();
    }

    private final class Slowed extends WebSocketHandlerDecorator {
        private volatile WebSocketSession session;

        Slowed(WebSocketHandler delegate) {
            super(delegate);
        }

        WebSocketSession session(WebSocketSession real) {
            if (session == null) {
                session = new WebSocketSessionDecorator(real) {
                    @Override
                    public void sendMessage(WebSocketMessage<?> message) {
                        up.schedule(() -> {
                            try {
                                getDelegate().sendMessage(message);
                            } catch (IOException | IllegalStateException ignored) {
                                // the socket closed while the frame was on its way
                            }
                        }, oneWayMs, TimeUnit.MILLISECONDS);
                    }
                };
            }
            return session;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession real) throws Exception {
            getDelegate().afterConnectionEstablished(session(real));
        }

        @Override
        public void handleMessage(WebSocketSession real, WebSocketMessage<?> message) {
            WebSocketSession s = session(real);
            down.schedule(() -> {
                try {
                    getDelegate().handleMessage(s, message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, oneWayMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession real, CloseStatus status) {
            WebSocketSession s = session(real);
            down.schedule(() -> {
                try {
                    getDelegate().afterConnectionClosed(s, status);
                } catch (Exception ignored) {
                    // nothing more to tell the client
                }
            }, oneWayMs, TimeUnit.MILLISECONDS);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
