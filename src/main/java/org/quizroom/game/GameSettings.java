package org.quizroom.game;

/**
 * Server-wide limits the engine enforces.
 *
 * @param maxPlayers           players allowed in one game
 * @param maxNetworkAllowanceMs cap, in ms, on the network delay subtracted from a response time (the median
 *                              round trip); also how long after its deadline a question stays open
 */
public record GameSettings(int maxPlayers, long maxNetworkAllowanceMs) {

    public static GameSettings defaults() {
        return new GameSettings(5000, 600);
    }
}
