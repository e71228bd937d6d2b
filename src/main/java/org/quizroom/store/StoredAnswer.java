package org.quizroom.store;

import java.time.Instant;

/**
 * An answer row; {@code answerJson} uses the quiz file's choice indices. {@code responseMs} is the
 * scored time and {@code networkAllowanceMs} the network delay that was subtracted to get it (ms).
 */
public record StoredAnswer(String gamePin, String playerId, int questionIndex, String answerJson, String answerText,
                           boolean correct, int points, long responseMs, Instant receivedAt,
                           long networkAllowanceMs) {
}
