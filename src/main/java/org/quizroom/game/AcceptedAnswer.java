package org.quizroom.game;

import java.time.Instant;
import org.quizroom.quiz.Answer;

/**
 * An answer the game has counted. {@code answer} uses the quiz file's choice indices (not the
 * shuffled display ones), so it means the same thing after a restart. {@code toleratedAs} is the
 * accepted answer a typed answer was matched to by spelling tolerance, else null.
 */
public record AcceptedAnswer(String playerId, int questionIndex, Answer answer, String answerText, boolean correct,
                             int points, long responseMs, Instant receivedAt, String toleratedAs) {

    public AcceptedAnswer(String playerId, int questionIndex, Answer answer, String answerText, boolean correct,
                          int points, long responseMs, Instant receivedAt) {
        this(playerId, questionIndex, answer, answerText, correct, points, responseMs, receivedAt, null);
    }
}
