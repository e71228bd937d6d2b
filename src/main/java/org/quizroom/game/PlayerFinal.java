package org.quizroom.game;

/** A player's end-of-game place. */
public record PlayerFinal(String playerId, int rank, int score, int playerCount, int correctCount,
                          int questionCount) {
}
