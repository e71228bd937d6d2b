package org.quizroom.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.quizroom.QuizroomProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks every inbound STOMP frame: CONNECT needs a valid host or player token, a client may
 * subscribe only to its own game and its private queue, may send only to its game's
 * destinations, and only so many messages per second (a Bucket4j token bucket per connection);
 * it may hold two subscriptions, never the same destination twice. Any other command (MESSAGE, RECEIPT,
 * ERROR, CONNECTED, ACK, NACK, BEGIN, COMMIT, ABORT) ends the connection with an ERROR frame:
 * only the server speaks for the server (docs/protocol.md, "Frames a client may send").
 */
@Component
public class StompGatekeeper implements ChannelInterceptor {

    public static final String HOST_TOKEN = "host-token";
    public static final String PLAYER_TOKEN = "player-token";
    private static final Pattern SEND_DESTINATION = Pattern.compile("/app/games/(\\d{6})/(answer|host|sync|pong)");
    private static final long ERROR_REPEAT_NANOS = 1_000_000_000L;
    /** The topic of one's game and one's private queue. */
    static final int MAX_SUBSCRIPTIONS = 2;

    /** Resolved on first use (both depend on the broker this interceptor is part of), then kept. */
    private final SingletonSupplier<GameHub> hub;
    private final SingletonSupplier<Connections> connections;
    private final QuizroomProperties properties;
    /** Per connection; removed on DISCONNECT (Spring sends one for every closed session), and expiring as a backstop. */
    private final Cache<String, ConnectionState> states = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(6))
            .build();

    public StompGatekeeper(ObjectProvider<GameHub> hub, ObjectProvider<Connections> connections,
                           QuizroomProperties properties) {
        this.hub = SingletonSupplier.of(hub::getObject);
        this.connections = SingletonSupplier.of(connections::getObject);
        this.properties = properties;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        switch (command) {
            case CONNECT, STOMP -> {
                return connect(accessor) ? message : null;
            }
            case SUBSCRIBE -> {
                return subscribe(accessor) ? message : null;
            }
            case SEND -> {
                return send(accessor) ? message : null;
            }
            case DISCONNECT -> states.invalidate(String.valueOf(accessor.getSessionId()));
            case UNSUBSCRIBE -> {
                if (accessor.getSubscriptionId() != null) {
                    state(accessor).subscriptions.remove(accessor.getSubscriptionId());
                }
            }
            default -> {
                // MESSAGE, RECEIPT, ERROR and CONNECTED are the server's to send: the simple broker would relay a
                // client's MESSAGE to every subscriber (a forged KICKED threw a whole class out). ACK, NACK and
                // transactions are unused here. None of them gets past this point.
                refuse(accessor, command + " frames are not accepted from a client; send only CONNECT, SUBSCRIBE, "
                        + "UNSUBSCRIBE, SEND and DISCONNECT.");
                return null;
            }
        }
        return message;
    }

    private boolean connect(StompHeaderAccessor accessor) {
        String hostToken = accessor.getFirstNativeHeader(HOST_TOKEN);
        String playerToken = accessor.getFirstNativeHeader(PLAYER_TOKEN);
        if (hostToken == null && playerToken == null) {
            return refuse(accessor, "CONNECT needs a host-token or player-token header.");
        }
        var identity = identify(hub.obtain(), hostToken, playerToken);
        if (identity.isEmpty()) {
            return refuse(accessor, "This token is not valid: the game may have finished, or you were removed from it.");
        }
        accessor.setUser(identity.get());
        return true;
    }

    /** The identity behind a CONNECT's token; a host token must come as host-token and vice versa. */
    static java.util.Optional<Identity> identify(GameHub hub, String hostToken, String playerToken) {
        if (hostToken == null && playerToken == null) {
            return java.util.Optional.empty();
        }
        return hub.authenticate(hostToken != null ? hostToken : playerToken)
                .filter(id -> id.isHost() == (hostToken != null));
    }

    private boolean subscribe(StompHeaderAccessor accessor) {
        Identity identity = identity(accessor);
        if (identity == null) {
            return refuse(accessor, "Not connected with a valid token.");
        }
        String destination = accessor.getDestination();
        boolean allowed = ("/user" + GameHub.USER_QUEUE).equals(destination)
                || GameHub.topic(identity.pin()).equals(destination);
        if (!allowed) {
            return refuse(accessor, "You may subscribe only to " + GameHub.topic(identity.pin()) + " and /user"
                    + GameHub.USER_QUEUE + ".");
        }
        // Two destinations exist for a client, so two subscriptions are all it needs; 20,000 on one
        // connection cost the broker a scan of each on every message.
        String id = accessor.getSubscriptionId();
        Map<String, String> subscriptions = state(accessor).subscriptions;
        synchronized (subscriptions) {
            if (id == null || subscriptions.containsKey(id) || subscriptions.containsValue(destination)) {
                return refuse(accessor, "Already subscribed to " + destination + " (or the id " + id + " is in use).");
            }
            if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
                return refuse(accessor, "At most " + MAX_SUBSCRIPTIONS + " subscriptions per connection.");
            }
            subscriptions.put(id, destination);
        }
        return true;
    }

    /** Returns false to drop the frame, after telling the sender why. */
    private boolean send(StompHeaderAccessor accessor) {
        Identity identity = identity(accessor);
        if (identity == null) {
            return refuse(accessor, "Not connected with a valid token.");
        }
        ConnectionState state = state(accessor);
        if (!state.bucket.tryConsume(1)) {
            if (state.shouldWarn(ERROR_REPEAT_NANOS)) {
                error(identity, "RATE_LIMITED", "Too many messages; slow down.");
            }
            return false;
        }
        String destination = accessor.getDestination();
        var matcher = destination == null ? null : SEND_DESTINATION.matcher(destination);
        if (matcher == null || !matcher.matches()) {
            error(identity, "UNKNOWN_DESTINATION", "Nothing listens at " + destination
                    + "; send to /app/games/{pin}/answer, /host, /sync or /pong.");
            return false;
        }
        if (!matcher.group(1).equals(identity.pin())) {
            error(identity, "WRONG_GAME", "Your token belongs to another game.");
            return false;
        }
        return true;
    }

    private ConnectionState state(StompHeaderAccessor accessor) {
        return states.get(String.valueOf(accessor.getSessionId()), id -> new ConnectionState(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, properties.messageBurst()))
                        .refillGreedy(Math.max(1, properties.messagesPerSecond()), Duration.ofSeconds(1)).build())
                .build()));
    }

    private static Identity identity(StompHeaderAccessor accessor) {
        return accessor.getUser() instanceof Identity identity ? identity : null;
    }

    /**
     * Drops the frame and ends the connection with a STOMP ERROR frame saying why. Not by throwing:
     * with the receive order preserved, Spring only logs an exception thrown here, and the client
     * would hear nothing (a refused SUBSCRIBE stayed open and silent).
     */
    private boolean refuse(StompHeaderAccessor accessor, String reason) {
        connections.obtain().closeNow(accessor.getSessionId(), reason);
        return false;
    }

    private void error(Identity identity, String code, String message) {
        connections.obtain().send(identity, new Events.Error(code, message));
    }

    /** One connection's message allowance (Bucket4j) and its subscriptions, id → destination. */
    private static final class ConnectionState {
        final Bucket bucket;
        final Map<String, String> subscriptions = new ConcurrentHashMap<>();
        volatile long lastWarning;

        ConnectionState(Bucket bucket) {
            this.bucket = bucket;
        }

        synchronized boolean shouldWarn(long everyNanos) {
            long now = System.nanoTime();
            if (lastWarning == 0 || now - lastWarning >= everyNanos) {
                lastWarning = now;
                return true;
            }
            return false;
        }
    }
}
