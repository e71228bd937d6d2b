package org.quizroom.live;

/**
 * The game is run by another server of the cluster right now, or is being handed over to this one:
 * the client should try again in about {@link #retryAfterMs()} (HTTP 503 GAME_MOVING with
 * Retry-After; a WebSocket CONNECT is closed with status 1013 "try again later", no ERROR frame,
 * so pages reconnect as after a network drop).
 */
public class GameMovingException extends RuntimeException {

    private final long retryAfterMs;

    /** @param retryAfterMs when a retry may succeed, in milliseconds from now (at least 1) */
    public GameMovingException(String pin, long retryAfterMs) {
        super("Game " + pin + " is moving to this server; try again in a moment.");
        this.retryAfterMs = Math.max(1, retryAfterMs);
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }
}
