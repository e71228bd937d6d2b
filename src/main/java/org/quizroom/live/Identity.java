package org.quizroom.live;

import java.security.Principal;

/**
 * Who is on a STOMP connection, established from the token in its CONNECT frame: the host of a
 * game ({@code playerId} null) or one player in it.
 */
public record Identity(String pin, String playerId) implements Principal {

    public static Identity host(String pin) {
        return new Identity(pin, null);
    }

    public static Identity player(String pin, String playerId) {
        return new Identity(pin, playerId);
    }

    public boolean isHost() {
        return playerId == null;
    }

    /** The user name private events are addressed to. */
    @Override
    public String getName() {
        return isHost() ? "host-" + pin : "player-" + playerId;
    }
}
