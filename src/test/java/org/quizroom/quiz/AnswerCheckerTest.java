package org.quizroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.quizroom.quiz.Questions.multi;
import static org.quizroom.quiz.Questions.number;
import static org.quizroom.quiz.Questions.order;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.trueFalse;
import static org.quizroom.quiz.Questions.typed;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerCheckerTest {

    private static Answer choice(int i) {
        return new Answer.Choice(i);
    }

    private static Answer picks(Integer... indices) {
        return new Answer.Choices(List.of(indices));
    }

    private static Answer text(String s) {
        return new Answer.Text(s);
    }

    private static Answer num(double d) {
        return new Answer.Numeric(d);
    }

    @Nested
    class SingleAndTrueFalse {
        private final Question capital = single("Capital of France?", 1, "Lyon", "Paris", "Nice");

        @Test
        void theCorrectChoiceIsRightAndTheOthersWrong() {
            assertThat(AnswerChecker.check(capital, choice(1))).isEqualTo(Verdict.RIGHT);
            assertThat(AnswerChecker.check(capital, choice(0))).isEqualTo(Verdict.WRONG);
            assertThat(AnswerChecker.check(capital, choice(2))).isEqualTo(Verdict.WRONG);
        }

        @Test
        void trueFalseUsesZeroForTrueAndOneForFalse() {
            Question q = trueFalse("Water is wet.", true);
            assertThat(AnswerChecker.check(q, choice(0)).correct()).isTrue();
            assertThat(AnswerChecker.check(q, choice(1)).correct()).isFalse();
            Question f = trueFalse("The moon is cheese.", false);
            assertThat(AnswerChecker.check(f, choice(1)).correct()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 3, 99})
        void aChoiceOutsideTheListIsInvalid(int index) {
            assertThatThrownBy(() -> AnswerChecker.check(capital, choice(index)))
                    .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("does not exist");
        }

        @Test
        void anythingButOneIndexIsInvalid() {
            assertThatThrownBy(() -> AnswerChecker.check(capital, picks(1))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(capital, text("Paris"))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(capital, num(1))).isInstanceOf(InvalidAnswerException.class);
        }
    }

    @Nested
    class Multi {
        // correct: 0, 1, 2 of five
        private final Question q = multi("Pick the primes", List.of(0, 1, 2), "2", "3", "5", "4", "6");

        @Test
        void theExactSetIsCorrectWithFullCreditInAnyOrder() {
            assertThat(AnswerChecker.check(q, picks(2, 0, 1))).isEqualTo(new Verdict(true, 1.0));
        }

        @Test
        void aSubsetEarnsItsShareButIsNotCorrect() {
            Verdict v = AnswerChecker.check(q, picks(0, 1));
            assertThat(v.correct()).isFalse();
            assertThat(v.credit()).isCloseTo(2.0 / 3, offset(1e-9));
        }

        @Test
        void wrongPicksCancelRightOnes() {
            assertThat(AnswerChecker.check(q, picks(0, 1, 2, 3)).credit())
                    .isCloseTo(2.0 / 3, offset(1e-9));
            assertThat(AnswerChecker.check(q, picks(0, 1, 2, 3)).correct()).isFalse();
            assertThat(AnswerChecker.check(q, picks(0, 3)).credit()).isZero();
        }

        @Test
        void creditNeverGoesBelowZero() {
            assertThat(AnswerChecker.check(q, picks(3, 4)).credit()).isZero();
            assertThat(AnswerChecker.check(q, picks(0, 3, 4)).credit()).isZero();
        }

        @Test
        void emptyDuplicateOrOutOfRangePicksAreInvalid() {
            assertThatThrownBy(() -> AnswerChecker.check(q, picks())).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0, 0))).isInstanceOf(InvalidAnswerException.class)
                    .hasMessageContaining("twice");
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0, 5))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(q, choice(0))).isInstanceOf(InvalidAnswerException.class);
        }
    }

    @Nested
    class Order {
        private final Question q = order("Oldest first", "1953", "1956", "1962");

        @Test
        void onlyTheExactOrderIsRight() {
            assertThat(AnswerChecker.check(q, picks(0, 1, 2))).isEqualTo(Verdict.RIGHT);
            assertThat(AnswerChecker.check(q, picks(0, 2, 1))).isEqualTo(Verdict.WRONG);
            assertThat(AnswerChecker.check(q, picks(2, 1, 0))).isEqualTo(Verdict.WRONG);
        }

        @Test
        void everyItemMustBePlacedExactlyOnce() {
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0, 1))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0, 1, 1))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0, 1, 2, 3))).isInstanceOf(InvalidAnswerException.class);
        }
    }

    @Nested
    class Typed {
        private final Question q = typed("Khrushchev's campaign?", "de-Stalinisation", "destalinization");

        @ParameterizedTest
        @ValueSource(strings = {"de-Stalinisation", "DESTALINISATION", "De Stalinisation", "  destalinisation  ",
                "Dé-Stalinisation", "de.stalinisation!", "destalinization", "DE-STALINIZATION"})
        void caseAccentSpaceAndPunctuationDoNotMatter(String given) {
            assertThat(AnswerChecker.check(q, text(given)).correct()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"stalinism", "Stalin", "", "   ", "---"})
        void otherWordsAndEmptyAnswersAreWrong(String given) {
            assertThat(AnswerChecker.check(q, text(given))).isEqualTo(Verdict.WRONG);
        }

        @Test
        void aForgivenSlipIsRightAndNamesTheAcceptedForm() {
            assertThat(AnswerChecker.check(q, text("de-Stalinisations")))
                    .isEqualTo(new Verdict(true, 1.0, "de-Stalinisation"));
        }

        @Test
        void fuzzyFalseAndRejectListsAreHonoured() {
            Question strict = new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(),
                    null, 0, 20, PointsMode.STANDARD, "S", "E", false, true, List.of());
            assertThat(AnswerChecker.check(strict, text("de-Stalinisations"))).isEqualTo(Verdict.WRONG);
            assertThat(AnswerChecker.check(strict, text("DE-STALINISATION"))).isEqualTo(Verdict.RIGHT);
            Question rejecting = new Question(q.type(), q.text(), q.choices(), q.correctChoices(), q.acceptedAnswers(),
                    null, 0, 20, PointsMode.STANDARD, "S", "E", false, false, List.of("stalinisation"));
            assertThat(AnswerChecker.check(rejecting, text("Stalinisation"))).isEqualTo(Verdict.WRONG);
        }

        @Test
        void normaliseFoldsCaseAccentsAndPunctuationButKeepsSymbols() {
            assertThat(AnswerChecker.normalise("The Dé-Stalinisation ")).isEqualTo("destalinisation");
            assertThat(AnswerChecker.normalise("CO₂ 2")).isEqualTo("co22");
            assertThat(AnswerChecker.normalise("C++")).isEqualTo("c++");
        }

        @Test
        void aNonTextAnswerIsInvalid() {
            assertThatThrownBy(() -> AnswerChecker.check(q, choice(0))).isInstanceOf(InvalidAnswerException.class);
        }
    }

    @Nested
    class Numbers {
        private final Question year = number("Stalin died in?", 1953, 0);
        private final Question roughly = number("Pi to one decimal?", 3.1, 0.05);

        @Test
        void exactValueIsRightNeighbourWrongWithoutTolerance() {
            assertThat(AnswerChecker.check(year, num(1953)).correct()).isTrue();
            assertThat(AnswerChecker.check(year, num(1954)).correct()).isFalse();
            assertThat(AnswerChecker.check(year, num(1952.5)).correct()).isFalse();
        }

        @Test
        void withinToleranceInclusiveIsRight() {
            assertThat(AnswerChecker.check(roughly, num(3.15)).correct()).isTrue();
            assertThat(AnswerChecker.check(roughly, num(3.05)).correct()).isTrue();
            assertThat(AnswerChecker.check(roughly, num(3.16)).correct()).isFalse();
            assertThat(AnswerChecker.check(number("Year?", 1960, 1), num(1961)).correct()).isTrue();
            assertThat(AnswerChecker.check(number("Year?", 1960, 1), num(1962)).correct()).isFalse();
        }

        @Test
        void nonFiniteOrNonNumericAnswersAreInvalid() {
            assertThatThrownBy(() -> AnswerChecker.check(year, num(Double.NaN))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(year, num(Double.POSITIVE_INFINITY)))
                    .isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(year, text("1953"))).isInstanceOf(InvalidAnswerException.class);
        }

        @Test
        void typedNumbersArriveAsTextAndAreReadByTheRuleBeforeMarking() {
            var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            Answer thousands = AnswerCodec.read(json.textNode("1,953"), QuestionType.NUMBER);
            assertThat(thousands).isEqualTo(new Answer.Numeric(1953, 1.953));
            assertThat(AnswerChecker.check(year, thousands).correct()).isTrue();
            assertThat(AnswerCodec.read(json.textNode("2,5"), QuestionType.NUMBER)).isEqualTo(num(2.5));
            assertThat(AnswerCodec.read(json.textNode("1 953"), QuestionType.NUMBER)).isEqualTo(num(1953));
            assertThat(AnswerCodec.read(json.numberNode(1953), QuestionType.NUMBER)).isEqualTo(num(1953));
            assertThatThrownBy(() -> AnswerCodec.read(json.textNode("nineteen"), QuestionType.NUMBER))
                    .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("not a number");
        }

        /** The fresh tester's year typed the way many European schools write it. */
        @Test
        void aNumberTypedTwoWaysCountsInTheReadingTheQuestionNeedsAndIsStoredSo() {
            var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            Question pi = number("Pi to three decimals?", 3.142, 0);
            for (String typed : new String[] {"1.953", "1,953", "-1.953"}) {
                Answer read = AnswerCodec.read(json.textNode(typed), QuestionType.NUMBER);
                Question q = typed.startsWith("-") ? number("Temperature?", -1953, 0) : year;
                assertThat(AnswerChecker.check(q, read).correct()).as(typed).isTrue();
                assertThat(AnswerChecker.resolve(q, read)).as(typed)
                        .isEqualTo(num(typed.startsWith("-") ? -1953 : 1953));
            }
            Answer decimal = AnswerCodec.read(json.textNode("3.142"), QuestionType.NUMBER);
            assertThat(AnswerChecker.check(pi, decimal).correct()).isTrue();
            assertThat(AnswerChecker.resolve(pi, decimal)).isEqualTo(num(3.142));
            Answer comma = AnswerCodec.read(json.textNode("3,142"), QuestionType.NUMBER);
            assertThat(AnswerChecker.check(pi, comma).correct()).as("3,142 as a decimal comma").isTrue();
            assertThat(AnswerChecker.resolve(pi, comma)).isEqualTo(num(3.142));
        }

        @Test
        void onlyTheAmbiguousShapeGetsASecondReading() {
            var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            for (String typed : new String[] {"1.95", "1.9530", "19.53", "0.953", "1 953.5", "1953.5"}) {
                Answer read = AnswerCodec.read(json.textNode(typed), QuestionType.NUMBER);
                assertThat(AnswerChecker.check(year, read).correct()).as(typed).isFalse();
                assertThat(((Answer.Numeric) read).otherReading()).as(typed).isNull();
            }
            Answer wrongBothWays = AnswerCodec.read(json.textNode("1.954"), QuestionType.NUMBER);
            assertThat(AnswerChecker.check(year, wrongBothWays).correct()).isFalse();
            assertThat(AnswerChecker.resolve(year, wrongBothWays)).as("kept as first read").isEqualTo(num(1.954));
        }
    }

    @Nested
    class Polls {
        private final Question q = poll("Enjoyed it?", "Yes", "No");

        @Test
        void anyValidChoiceIsAcceptedButNeverCorrectNorCredited() {
            assertThat(AnswerChecker.check(q, choice(0))).isEqualTo(new Verdict(false, 0.0));
            assertThat(AnswerChecker.check(q, choice(1))).isEqualTo(new Verdict(false, 0.0));
        }

        @Test
        void outOfRangeOrWrongShapeIsInvalid() {
            assertThatThrownBy(() -> AnswerChecker.check(q, choice(2))).isInstanceOf(InvalidAnswerException.class);
            assertThatThrownBy(() -> AnswerChecker.check(q, picks(0))).isInstanceOf(InvalidAnswerException.class);
        }
    }
}
