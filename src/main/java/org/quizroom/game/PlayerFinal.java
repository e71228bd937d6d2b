package org.quizroom.game;

/**
 * A player's end-of-game place.
 *
 * @param questionCount       scored questions the game asked (fewer than the quiz has if the teacher ended early)
 * @param questionsAnswerable scored questions this player had open (joined and connected while it was
 *                            open, answered or not): what "N of M correct" should count against
 */
public record PlayerFinal(String playerId, int rank, int score, int playerCount, int correctCount,
                          int questionCount, int questionsAnswerable) {
}
