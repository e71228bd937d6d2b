package org.quizroom.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The open STOMP connections of hosts and players: private events to every connection a user has,
 * and ending connections from the server side.
 *
 * <p>A user often has two connections for a moment: a reloaded page connects before the old socket
 * is noticed gone, or a teacher opens the host screen twice. With ordered receive handling, Spring
 * 6.2 loses a user-destination message addressed to several sessions at once ("Expected mutable
 * SimpMessageHeaderAccessor"), so each connection is addressed on its own.
 */
@Component
public class Connections {

    /** Time for the events sent just before (e.g. KICKED) to reach the client ahead of the ERROR frame. */
    static final Duration CLOSE_GRACE = Duration.ofMillis(500);

    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry users;
    private final MessageChannel clientOutbound;
    private final TaskScheduler scheduler;

    public Connections(SimpMessagingTemplate messaging, SimpUserRegistry users,
                       @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, TaskScheduler scheduler) {
        this.messaging = messaging;
        this.users = users;
        this.clientOutbound = clientOutbound;
        this.scheduler = scheduler;
    }

    /** Sends a private event to {@code /user/queue/events} of every connection {@code identity} has open. */
    public void send(Identity identity, Object event) {
        List<String> sessions = sessions(identity);
        if (sessions.isEmpty()) {
            messaging.convertAndSendToUser(identity.getName(), GameHub.USER_QUEUE, event);
            return;
        }
        for (String session : sessions) {
            // Straight to the broker's per-session queue, the destination Spring's user-destination handler
            // would resolve /user/queue/events to: a private event (ACK, RESULT, PING) to each of 5,000
            // phones then skips one more trip through the broker channel. The client still sees
            // /user/queue/events, as the STOMP handler restores the original destination.
            messaging.convertAndSend(GameHub.USER_QUEUE + "-user" + session, event, toSession(session));
        }
    }

    /** Closes every connection of {@code identity} shortly, with a STOMP ERROR frame telling it {@code reason}. */
    public void closeSoon(Identity identity, String reason) {
        List<String> sessions = sessions(identity);
        if (!sessions.isEmpty()) {
            scheduler.schedule(() -> sessions.forEach(id -> closeNow(id, reason)), Instant.now().plus(CLOSE_GRACE));
        }
    }

    /** Closes one STOMP session now: an ERROR frame with {@code reason}, then the WebSocket is closed. */
    public void closeNow(String sessionId, String reason) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(sessionId);
        error.setLeaveMutable(true);
        // The STOMP handler writes the ERROR frame and closes the connection; an unknown session is ignored.
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }

    /** Closes every connection that belongs to game {@code pin} (host and players), telling them {@code reason}. */
    public void closeGame(String pin, String reason) {
        for (SimpUser user : users.getUsers()) {
            if (user.getPrincipal() instanceof Identity id && id.pin().equals(pin)) {
                user.getSessions().forEach(session -> closeNow(session.getId(), reason));
            }
        }
    }

    /** The PINs of the games that have at least one connection open (host or player). */
    public Set<String> gamesWithConnections() {
        Set<String> pins = new HashSet<>();
        for (SimpUser user : users.getUsers()) {
            if (user.getPrincipal() instanceof Identity id && user.hasSessions()) {
                pins.add(id.pin());
            }
        }
        return pins;
    }

    private List<String> sessions(Identity identity) {
        SimpUser user = users.getUser(identity.getName());
        return user == null ? List.of() : user.getSessions().stream().map(SimpSession::getId).toList();
    }

    private static Map<String, Object> toSession(String sessionId) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user" + GameHub.USER_QUEUE);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }
}
