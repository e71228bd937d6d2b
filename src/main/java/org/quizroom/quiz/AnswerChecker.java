package org.quizroom.quiz;

import java.util.HashSet;
import java.util.List;

/**
 * Marks an answer against a question. Choice indices here are the quiz file's own order; the
 * game maps shuffled display indices back before calling.
 */
public final class AnswerChecker {

    private static final double NUMBER_EPSILON = 1e-9;

    private AnswerChecker() {
    }

    public static Verdict check(Question question, Answer answer) {
        return switch (question.type()) {
            case SINGLE, TRUEFALSE -> {
                int index = choice(question, answer);
                yield question.correctChoices().contains(index) ? Verdict.RIGHT : Verdict.WRONG;
            }
            case POLL -> {
                choice(question, answer);
                yield new Verdict(false, 0.0);
            }
            case MULTI -> checkMulti(question, choices(question, answer));
            case ORDER -> checkOrder(question, choices(question, answer));
            case TYPE -> {
                if (!(answer instanceof Answer.Text text)) {
                    throw new InvalidAnswerException("This question needs a typed answer (a string).");
                }
                TextMatcher.Match match = TextMatcher.match(text.value(), question.acceptedAnswers(),
                        question.rejected(), !question.exactSpelling());
                yield match.correct() ? new Verdict(true, 1.0, match.toleratedAs()) : Verdict.WRONG;
            }
            case NUMBER -> {
                if (!(answer instanceof Answer.Numeric numeric) || !Double.isFinite(numeric.value())) {
                    throw new InvalidAnswerException("This question needs a number.");
                }
                yield withinTolerance(question, numeric.value())
                        || numeric.otherReading() != null && withinTolerance(question, numeric.otherReading())
                        ? Verdict.RIGHT : Verdict.WRONG;
            }
        };
    }

    /**
     * The answer as the student meant it for this question: typed text that reads two ways
     * ({@code 1.953}: 1.953 or 1953, {@link NumberReader#reading}) becomes the reading that is right
     * for the question, else its first reading. Every other answer comes back as it is. Call this
     * before storing an answer, so the report and a restore see the number that was marked.
     */
    public static Answer resolve(Question question, Answer answer) {
        if (question.type() != QuestionType.NUMBER || !(answer instanceof Answer.Numeric numeric)
                || numeric.otherReading() == null) {
            return answer;
        }
        boolean otherFits = !withinTolerance(question, numeric.value())
                && withinTolerance(question, numeric.otherReading());
        return new Answer.Numeric(otherFits ? numeric.otherReading() : numeric.value());
    }

    private static boolean withinTolerance(Question question, double value) {
        return Double.isFinite(value)
                && Math.abs(value - question.correctNumber()) <= question.tolerance() + NUMBER_EPSILON;
    }

    /**
     * The folded form typed answers are compared in ({@link TextMatcher#key}): case, accents,
     * letter variants, a leading article, punctuation and spacing do not matter, symbols do:
     * "The Dé-Stalinisation " becomes "destalinisation", "CO₂" becomes "co2", "C++" stays "c++".
     */
    public static String normalise(String text) {
        return TextMatcher.key(text);
    }

    private static int choice(Question question, Answer answer) {
        if (!(answer instanceof Answer.Choice choice)) {
            throw new InvalidAnswerException("This question needs one choice index.");
        }
        checkRange(question, choice.index());
        return choice.index();
    }

    private static List<Integer> choices(Question question, Answer answer) {
        if (!(answer instanceof Answer.Choices choices)) {
            throw new InvalidAnswerException("This question needs an array of choice indices.");
        }
        var seen = new HashSet<Integer>();
        for (int index : choices.indices()) {
            checkRange(question, index);
            if (!seen.add(index)) {
                throw new InvalidAnswerException("Choice " + index + " is listed twice.");
            }
        }
        return choices.indices();
    }

    private static void checkRange(Question question, int index) {
        if (index < 0 || index >= question.choices().size()) {
            throw new InvalidAnswerException(
                    "Choice " + index + " does not exist; pick 0 to " + (question.choices().size() - 1) + ".");
        }
    }

    private static Verdict checkMulti(Question question, List<Integer> picks) {
        if (picks.isEmpty()) {
            throw new InvalidAnswerException("Pick at least one choice.");
        }
        int right = 0;
        int wrong = 0;
        for (int pick : picks) {
            if (question.correctChoices().contains(pick)) {
                right++;
            } else {
                wrong++;
            }
        }
        int needed = question.correctChoices().size();
        double credit = Math.max(0.0, (double) (right - wrong) / needed);
        boolean exact = right == needed && wrong == 0;
        return new Verdict(exact, exact ? 1.0 : credit);
    }

    private static Verdict checkOrder(Question question, List<Integer> order) {
        if (order.size() != question.choices().size()) {
            throw new InvalidAnswerException("Put all " + question.choices().size() + " items in order.");
        }
        for (int position = 0; position < order.size(); position++) {
            if (order.get(position) != position) {
                return Verdict.WRONG;
            }
        }
        return Verdict.RIGHT;
    }
}
