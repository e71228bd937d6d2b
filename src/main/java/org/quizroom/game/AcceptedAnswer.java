package org.quizroom.game;

import java.time.Instant;
import org.quizroom.quiz.Answer;

/**
 * An answer the game has counted. {@code answer} uses the quiz file's choice indices (not the
 * shuffled display ones), so it means the same thing after a restart.
 */
public record AcceptedAnswer(String playerId, int questionIndex, Answer answer, String answerText, boolean correct,
                             int points, long responseMs, Instant receivedAt) {
}
