package org.quizroom.game;

/** One player's outcome for a question that has just closed. */
public record PlayerResult(String playerId, int index, boolean answered, boolean correct, int points, int score,
                           int streak, int rank, int playerCount) {
}
