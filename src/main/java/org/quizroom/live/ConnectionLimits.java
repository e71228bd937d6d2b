package org.quizroom.live;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.quizroom.QuizroomProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Limits on WebSockets before STOMP: one client address may hold at most
 * {@code quizroom.connections-per-address} open at once, and a socket that has not sent a valid
 * CONNECT within {@code quizroom.connect-timeout-ms} is closed. Without these, one laptop could fill
 * the connector's slots with sockets that never say who they are.
 */
@Component
public class ConnectionLimits implements WebSocketHandlerDecoratorFactory {

    private final QuizroomProperties properties;
    /**
     * Looked up when first needed (the broker's scheduler is defined by the configuration that uses this
     * class), then kept: resolving it through the bean factory on every connection showed in the profile.
     */
    private final SingletonSupplier<TaskScheduler> scheduler;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public ConnectionLimits(QuizroomProperties properties, ObjectProvider<TaskScheduler> scheduler) {
        this.properties = properties;
        this.scheduler = SingletonSupplier.of(scheduler::getObject);
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                String address = address(session);
                int count = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                session.getAttributes().put(ConnectionLimits.class.getName(), address);
                // The inner handlers always see the session open, so their close handling finds it.
                super.afterConnectionEstablished(session);
                if (count > properties.connectionsPerAddress() && !properties.isUnlimited(address)) {
                    refuse(session, "Too many connections from this address (at most "
                            + properties.connectionsPerAddress() + ").");
                    return;
                }
                scheduler.obtain().schedule(() -> {
                    if (session.isOpen() && !ConnectGuard.hasConnected(session)) {
                        refuse(session, "No CONNECT frame within " + properties.connectTimeoutMs() + " ms.");
                    }
                }, Instant.now().plusMillis(properties.connectTimeoutMs()));
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                Object address = session.getAttributes().get(ConnectionLimits.class.getName());
                if (address != null) {
                    open.computeIfPresent((String) address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
                }
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    /** Open WebSockets from {@code address} right now. */
    int openFrom(String address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    private static String address(WebSocketSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** A STOMP ERROR frame saying why, then close 1008 (policy violation). */
    private static void refuse(WebSocketSession session, String reason) {
        try {
            synchronized (session) {
                session.sendMessage(new TextMessage("ERROR\ncontent-type:text/plain\nmessage:" + reason + "\n\n"
                        + reason + "\0"));
            }
        } catch (Exception e) {
            // the close below still ends it
        }
        try {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("limit"));
        } catch (Exception e) {
            // already closed
        }
    }
}
