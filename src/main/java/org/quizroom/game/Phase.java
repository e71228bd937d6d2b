package org.quizroom.game;

/** Where a game is: lobby, then question → reveal → leaderboard for each question, then finished. */
public enum Phase {
    LOBBY, QUESTION, REVEAL, LEADERBOARD, FINISHED
}
