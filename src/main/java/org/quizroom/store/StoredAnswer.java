package org.quizroom.store;

import java.time.Instant;

/**
 * An answer row; {@code answerJson} uses the quiz file's choice indices. {@code acceptedAs} is the
 * accepted answer a typed answer was matched to by spelling tolerance, else null.
 */
public record StoredAnswer(String gamePin, String playerId, int questionIndex, String answerJson, String answerText,
                           boolean correct, int points, long responseMs, Instant receivedAt, String acceptedAs) {

    public StoredAnswer(String gamePin, String playerId, int questionIndex, String answerJson, String answerText,
                        boolean correct, int points, long responseMs, Instant receivedAt) {
        this(gamePin, playerId, questionIndex, answerJson, answerText, correct, points, responseMs, receivedAt, null);
    }
}
