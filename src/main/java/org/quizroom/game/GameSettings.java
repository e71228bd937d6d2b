package org.quizroom.game;

/**
 * Server-wide limits the engine enforces.
 *
 * @param maxPlayers           players allowed in one game
 * @param maxNetworkAllowanceMs cap on the network delay subtracted from a response time (half the round trip)
 */
public record GameSettings(int maxPlayers, long maxNetworkAllowanceMs) {

    public static GameSettings defaults() {
        return new GameSettings(5000, 300);
    }
}
