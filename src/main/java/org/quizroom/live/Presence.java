package org.quizroom.live;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/** Tells the games when a player's connection comes or goes, so the host sees who is away. */
@Component
public class Presence {

    private final GameHub hub;

    public Presence(GameHub hub) {
        this.hub = hub;
    }

    @EventListener
    public void onConnected(SessionConnectedEvent event) {
        if (event.getUser() instanceof Identity identity) {
            hub.connected(identity, SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders()));
        }
    }

    @EventListener
    public void onDisconnected(SessionDisconnectEvent event) {
        if (event.getUser() instanceof Identity identity) {
            hub.disconnected(identity, event.getSessionId());
        }
    }
}
