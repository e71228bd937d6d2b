package org.quizroom.quiz.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.quiz.Questions.multi;
import static org.quizroom.quiz.Questions.number;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.trueFalse;
import static org.quizroom.quiz.Questions.typed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizParser;

/** Every lint rule: a small quiz that triggers it and one that does not. */
class QuizLinterTest {

    private static List<LintWarning> warnings(Quiz quiz, String rule) {
        return QuizLinter.lint(quiz).stream().filter(w -> w.rule().equals(rule)).toList();
    }

    private static Question explained(Question q, String explanation) {
        return new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(), q.correctNumber(),
                q.tolerance(), q.timeSeconds(), q.points(), q.section(), explanation, q.keepOrder(), q.exactSpelling(),
                q.rejected());
    }

    private static Question typedWith(String text, List<String> accepted, List<String> rejected, boolean exact) {
        return new Question(QuestionType.TYPE, text, List.of(), java.util.Set.of(), accepted, null, 0, 20,
                PointsMode.STANDARD, "S", "Because.", false, exact, rejected);
    }

    @Test
    void keyPosition() {
        Quiz biased = quiz(single("Q1?", 0, "a", "b", "c"), single("Q2?", 0, "d", "e", "f"),
                single("Q3?", 0, "g", "h", "i"), single("Q4?", 1, "j", "k", "l"));
        List<LintWarning> found = warnings(biased, Rules.KeyPosition.ID);
        assertThat(found).singleElement().satisfies(w -> {
            assertThat(w.questions()).containsExactly(1, 2, 3);
            assertThat(w.severity()).isEqualTo(LintWarning.Severity.WARNING);
            assertThat(w.message()).contains("3 of 4 single questions").contains("choice 1");
            assertThat(w.fix()).isNotBlank();
        });
        Quiz varied = quiz(single("Q1?", 0, "a", "b", "c"), single("Q2?", 1, "d", "e", "f"),
                single("Q3?", 2, "g", "h", "i"), single("Q4?", 1, "j", "k", "l"));
        assertThat(warnings(varied, Rules.KeyPosition.ID)).isEmpty();
        Quiz multis = quiz(multi("M1?", List.of(0, 1), "a", "b", "c"), multi("M2?", List.of(0, 1), "d", "e", "f"),
                multi("M3?", List.of(1, 2), "g", "h", "i"));
        assertThat(warnings(multis, Rules.KeyPosition.ID)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("choice 1 and choice 2"));
    }

    @Test
    void giveAway() {
        Question earlier = explained(single("What did Khrushchev announce at the Party congress?", 1,
                "A purge", "A speech attacking Stalin", "A new five-year plan"),
                "His Secret Speech of 1956 denounced the crimes of Stalin at the Twentieth Party Congress.");
        Question later = number("In what year did Khrushchev give his Secret Speech to the Party Congress?", 1956, 0);
        assertThat(warnings(quiz(earlier, later), Rules.GiveAway.ID)).singleElement().satisfies(w -> {
            assertThat(w.questions()).containsExactly(2, 1);
            assertThat(w.message()).contains("'1956'").contains("explanation");
        });
        Question quiet = explained(earlier, "He attacked the cult of personality in a closed session.");
        assertThat(warnings(quiz(quiet, later), Rules.GiveAway.ID)).isEmpty();
        assertThat(warnings(quiz(later, earlier), Rules.GiveAway.ID)).as("asked first, nothing is given away").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The thaw ended the rivalry for good.", "Tension always fell after 1953.",
            "The USSR never joined the UN.", "Troops left as soon as Stalin died."})
    void absoluteWords(String statement) {
        assertThat(warnings(quiz(trueFalse(statement, false)), Rules.AbsoluteWords.ID)).singleElement()
                .satisfies(w -> assertThat(w.questions()).containsExactly(1));
        assertThat(warnings(quiz(trueFalse("The Korean War armistice was signed in July 1953.", true)),
                Rules.AbsoluteWords.ID)).isEmpty();
    }

    @Test
    void trueFalseBalance() {
        Quiz mostlyFalse = quiz(trueFalse("A.", false), trueFalse("B.", false), trueFalse("C.", false),
                trueFalse("D.", true));
        assertThat(warnings(mostlyFalse, Rules.TrueFalseBalance.ID)).singleElement().satisfies(w -> {
            assertThat(w.questions()).containsExactly(1, 2, 3);
            assertThat(w.message()).contains("3 of 4").contains("false").contains("75%");
        });
        Quiz balanced = quiz(trueFalse("A.", false), trueFalse("B.", true), trueFalse("C.", false),
                trueFalse("D.", true));
        assertThat(warnings(balanced, Rules.TrueFalseBalance.ID)).isEmpty();
    }

    @Test
    void multiKeyCount() {
        Quiz same = quiz(multi("M1?", List.of(0, 1), "a", "b", "c", "d"), multi("M2?", List.of(1, 2), "a", "b", "c", "d"),
                multi("M3?", List.of(2, 3), "a", "b", "c", "d"));
        assertThat(warnings(same, Rules.MultiKeyCount.ID)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("exactly 2"));
        Quiz varied = quiz(multi("M1?", List.of(0, 1), "a", "b", "c", "d"),
                multi("M2?", List.of(1, 2, 3), "a", "b", "c", "d"), multi("M3?", List.of(2, 3), "a", "b", "c", "d"));
        assertThat(warnings(varied, Rules.MultiKeyCount.ID)).isEmpty();
    }

    @Test
    void distractorLength() {
        Question lopsided = single("Why did Khrushchev fall?", 2, "Age", "Illness",
                "Colleagues blamed him for the Cuban climb-down and his erratic farm reforms", "Scandal");
        assertThat(warnings(quiz(lopsided), Rules.DistractorLength.ID)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("longest"));
        Question even = single("Why did Khrushchev fall?", 2, "His health failed in 1964",
                "The army removed him by force", "Colleagues blamed his erratic reforms", "He chose to retire early");
        assertThat(warnings(quiz(even), Rules.DistractorLength.ID)).isEmpty();
    }

    @Test
    void repeatedFact() {
        Question a = single("Which policy let rival systems live side by side?", 0, "Peaceful coexistence", "Rollback",
                "Containment");
        Question b = typed("Name the policy of rival systems living side by side.", "peaceful coexistence", "coexistence");
        Question c = single("Khrushchev's policy for rival systems was called?", 1, "Brinkmanship",
                "Peaceful coexistence", "Detente");
        assertThat(warnings(quiz(a, b, c), Rules.RepeatedFact.ID)).singleElement()
                .satisfies(w -> assertThat(w.questions()).containsExactly(1, 2, 3));
        Question other = single("Which crisis in 1962 brought the world closest to nuclear war?", 0, "Cuba",
                "Suez", "Berlin");
        assertThat(warnings(quiz(a, b, other), Rules.RepeatedFact.ID)).as("twice is allowed").isEmpty();
    }

    @Test
    void singleAcceptedForm() {
        assertThat(warnings(quiz(typed("Who?", "Beria")), Rules.SingleAcceptedForm.ID)).singleElement()
                .satisfies(w -> assertThat(w.severity()).isEqualTo(LintWarning.Severity.WARNING));
        assertThat(warnings(quiz(typed("Who?", "Beria", "Lavrentiy Beria")), Rules.SingleAcceptedForm.ID)).isEmpty();
        assertThat(warnings(quiz(typedWith("Spell it.", List.of("Beria"), List.of(), true)), Rules.SingleAcceptedForm.ID))
                .as("a spelling test").singleElement()
                .satisfies(w -> assertThat(w.severity()).isEqualTo(LintWarning.Severity.INFO));
    }

    @Test
    void unpinnedNumber() {
        assertThat(warnings(quiz(number("In what year was the Geneva summit?", 1955, 0)), Rules.UnpinnedNumber.ID))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("summit"));
        assertThat(warnings(quiz(number("In what year did it end?", 1953, 0)), Rules.UnpinnedNumber.ID)).hasSize(1);
        assertThat(warnings(quiz(number("In what year did Eisenhower meet Bulganin and Khrushchev at a Geneva summit?",
                1955, 0)), Rules.UnpinnedNumber.ID)).isEmpty();
    }

    @Test
    void symbolOnlyDifference() {
        assertThat(warnings(quiz(typed("Language?", "C++", "C")), Rules.SymbolOnlyDifference.ID)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("'C++' and 'C'"));
        assertThat(warnings(quiz(typed("Language?", "C++", "CPP")), Rules.SymbolOnlyDifference.ID)).isEmpty();
    }

    @Test
    void toleranceClash() {
        Question leadership = typed("What was shared rule after 1953 called?", "collective leadership", "collective rule");
        Question farms = typed("What was forcing peasants onto state farms called?", "collectivisation", "collectivization");
        Question rival = typed("Shared rule by several leaders?", "collective leadershipp", "collective");
        assertThat(warnings(quiz(leadership, farms), Rules.ToleranceClash.ID)).isEmpty();
        assertThat(warnings(quiz(leadership, rival), Rules.ToleranceClash.ID)).isNotEmpty()
                .allSatisfy(w -> assertThat(w.fix()).contains("reject"));
        Question rejecting = typedWith("What was shared rule after 1953 called?",
                List.of("collective leadership", "collective rule"), List.of("collective leadershipp", "collective"), false);
        assertThat(warnings(quiz(rejecting, rival), Rules.ToleranceClash.ID).stream()
                .filter(w -> w.questions().get(0) == 1).toList())
                .allSatisfy(w -> assertThat(w.severity()).isEqualTo(LintWarning.Severity.INFO))
                .as("the near-miss within tolerance is worth a note").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"post-stalin-transition.yaml", "warm-up.yaml"})
    void theBundledQuizzesHaveNothingAboveInfo(String file) throws Exception {
        String text = Files.readString(Path.of("quizzes", file));
        Quiz quiz = ((QuizParser.Parsed) QuizParser.parse(file, file, text)).quiz();
        List<LintWarning> warnings = QuizLinter.lint(quiz);
        assertThat(QuizLinter.hasWarnings(warnings)).as("%s", warnings).isFalse();
    }

    @Test
    void theCommandLineExitsNonZeroOnWarningsAndTwoOnLoadErrors(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                title: Bad
                questions:
                  - type: truefalse
                    text: The rivalry ended for good in 1955.
                    answer: false
                    section: S
                    explanation: It did not.
                """);
        var out = new java.io.ByteArrayOutputStream();
        int code = LintCommand.run(List.of(bad.toString()), new java.io.PrintStream(out, true, "UTF-8"));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString("UTF-8")).contains("question 1 [warning] absolute-words").contains("Fix:");
        Files.writeString(bad, "title: Bad\nquestions: []\n");
        assertThat(LintCommand.run(List.of(bad.toString()), new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .isEqualTo(2);
        Path fine = Path.of("quizzes", "warm-up.yaml");
        assertThat(LintCommand.run(List.of(fine.toString()), new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .isZero();
    }
}
