package org.quizroom.game;

import java.util.List;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.QuestionType;

/** A question as players see it: choices in display order, never the answer. */
public record QuestionView(int index, int total, QuestionType type, String text, List<String> choices,
                           long timeLimitMs, PointsMode points) {
}
