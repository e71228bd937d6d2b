package org.quizroom.quiz;

import java.util.List;
import java.util.Set;

/**
 * One validated question, in the order the quiz file lists it.
 *
 * <p>{@code choices} are the file's choices (for {@code order}, the items in their correct order;
 * for {@code truefalse}, "True" and "False"). Indices in {@code correctChoices} refer to them.
 *
 * @param keepOrder     the file's {@code shuffle: false}: choices are always shown in the file's order,
 *                      even when the game shuffles answers (e.g. "all of the above" must stay last)
 * @param exactSpelling the file's {@code fuzzy: false}: typed answers get no spelling tolerance
 * @param rejected      the file's {@code reject:} list for typed answers: near-misses that are wrong
 *                      even though they are within spelling tolerance of an accepted answer
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
        boolean keepOrder,
        boolean exactSpelling,
        List<String> rejected) {

    public Question {
        choices = List.copyOf(choices);
        correctChoices = Set.copyOf(correctChoices);
        acceptedAnswers = List.copyOf(acceptedAnswers);
        // Absent in quiz snapshots stored before these fields existed.
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** A question with the defaults for the matching fields: shuffled when the game shuffles, fuzzy, no reject list. */
    public Question(QuestionType type, String text, List<String> choices, Set<Integer> correctChoices,
                    List<String> acceptedAnswers, Double correctNumber, double tolerance, int timeSeconds,
                    PointsMode points, String section, String explanation) {
        this(type, text, choices, correctChoices, acceptedAnswers, correctNumber, tolerance, timeSeconds, points,
                section, explanation, false, false, List.of());
    }

    /** The points a correct answer can earn at most, before the streak bonus. */
    public int basePoints() {
        return type.isScored() ? points.basePoints() : 0;
    }
}
