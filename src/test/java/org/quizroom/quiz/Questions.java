package org.quizroom.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Small builders for questions and quizzes in tests (20 s, standard points unless said). */
public final class Questions {

    public static final int DEFAULT_SECONDS = 20;

    private Questions() {
    }

    public static Question single(String text, int correct, String... choices) {
        return question(QuestionType.SINGLE, text, List.of(choices), Set.of(correct));
    }

    public static Question multi(String text, List<Integer> correct, String... choices) {
        return question(QuestionType.MULTI, text, List.of(choices), new HashSet<>(correct));
    }

    public static Question trueFalse(String text, boolean answer) {
        return question(QuestionType.TRUEFALSE, text, List.of("True", "False"), Set.of(answer ? 0 : 1));
    }

    public static Question typed(String text, String... accepted) {
        return new Question(QuestionType.TYPE, text, List.of(), Set.of(), List.of(accepted), null, 0,
                DEFAULT_SECONDS, PointsMode.STANDARD, "Section", "Because.");
    }

    public static Question number(String text, double answer, double tolerance) {
        return new Question(QuestionType.NUMBER, text, List.of(), Set.of(), List.of(), answer, tolerance,
                DEFAULT_SECONDS, PointsMode.STANDARD, "Section", "Because.");
    }

    /** Items listed in their correct order. */
    public static Question order(String text, String... itemsInOrder) {
        var all = new HashSet<Integer>();
        IntStream.range(0, itemsInOrder.length).forEach(all::add);
        return question(QuestionType.ORDER, text, List.of(itemsInOrder), all);
    }

    public static Question poll(String text, String... choices) {
        return new Question(QuestionType.POLL, text, List.of(choices), Set.of(), List.of(), null, 0,
                DEFAULT_SECONDS, PointsMode.NONE, "Section", "");
    }

    public static Question withTime(Question q, int seconds) {
        return new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(),
                q.correctNumber(), q.tolerance(), seconds, q.points(), q.section(), q.explanation());
    }

    public static Question withPoints(Question q, PointsMode points) {
        return new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(),
                q.correctNumber(), q.tolerance(), q.timeSeconds(), points, q.section(), q.explanation());
    }

    public static Question withSection(Question q, String section) {
        return new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(),
                q.correctNumber(), q.tolerance(), q.timeSeconds(), q.points(), section, q.explanation());
    }

    public static Quiz quiz(Question... questions) {
        return new Quiz("test", "Test quiz", "", List.of(questions));
    }

    /** n single-choice questions whose correct answer is choice 0 ("right"). */
    public static Quiz singles(int n) {
        var list = new ArrayList<Question>();
        for (int i = 0; i < n; i++) {
            list.add(single("Question " + (i + 1) + "?", 0, "right", "wrong", "other", "none"));
        }
        return new Quiz("test", "Test quiz", "", list);
    }

    private static Question question(QuestionType type, String text, List<String> choices, Set<Integer> correct) {
        return new Question(type, text, choices, correct, List.of(), null, 0, DEFAULT_SECONDS,
                type == QuestionType.POLL ? PointsMode.NONE : PointsMode.STANDARD, "Section", "Because.");
    }
}
