package org.quizroom.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Refuses a CONNECT with a missing or bad token before it reaches STOMP handling: the client gets
 * a STOMP ERROR frame saying why and the socket is closed. (With ordered inbound handling, an
 * exception thrown by a channel interceptor would be logged but never reach the client.)
 */
@Component
public class ConnectGuard implements WebSocketHandlerDecoratorFactory {

    private static final String CHECKED = ConnectGuard.class.getName() + ".checked";

    /** Resolved on first use (the hub depends on the WebSocket configuration this class is part of), then kept. */
    private final SingletonSupplier<GameHub> hub;

    public ConnectGuard(ObjectProvider<GameHub> hub) {
        this.hub = SingletonSupplier.of(hub::getObject);
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                if (!session.isOpen()) {
                    // Frames Tomcat had already read when this socket was closed (after a refusal, say): answering
                    // them would throw on the closed socket, and Spring would log each one with a stack trace.
                    return;
                }
                if (!session.getAttributes().containsKey(CHECKED)) {
                    String refusal;
                    try {
                        refusal = refusal(session, text(message));
                    } catch (GameMovingException e) {
                        // Another node still runs the game (cluster failover or hand-over): no ERROR frame,
                        // which would make a page give up; "try again later" makes it reconnect as usual.
                        session.close(new CloseStatus(1013, "game moving, retry"));
                        return;
                    }
                    if (refusal != null) {
                        try {
                            session.sendMessage(new TextMessage(errorFrame(refusal)));
                        } catch (IOException | IllegalStateException gone) {
                            // The client closed or dropped the socket first; the close below is all that is left.
                        }
                        session.close(CloseStatus.POLICY_VIOLATION.withReason("invalid token"));
                        return;
                    }
                }
                super.handleMessage(session, message);
            }

            private String refusal(WebSocketSession session, String frame) {
                if (frame == null) {
                    return null;
                }
                String trimmed = frame.stripLeading();
                if (!trimmed.startsWith("CONNECT\n") && !trimmed.startsWith("STOMP\n")
                        && !trimmed.startsWith("CONNECT\r\n") && !trimmed.startsWith("STOMP\r\n")) {
                    return null; // heart-beats, or a frame the STOMP handler will judge itself
                }
                String hostToken = null;
                String playerToken = null;
                for (String line : trimmed.split("\r?\n")) {
                    if (line.isEmpty()) {
                        break;
                    }
                    if (hostToken == null && line.startsWith(StompGatekeeper.HOST_TOKEN + ":")) {
                        hostToken = line.substring(StompGatekeeper.HOST_TOKEN.length() + 1);
                    } else if (playerToken == null && line.startsWith(StompGatekeeper.PLAYER_TOKEN + ":")) {
                        playerToken = line.substring(StompGatekeeper.PLAYER_TOKEN.length() + 1);
                    }
                }
                if (hostToken == null && playerToken == null) {
                    return "CONNECT needs a host-token or player-token header.";
                }
                if (StompGatekeeper.identify(hub.obtain(), hostToken, playerToken).isEmpty()) {
                    return "This token is not valid: the game may have finished, or you were removed from it.";
                }
                session.getAttributes().put(CHECKED, Boolean.TRUE);
                return null;
            }
        };
    }

    /** Whether this socket has sent a CONNECT with a valid token (used by the CONNECT deadline). */
    static boolean hasConnected(WebSocketSession session) {
        return session.getAttributes().containsKey(CHECKED);
    }

    private static String text(WebSocketMessage<?> message) {
        if (message instanceof TextMessage text) {
            return text.getPayload();
        }
        if (message instanceof BinaryMessage binary) {
            var buffer = binary.getPayload().duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return null;
    }

    /**
     * A STOMP ERROR frame with {@code reason} in its message header and body, encoded by Spring's encoder (so with
     * a content-length and the header escaped), as every other frame the server sends.
     */
    static byte[] errorFrame(String reason) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.ERROR);
        headers.setMessage(reason);
        headers.setContentType(MimeTypeUtils.TEXT_PLAIN);
        return new StompEncoder().encode(headers.getMessageHeaders(), reason.getBytes(StandardCharsets.UTF_8));
    }
}
