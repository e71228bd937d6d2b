package org.quizroom.game;

/**
 * One of the most common answers to a typed or number question, for the reveal.
 *
 * @param answer  the answer as most of those who gave it spelt it (numbers as the player sent them)
 * @param count   how many players gave it (answers that differ only in case, accents, punctuation or
 *                spacing count as one)
 * @param correct whether it was accepted
 */
public record AnswerTally(String answer, int count, boolean correct) {
}
