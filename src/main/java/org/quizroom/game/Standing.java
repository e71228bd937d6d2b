package org.quizroom.game;

/** A place on the leaderboard. */
public record Standing(int rank, String playerId, String nickname, int score, long totalTimeMs) {
}
