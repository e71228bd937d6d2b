package org.quizroom.game;

import java.time.Instant;
import org.quizroom.quiz.Answer;

/**
 * An answer the game has counted. {@code answer} uses the quiz file's choice indices (not the
 * shuffled display ones), so it means the same thing after a restart.
 *
 * @param points             points earned, streak bonus included
 * @param responseMs         the response time scored, in ms: from the question reaching this player to
 *                           the answer's arrival, less {@code networkAllowanceMs}, within [0, time limit]
 * @param networkAllowanceMs the network delay forgiven on this answer, in ms (the player's median round
 *                           trip, capped); the raw time is {@code responseMs + networkAllowanceMs} unless
 *                           the clamp to [0, time limit] applied
 */
public record AcceptedAnswer(String playerId, int questionIndex, Answer answer, String answerText, boolean correct,
                             int points, long responseMs, Instant receivedAt, long networkAllowanceMs) {
}
