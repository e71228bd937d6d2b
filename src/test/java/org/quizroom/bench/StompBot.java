package org.quizroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A lean STOMP 1.2 client over the JDK's WebSocket: hand-written text frames, no thread of its
 * own. Thousands share one {@link HttpClient} (one selector thread) and its small executor.
 * Each received MESSAGE is handed to the {@link Handler} with its destination and JSON body.
 */
public final class StompBot implements WebSocket.Listener {

    /** What a bot does with what it receives; called on the HttpClient's executor, one frame at a time per bot. */
    public interface Handler {
        void connected(StompBot bot);

        void message(StompBot bot, String destination, String body, long receivedNanos);

        void failed(StompBot bot, String what);
    }

    private final String pin;
    private final String tokenHeader;
    private final String token;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;
    private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
    private volatile boolean closed;
    Object state;
    /** A simulated slow link: every frame in each direction is held this long (ms); 0 = plain loopback. */
    private long oneWayMs;
    private java.util.concurrent.ScheduledExecutorService link;
    /** A stall asked for by the frame being handled: ms before the next frame is read (0 = none). */
    private volatile long stallNextMs;

    public StompBot(String pin, String tokenHeader, String token, Handler handler) {
        this.pin = pin;
        this.tokenHeader = tokenHeader;
        this.token = token;
        this.handler = handler;
    }

    public String pin() {
        return pin;
    }

    /**
     * Puts this bot behind a slow link of {@code oneWayMs} each way, like a phone on weak Wi-Fi.
     * {@code line} must run one task at a time (a single-thread scheduler) so frames keep their order.
     */
    void slowLink(long oneWayMs, java.util.concurrent.ScheduledExecutorService line) {
        this.oneWayMs = oneWayMs;
        this.link = oneWayMs > 0 ? line : null;
    }

    long oneWayMs() {
        return oneWayMs;
    }

    /** Opens the WebSocket and sends CONNECT; completes when the socket is open (not yet CONNECTED). */
    public CompletableFuture<WebSocket> open(HttpClient http, String wsUrl) {
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(wsUrl), this)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        handler.failed(this, "open: " + error);
                    }
                });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.ws = webSocket;
        send("CONNECT\naccept-version:1.2\nhost:localhost\n" + tokenHeader + ":" + token
                + "\nheart-beat:0,0\n\n\0");
        webSocket.request(1);
    }

    public void subscribe(String id, String destination) {
        send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0");
    }

    public void sendJson(String destination, String json) {
        send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json + "\0");
    }

    /** Queues a frame (after the slow link's delay, if any): the JDK WebSocket allows one outstanding send. */
    public void send(String frame) {
        if (link != null) {
            link.schedule(() -> sendNow(frame), oneWayMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            sendNow(frame);
        }
    }

    private synchronized void sendNow(String frame) {
        WebSocket socket = ws;
        if (socket == null || closed) {
            handler.failed(this, "send on a closed socket");
            return;
        }
        sendTail = sendTail.exceptionally(e -> null).thenCompose(x -> socket.sendText(frame, true))
                .whenComplete((x, e) -> {
                    if (e != null && !closed) {
                        handler.failed(this, "send: " + e);
                    }
                });
    }

    /**
     * After the frame being handled, reads nothing for {@code ms}: the socket's buffers fill and the server's
     * writes to it back up, as with a phone on weak Wi-Fi or asleep in a pocket.
     */
    void stallAfterThisFrame(long ms) {
        stallNextMs = ms;
    }

    /** Drops the socket without DISCONNECT or close frame, as a phone losing its network does; reports nothing. */
    void abort() {
        closed = true;
        WebSocket socket = ws;
        if (socket != null) {
            socket.abort();
        }
    }

    public void close() {
        WebSocket socket = ws;
        if (socket != null && !closed) {
            synchronized (this) {
                sendNow("DISCONNECT\n\n\0"); // not through the slow link: the socket closes right after
                closed = true;
                sendTail.exceptionally(e -> null)
                        .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .whenComplete((x, e) -> socket.abort());
            }
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        if (!last || partial.length() > 0) {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            data = partial.toString();
            partial.setLength(0);
        }
        String text = data.toString();
        if (link != null) {
            link.schedule(() -> {
                try {
                    frame(text, System.nanoTime());
                } catch (RuntimeException e) {
                    handler.failed(this, "frame: " + e);
                }
            }, oneWayMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            try {
                frame(text, now);
            } catch (RuntimeException e) {
                handler.failed(this, "frame: " + e);
            }
        }
        long stall = stallNextMs;
        if (stall > 0) {
            stallNextMs = 0;
            CompletableFuture.delayedExecutor(stall, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> webSocket.request(1));
        } else {
            webSocket.request(1);
        }
        return null;
    }

    private void frame(String text, long now) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++; // heart-beat EOLs
        }
        if (start >= text.length()) {
            return;
        }
        int eol = text.indexOf('\n', start);
        String command = text.substring(start, eol);
        int headersEnd = text.indexOf("\n\n", eol);
        String headers = text.substring(eol + 1, Math.max(eol + 1, headersEnd));
        int end = text.indexOf('\0', headersEnd + 2);
        String body = text.substring(headersEnd + 2, end < 0 ? text.length() : end);
        switch (command) {
            case "MESSAGE" -> handler.message(this, header(headers, "destination"), body, now);
            case "CONNECTED" -> handler.connected(this);
            case "ERROR" -> handler.failed(this, "ERROR frame: " + header(headers, "message") + " " + body);
            default -> {
            }
        }
    }

    private static String header(String headers, String name) {
        String prefix = name + ":";
        int at = headers.startsWith(prefix) ? 0 : headers.indexOf("\n" + prefix);
        if (at < 0) {
            return null;
        }
        int from = at == 0 ? prefix.length() : at + 1 + prefix.length();
        int to = headers.indexOf('\n', from);
        return headers.substring(from, to < 0 ? headers.length() : to);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closed) {
            handler.failed(this, "closed by server: " + statusCode + " " + reason);
        }
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closed) {
            handler.failed(this, "transport: " + error);
        }
        closed = true;
    }
}
