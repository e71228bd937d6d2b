package org.quizroom.quiz.lint;

import java.util.List;

/**
 * One thing a teacher can act on in a quiz that loads fine.
 *
 * @param questions the 1-based question numbers concerned, in file order (the first is the one to look at)
 * @param rule      the rule's id, e.g. {@code key-position} (docs/quiz-format.md lists them)
 * @param severity  {@link Severity#WARNING} for what lets a class score without knowing the material,
 *                  {@link Severity#INFO} for what is worth a look
 * @param message   what was found, naming the text at fault
 * @param fix       a suggested fix
 */
public record LintWarning(List<Integer> questions, String rule, Severity severity, String message, String fix) {

    public LintWarning {
        questions = List.copyOf(questions);
    }

    /** How much a warning matters; the command line fails on anything above {@link #INFO}. */
    public enum Severity {
        INFO, WARNING;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line for a terminal, e.g. {@code question 4 [warning] absolute-words: ... Fix: ...}. */
    @Override
    public String toString() {
        String where = questions.size() == 1 ? "question " + questions.get(0)
                : "questions " + String.join(", ", questions.stream().map(String::valueOf).toList());
        return where + " [" + severity.wireName() + "] " + rule + ": " + message + " Fix: " + fix;
    }
}
