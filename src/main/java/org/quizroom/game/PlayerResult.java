package org.quizroom.game;

import org.quizroom.quiz.Answer;

/**
 * One player's outcome for a question that has just closed. {@code toleratedAs} is the accepted
 * answer a typed answer was matched to when a spelling slip was forgiven, else null. {@code answer} is the
 * player's own answer in display indices (as their phone showed the choices; a number as it was marked),
 * null when they did not answer: a phone reloaded during the reveal redraws its "Your answer" line from it.
 */
public record PlayerResult(String playerId, int index, boolean answered, boolean correct, int points, int score,
                           int streak, int rank, int playerCount, String toleratedAs, Answer answer) {

    public PlayerResult(String playerId, int index, boolean answered, boolean correct, int points, int score,
                        int streak, int rank, int playerCount) {
        this(playerId, index, answered, correct, points, score, streak, rank, playerCount, null, null);
    }
}
