package org.quizroom.game;

import java.util.List;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.QuestionImage;
import org.quizroom.quiz.QuestionType;

/**
 * A question as players see it: choices in display order, never the answer.
 *
 * @param timeLimitMs time to answer once answers open, in ms
 * @param readingMs   how long the text is shown alone before answers open, in ms (0: none)
 * @param image       the question's picture, or null
 */
public record QuestionView(int index, int total, QuestionType type, String text, List<String> choices,
                           long timeLimitMs, PointsMode points, long readingMs, QuestionImage image) {
}
