package org.quizroom.quiz.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.quizroom.quiz.Quiz;

/**
 * Reads a quiz that loads and reports, per question, what lets a class score without knowing the
 * material (DESIGN.md "Quiz authoring: Linter"; the rules come from an examiner's review, issue 11).
 * The rules and their thresholds are listed in docs/quiz-format.md ("Linter"). Used by the
 * dashboard, {@code GET /api/quizzes/{id}/lint}, the editor and {@code java -jar quizroom.jar lint FILE}.
 */
public final class QuizLinter {

    private static final List<LintRule> RULES = List.of(
            new Rules.KeyPosition(),
            new Rules.GiveAway(),
            new Rules.AbsoluteWords(),
            new Rules.TrueFalseBalance(),
            new Rules.MultiKeyCount(),
            new Rules.DistractorLength(),
            new Rules.RepeatedFact(),
            new Rules.SingleAcceptedForm(),
            new Rules.UnpinnedNumber(),
            new Rules.SymbolOnlyDifference(),
            new Rules.ToleranceClash());

    private QuizLinter() {
    }

    /**
     * Every warning for {@code quiz}, ordered by the first question concerned, then rule.
     * Never throws for a quiz the parser accepted; an empty list means nothing to act on.
     */
    public static List<LintWarning> lint(Quiz quiz) {
        var all = new ArrayList<LintWarning>();
        for (LintRule rule : RULES) {
            all.addAll(rule.check(quiz));
        }
        all.sort(Comparator.comparing((LintWarning w) -> w.questions().isEmpty() ? 0 : w.questions().get(0))
                .thenComparing(LintWarning::rule));
        return List.copyOf(all);
    }

    /** Whether any warning is above {@link LintWarning.Severity#INFO}: the command line then exits non-zero. */
    public static boolean hasWarnings(List<LintWarning> warnings) {
        return warnings.stream().anyMatch(w -> w.severity() != LintWarning.Severity.INFO);
    }
}
