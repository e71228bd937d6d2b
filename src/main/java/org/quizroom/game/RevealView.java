package org.quizroom.game;

import java.util.List;
import org.quizroom.quiz.QuestionType;

/**
 * The answer to a closed question, in display indices, with how the class answered.
 * Fields that do not apply to the question type are empty or null. {@code topAnswers}: for typed
 * and number questions, the most common answers with counts (see {@link AnswerTally}); else empty.
 */
public record RevealView(int index, QuestionType type, List<Integer> correctChoices, List<Integer> correctOrder,
                         List<String> acceptedAnswers, Double correctNumber, Double tolerance,
                         List<Integer> distribution, int answered, int correctCount, int playerCount,
                         String section, String explanation, List<AnswerTally> topAnswers) {
}
