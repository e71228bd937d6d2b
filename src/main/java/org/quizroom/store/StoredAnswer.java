package org.quizroom.store;

import java.time.Instant;

/** An answer row; {@code answerJson} uses the quiz file's choice indices. */
public record StoredAnswer(String gamePin, String playerId, int questionIndex, String answerJson, String answerText,
                           boolean correct, int points, long responseMs, Instant receivedAt) {
}
