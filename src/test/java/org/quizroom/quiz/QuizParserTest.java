package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuizParserTest {

    private static final String FILE = "history.yaml";

    private static Quiz parsed(String yaml) {
        QuizParser.Result result = QuizParser.parse("history", FILE, yaml);
        assertThat(result).as("problems: %s", result instanceof QuizParser.Failed f ? f.problems() : "")
                .isInstanceOf(QuizParser.Parsed.class);
        return ((QuizParser.Parsed) result).quiz();
    }

    private static List<QuizProblem> problems(String yaml) {
        QuizParser.Result result = QuizParser.parse("history", FILE, yaml);
        assertThat(result).isInstanceOf(QuizParser.Failed.class);
        List<QuizProblem> problems = ((QuizParser.Failed) result).problems();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
        return problems;
    }

    /** A file with one valid single question first, then {@code question} as question 2. */
    private static String secondQuestion(String question) {
        return """
                title: Test
                questions:
                  - type: single
                    text: Fine question?
                    choices: [A, B]
                    answer: A
                    section: S
                    explanation: Because.
                """ + question.indent(2);
    }

    private static void assertOnlyProblem(String yaml, int question, String field, String messagePart) {
        List<QuizProblem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        QuizProblem p = problems.get(0);
        assertThat(p.question()).isEqualTo(question);
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.message()).contains(messagePart);
        assertThat(p.toString()).contains(FILE).contains("question " + question).contains("'" + field + "'");
    }

    private static final String EVERY_TYPE = """
            title: Every type
            description: One question of each kind.
            questions:
              - type: single
                text: Who led the USSR after the power struggle?
                choices: [Malenkov, Khrushchev, Beria]
                answer: Khrushchev
                section: Leadership
                explanation: Khrushchev won the struggle.
              - type: multi
                text: Which two are superpowers?
                choices: [USA, USSR, France, Spain]
                answers: [USA, USSR]
                time: 30
                points: double
                section: Cold War
                explanation: The two blocs.
              - type: truefalse
                text: Stalin died in 1960.
                answer: false
                time: 5
                section: Leadership
                explanation: He died in 1953.
              - type: type
                text: Name the campaign against Stalin's legacy.
                answers: [de-Stalinisation, destalinization]
                section: Leadership
                explanation: De-Stalinisation.
              - type: number
                text: In which year was the U-2 shot down?
                answer: 1960
                tolerance: 1
                time: 240
                points: none
                section: FAQ
                explanation: 1960.
              - type: order
                text: Put these in order, earliest first.
                items: [Stalin dies, Secret Speech, Cuban Missile Crisis]
                section: Crises
                explanation: 1953, 1956, 1962.
              - type: poll
                text: How did you find this?
                choices: [Easy, Hard]
                section: Practice
            """;

    @Test
    void aValidFileOfEveryTypeIsParsedWithItsFieldsAndDefaults() {
        Quiz quiz = parsed(EVERY_TYPE);
        assertThat(quiz.id()).isEqualTo("history");
        assertThat(quiz.title()).isEqualTo("Every type");
        assertThat(quiz.description()).isEqualTo("One question of each kind.");
        assertThat(quiz.questions()).extracting(Question::type).containsExactly(QuestionType.values());

        Question single = quiz.questions().get(0);
        assertThat(single.choices()).containsExactly("Malenkov", "Khrushchev", "Beria");
        assertThat(single.correctChoices()).containsExactly(1);
        assertThat(single.timeSeconds()).isEqualTo(20);
        assertThat(single.points()).isEqualTo(PointsMode.STANDARD);
        assertThat(single.section()).isEqualTo("Leadership");
        assertThat(single.explanation()).isEqualTo("Khrushchev won the struggle.");

        Question multi = quiz.questions().get(1);
        assertThat(multi.correctChoices()).containsExactlyInAnyOrder(0, 1);
        assertThat(multi.timeSeconds()).isEqualTo(30);
        assertThat(multi.points()).isEqualTo(PointsMode.DOUBLE);
        assertThat(multi.basePoints()).isEqualTo(2000);

        Question tf = quiz.questions().get(2);
        assertThat(tf.choices()).containsExactly("True", "False");
        assertThat(tf.correctChoices()).containsExactly(1);
        assertThat(tf.timeSeconds()).isEqualTo(5);

        Question typed = quiz.questions().get(3);
        assertThat(typed.acceptedAnswers()).containsExactly("de-Stalinisation", "destalinization");
        assertThat(typed.choices()).isEmpty();

        Question number = quiz.questions().get(4);
        assertThat(number.correctNumber()).isEqualTo(1960.0);
        assertThat(number.tolerance()).isEqualTo(1.0);
        assertThat(number.timeSeconds()).isEqualTo(240);
        assertThat(number.points()).isEqualTo(PointsMode.NONE);
        assertThat(number.basePoints()).isZero();

        Question order = quiz.questions().get(5);
        assertThat(order.choices()).containsExactly("Stalin dies", "Secret Speech", "Cuban Missile Crisis");
        assertThat(order.correctChoices()).containsExactlyInAnyOrder(0, 1, 2);

        Question poll = quiz.questions().get(6);
        assertThat(poll.choices()).containsExactly("Easy", "Hard");
        assertThat(poll.correctChoices()).isEmpty();
        assertThat(poll.points()).isEqualTo(PointsMode.NONE);
        assertThat(poll.explanation()).isEmpty();

        assertThat(quiz.sections()).containsExactly("Leadership", "Cold War", "FAQ", "Crises", "Practice");
    }

    @Test
    void aPollIsNeverWorthPointsWhateverItSays() {
        Quiz quiz = parsed("""
                title: T
                questions:
                  - type: poll
                    text: Vote
                    choices: [A, B]
                    points: double
                    section: S
                """);
        assertThat(quiz.questions().get(0).points()).isEqualTo(PointsMode.NONE);
        assertThat(quiz.questions().get(0).basePoints()).isZero();
    }

    @Test
    void yesNoOnOffAndDatesInTextFieldsStayAsWritten() {
        Quiz quiz = parsed("""
                title: Off
                questions:
                  - type: poll
                    text: Did you enjoy it?
                    choices: [Yes, No, Off, 1953-03-05, "007"]
                    section: No
                  - type: single
                    text: Is it?
                    choices: [Yes, No]
                    answer: No
                    section: S
                    explanation: No.
                  - type: type
                    text: Opposite of yes?
                    answers: [no, nope]
                    section: S
                    explanation: No.
                """);
        assertThat(quiz.title()).isEqualTo("Off");
        assertThat(quiz.questions().get(0).choices()).containsExactly("Yes", "No", "Off", "1953-03-05", "007");
        assertThat(quiz.questions().get(0).section()).isEqualTo("No");
        assertThat(quiz.questions().get(1).choices()).containsExactly("Yes", "No");
        assertThat(quiz.questions().get(1).correctChoices()).containsExactly(1);
        assertThat(quiz.questions().get(2).acceptedAnswers()).containsExactly("no", "nope");
    }

    @Test
    void numbersWrittenWithoutQuotesCanBeChoicesAndAnswers() {
        Quiz quiz = parsed("""
                title: Years
                questions:
                  - type: single
                    text: When did Stalin die?
                    choices: [1953, 1956, 1962]
                    answer: 1953
                    section: S
                    explanation: March 1953.
                  - type: number
                    text: Half of three?
                    answer: 1.5
                    tolerance: 0.25
                    section: S
                    explanation: Maths.
                  - type: number
                    text: Below zero?
                    answer: -40
                    section: S
                    explanation: Cold.
                """);
        assertThat(quiz.questions().get(0).choices()).containsExactly("1953", "1956", "1962");
        assertThat(quiz.questions().get(0).correctChoices()).containsExactly(0);
        assertThat(quiz.questions().get(1).correctNumber()).isEqualTo(1.5);
        assertThat(quiz.questions().get(1).tolerance()).isEqualTo(0.25);
        assertThat(quiz.questions().get(2).correctNumber()).isEqualTo(-40.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "yes", "Yes"})
    void trueFalseAcceptsTrueAndYes(String written) {
        Quiz quiz = parsed("""
                title: T
                questions:
                  - type: truefalse
                    text: Sky is blue.
                    answer: %s
                    section: S
                    explanation: E
                """.formatted(written));
        assertThat(quiz.questions().get(0).correctChoices()).containsExactly(0);
    }

    @Test
    void trueFalseAnswerMustBeTrueOrFalse() {
        assertOnlyProblem(secondQuestion("""
                - type: truefalse
                  text: Sky is blue.
                  answer: maybe
                  section: S
                  explanation: E
                """), 2, "answer", "true or false");
    }

    // ------------------------------------------------------------------ broken fields

    @Test
    void missingTextIsReportedWithFileQuestionAndField() {
        assertOnlyProblem(secondQuestion("""
                - type: single
                  choices: [A, B]
                  answer: A
                  section: S
                  explanation: E
                """), 2, "text", "required");
    }

    @Test
    void unknownTypeIsReportedWithTheTypesAllowed() {
        assertOnlyProblem(secondQuestion("""
                - type: essay
                  text: Discuss.
                  section: S
                  explanation: E
                """), 2, "type", "'essay' is not a question type");
    }

    @Test
    void missingTypeIsReported() {
        assertOnlyProblem(secondQuestion("""
                - text: Discuss.
                  section: S
                  explanation: E
                """), 2, "type", "required");
    }

    @Test
    void answerNotAmongTheChoicesIsReported() {
        assertOnlyProblem(secondQuestion("""
                - type: single
                  text: Who?
                  choices: [Malenkov, Khrushchev]
                  answer: Kruschev
                  section: S
                  explanation: E
                """), 2, "answer", "'Kruschev' is not one of the choices");
    }

    @Test
    void multiAnswerNotAmongTheChoicesIsReported() {
        assertOnlyProblem(secondQuestion("""
                - type: multi
                  text: Which?
                  choices: [A, B, C, E]
                  answers: [A, B, D]
                  section: S
                  explanation: E
                """), 2, "answers", "'D' is not one of the choices");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[A]", "[A, B, C, D, E, F, G]"})
    void oneOrSevenChoicesAreReported(String choices) {
        assertOnlyProblem(secondQuestion("""
                - type: single
                  text: Which?
                  choices: %s
                  answer: A
                  section: S
                  explanation: E
                """.formatted(choices)), 2, "choices", "2 to 6 entries");
    }

    @Test
    void twoAndSixChoicesAreFine() {
        parsed(secondQuestion("""
                - type: single
                  text: Which?
                  choices: [A, B, C, D, E, F]
                  answer: F
                  section: S
                  explanation: E
                """));
    }

    @Test
    void multiMarkingEveryChoiceCorrectIsReported() {
        assertOnlyProblem(secondQuestion("""
                - type: multi
                  text: Which?
                  choices: [A, B, C]
                  answers: [A, B, C]
                  section: S
                  explanation: E
                """), 2, "answers", "every choice");
    }

    @Test
    void multiNeedsAtLeastTwoCorrectChoices() {
        assertOnlyProblem(secondQuestion("""
                - type: multi
                  text: Which?
                  choices: [A, B, C]
                  answers: [A]
                  section: S
                  explanation: E
                """), 2, "answers", "at least two");
    }

    @Test
    void orderNeedsThreeToSixItems() {
        assertOnlyProblem(secondQuestion("""
                - type: order
                  text: Sort
                  items: [A, B]
                  section: S
                  explanation: E
                """), 2, "items", "3 to 6");
    }

    @Test
    void duplicateOrEmptyChoicesAreReported() {
        assertOnlyProblem(secondQuestion("""
                - type: poll
                  text: Vote
                  choices: [A, B, A]
                  section: S
                """), 2, "choices", "appears twice");
        assertOnlyProblem(secondQuestion("""
                - type: poll
                  text: Vote
                  choices: [A, "  "]
                  section: S
                """), 2, "choices", "non-empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "241", "0", "-5", "fast", "20.5"})
    void timeOutOfRangeOrNotWholeSecondsIsReported(String time) {
        assertOnlyProblem(secondQuestion("""
                - type: truefalse
                  text: Sky is blue.
                  answer: true
                  time: %s
                  section: S
                  explanation: E
                """.formatted(time)), 2, "time", "from 5 to 240");
    }

    @Test
    void unknownPointsModeIsReported() {
        assertOnlyProblem(secondQuestion("""
                - type: truefalse
                  text: Sky is blue.
                  answer: true
                  points: triple
                  section: S
                  explanation: E
                """), 2, "points", "standard, double or none");
    }

    @Test
    void unknownFieldIsReportedByName() {
        assertOnlyProblem(secondQuestion("""
                - type: truefalse
                  text: Sky is blue.
                  answer: true
                  colour: red
                  section: S
                  explanation: E
                """), 2, "colour", "not a field here");
    }

    @Test
    void aFieldOfAnotherTypeIsUnknownHere() {
        assertOnlyProblem(secondQuestion("""
                - type: single
                  text: Which?
                  choices: [A, B]
                  answer: A
                  tolerance: 2
                  section: S
                  explanation: E
                """), 2, "tolerance", "not a field here");
    }

    @Test
    void missingSectionAndExplanationAreReported() {
        List<QuizProblem> problems = problems(secondQuestion("""
                - type: truefalse
                  text: Sky is blue.
                  answer: true
                """));
        assertThat(problems).extracting(QuizProblem::question, QuizProblem::field)
                .containsExactlyInAnyOrder(tuple(2, "section"),
                        tuple(2, "explanation"));
    }

    @Test
    void numberProblemsAreReported() {
        assertOnlyProblem(secondQuestion("""
                - type: number
                  text: Year?
                  answer: nineteen
                  section: S
                  explanation: E
                """), 2, "answer", "must be a number");
        assertOnlyProblem(secondQuestion("""
                - type: number
                  text: Year?
                  answer: 1953
                  tolerance: -1
                  section: S
                  explanation: E
                """), 2, "tolerance", "negative");
    }

    @Test
    void typedAnswersNeedLettersOrDigits() {
        assertOnlyProblem(secondQuestion("""
                - type: type
                  text: Word?
                  answers: [ok, "--"]
                  section: S
                  explanation: E
                """), 2, "answers", "letters or digits");
    }

    @Test
    void everyProblemInTheFileIsReportedInOnePassWithOneBasedNumbers() {
        List<QuizProblem> problems = problems("""
                title: Test
                questions:
                  - type: single
                    choices: [A, B]
                    answer: A
                    section: S
                    explanation: E
                  - type: truefalse
                    text: OK.
                    answer: true
                    section: S
                    explanation: E
                  - type: multi
                    text: Which?
                    choices: [A, B]
                    answers: [A, B]
                    time: 1
                    section: S
                    explanation: E
                """);
        assertThat(problems).extracting(QuizProblem::question, QuizProblem::field).containsExactlyInAnyOrder(
                tuple(1, "text"),
                tuple(3, "time"),
                tuple(3, "answers"));
    }

    @Test
    void missingTitleAndQuestionsAreReportedOutsideAnyQuestion() {
        List<QuizProblem> problems = problems("description: nothing here\n");
        assertThat(problems).extracting(QuizProblem::question, QuizProblem::field).containsExactlyInAnyOrder(
                tuple(null, "title"),
                tuple(null, "questions"));
    }

    @Test
    void anEmptyQuestionListIsReported() {
        assertThat(problems("title: T\nquestions: []\n")).extracting(QuizProblem::field).containsExactly("questions");
    }

    @Test
    void aQuestionThatIsNotAMappingIsReported() {
        List<QuizProblem> problems = problems("title: T\nquestions:\n  - just text\n");
        assertThat(problems).extracting(QuizProblem::question).containsExactly(1);
    }

    @Test
    void unknownTopLevelFieldIsReported() {
        List<QuizProblem> problems = problems(EVERY_TYPE + "author: me\n");
        assertThat(problems).extracting(QuizProblem::question, QuizProblem::field)
                .containsExactly(tuple(null, "author"));
    }

    @Test
    void badYamlSyntaxIsReportedWithWhereItWentWrong() {
        List<QuizProblem> problems = problems("""
                title: Test
                questions:
                  - type: single
                    text: "unclosed
                    choices: [A, B
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).question()).isNull();
        assertThat(problems.get(0).message()).startsWith("not valid YAML").contains("line");
    }

    @Test
    void aDuplicatedFieldIsReportedInsteadOfSilentlyTakingTheLastOne() {
        List<QuizProblem> problems = problems(secondQuestion("""
                - type: single
                  text: First wording?
                  text: Second wording?
                  choices: [A, B]
                  answer: A
                  section: S
                  explanation: E
                """));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("duplicate").contains("text");
    }

    @Test
    void aFileThatIsNotAMappingIsReported() {
        assertThat(problems("- a\n- b\n").get(0).message()).contains("must be a mapping");
        assertThat(problems("").get(0).message()).contains("must be a mapping");
    }

    @Test
    void problemToStringNamesFileQuestionAndField() {
        assertThat(new QuizProblem("a.yaml", 3, "time", "too long").toString())
                .isEqualTo("a.yaml, question 3, field 'time': too long");
        assertThat(new QuizProblem("a.yaml", null, null, "broken").toString()).isEqualTo("a.yaml: broken");
    }

    @Test
    void questionTypeAndPointsWireNamesRoundTrip() {
        for (QuestionType type : QuestionType.values()) {
            assertThat(QuestionType.fromWireName(type.wireName())).isEqualTo(type);
        }
        for (PointsMode mode : PointsMode.values()) {
            assertThat(PointsMode.fromWireName(mode.wireName())).isEqualTo(mode);
        }
        assertThat(QuestionType.fromWireName("SINGLE")).isNull();
        assertThat(Set.of(PointsMode.STANDARD.basePoints(), PointsMode.DOUBLE.basePoints(), PointsMode.NONE.basePoints()))
                .containsExactlyInAnyOrder(1000, 2000, 0);
    }

    @Test
    void shuffleFuzzyAndRejectAreReadAndDefaultToShuffledFuzzyNoRejects() {
        Quiz quiz = parsed(secondQuestion("""
                - type: type
                  text: Name the policy.
                  answers: [collective leadership]
                  reject: [collectivisation]
                  fuzzy: false
                  section: S
                  explanation: Because.
                - type: single
                  text: Pick one.
                  choices: [A, B, All of the above]
                  answer: All of the above
                  shuffle: false
                  section: S
                  explanation: Because.
                """));
        Question first = quiz.questions().get(0);
        assertThat(first.keepOrder()).isFalse();
        assertThat(first.exactSpelling()).isFalse();
        assertThat(first.rejected()).isEmpty();
        Question typed = quiz.questions().get(1);
        assertThat(typed.exactSpelling()).isTrue();
        assertThat(typed.rejected()).containsExactly("collectivisation");
        assertThat(quiz.questions().get(2).keepOrder()).isTrue();
    }

    @Test
    void aRejectThatReadsLikeAnAcceptedAnswerIsAContradiction() {
        assertOnlyProblem(secondQuestion("""
                - type: type
                  text: Name him.
                  answers: [Lech Wałęsa]
                  reject: [lech walesa]
                  section: S
                  explanation: Because.
                """), 2, "reject", "reads the same as the accepted answer 'Lech Wałęsa'");
    }

    @Test
    void matchingFieldsOnlyWhereTheyMeanSomethingAndOnlyAsBooleans() {
        assertOnlyProblem(secondQuestion("""
                - type: truefalse
                  text: True?
                  answer: true
                  shuffle: false
                  section: S
                  explanation: Because.
                """), 2, "shuffle", "is not a field here");
        assertOnlyProblem(secondQuestion("""
                - type: type
                  text: Name him.
                  answers: [Beria]
                  fuzzy: sometimes
                  section: S
                  explanation: Because.
                """), 2, "fuzzy", "must be true or false");
    }
}
