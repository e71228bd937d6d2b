package org.quizroom.game;

/**
 * One player's outcome for a question that has just closed. {@code toleratedAs} is the accepted
 * answer a typed answer was matched to when a spelling slip was forgiven, else null.
 */
public record PlayerResult(String playerId, int index, boolean answered, boolean correct, int points, int score,
                           int streak, int rank, int playerCount, String toleratedAs) {

    public PlayerResult(String playerId, int index, boolean answered, boolean correct, int points, int score,
                        int streak, int rank, int playerCount) {
        this(playerId, index, answered, correct, points, score, streak, rank, playerCount, null);
    }
}
