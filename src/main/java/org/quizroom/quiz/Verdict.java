package org.quizroom.quiz;

/**
 * How good an answer is: {@code correct} only for a fully right answer; {@code credit} is the
 * share of the points earned (partial for {@code multi}, 0 for polls). {@code toleratedAs} is the
 * accepted answer a typed answer was matched to when a spelling slip was forgiven, else null.
 */
public record Verdict(boolean correct, double credit, String toleratedAs) {

    public static final Verdict RIGHT = new Verdict(true, 1.0);
    public static final Verdict WRONG = new Verdict(false, 0.0);

    public Verdict(boolean correct, double credit) {
        this(correct, credit, null);
    }
}
