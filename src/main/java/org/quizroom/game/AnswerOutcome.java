package org.quizroom.game;

/**
 * The result of accepting an answer: what to store, the new count for the host, and whether
 * every connected player has now answered (the caller closes the question after storing).
 */
public record AnswerOutcome(AcceptedAnswer accepted, GameEvent.AnswerCounted count, boolean everyoneAnswered) {
}
