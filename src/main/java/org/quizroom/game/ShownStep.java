package org.quizroom.game;

/**
 * The step of the lesson a host screen showed when the teacher pressed a button: the question
 * index (-1 in the lobby) and, when the client says it, the phase. See {@link Game#requireAt}.
 *
 * @param questionIndex the index from the QUESTION, REVEAL or LEADERBOARD event on screen
 * @param phase         the phase on screen, or null when the client only sent the index
 */
public record ShownStep(int questionIndex, Phase phase) {
}
