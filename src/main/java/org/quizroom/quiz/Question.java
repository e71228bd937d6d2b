package org.quizroom.quiz;

import java.util.List;
import java.util.Set;

/**
 * One validated question, in the order the quiz file lists it.
 *
 * <p>{@code choices} are the file's choices (for {@code order}, the items in their correct order;
 * for {@code truefalse}, "True" and "False"). Indices in {@code correctChoices} refer to them.
 */
public record Question(
        QuestionType type,
        String text,
        List<String> choices,
        Set<Integer> correctChoices,
        List<String> acceptedAnswers,
        Double correctNumber,
        double tolerance,
        int timeSeconds,
        PointsMode points,
        String section,
        String explanation) {

    public Question {
        choices = List.copyOf(choices);
        correctChoices = Set.copyOf(correctChoices);
        acceptedAnswers = List.copyOf(acceptedAnswers);
    }

    /** The points a correct answer can earn at most, before the streak bonus. */
    public int basePoints() {
        return type.isScored() ? points.basePoints() : 0;
    }
}
