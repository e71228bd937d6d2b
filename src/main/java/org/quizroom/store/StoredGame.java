package org.quizroom.store;

import java.time.Instant;
import org.quizroom.game.GameOptions;
import org.quizroom.game.Phase;
import org.quizroom.quiz.Quiz;

/** A game row: enough to list it, report on it and resume it. */
public record StoredGame(String pin, String quizId, String quizTitle, Quiz quiz, GameOptions options,
                         String hostToken, long shuffleSeed, Phase phase, int questionIndex, boolean locked,
                         Instant createdAt, Instant finishedAt, int playerCount) {
}
