package org.quizroom.game;

/** A player as the host's roster shows them. */
public record PlayerView(String playerId, String nickname, boolean connected, int score, int streak) {
}
