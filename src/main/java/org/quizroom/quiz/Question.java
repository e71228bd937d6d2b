package org.quizroom.quiz;

import java.util.List;
import java.util.Set;

/**
 * One validated question, in the order the quiz file lists it.
 *
 * <p>{@code choices} are the file's choices (for {@code order}, the items in their correct order;
 * for {@code truefalse}, "True" and "False"). Indices in {@code correctChoices} refer to them.
 * {@code readingSeconds} is the time the text is shown before answers open (null: a default scaled
 * to the text's length, see {@code org.quizroom.game.ReadingTime}); {@code image} is null when the
 * question has none.
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
        String explanation,
        Double readingSeconds,
        QuestionImage image) {

    public Question {
        choices = List.copyOf(choices);
        correctChoices = Set.copyOf(correctChoices);
        acceptedAnswers = List.copyOf(acceptedAnswers);
    }

    /**
     * A question with no reading time of its own (the default, scaled to the text, applies) and no image:
     * the shape every question had before those fields existed.
     */
    public Question(QuestionType type, String text, List<String> choices, Set<Integer> correctChoices,
                    List<String> acceptedAnswers, Double correctNumber, double tolerance, int timeSeconds,
                    PointsMode points, String section, String explanation) {
        this(type, text, choices, correctChoices, acceptedAnswers, correctNumber, tolerance, timeSeconds, points,
                section, explanation, null, null);
    }

    /** The points a correct answer can earn at most, before the streak bonus. */
    public int basePoints() {
        return type.isScored() ? points.basePoints() : 0;
    }
}
