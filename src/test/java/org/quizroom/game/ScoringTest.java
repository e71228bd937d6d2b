package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.num;
import static org.quizroom.game.GameFixture.picks;
import static org.quizroom.game.GameFixture.text;
import static org.quizroom.quiz.Questions.multi;
import static org.quizroom.quiz.Questions.number;
import static org.quizroom.quiz.Questions.order;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;
import static org.quizroom.quiz.Questions.trueFalse;
import static org.quizroom.quiz.Questions.typed;
import static org.quizroom.quiz.Questions.withPoints;
import static org.quizroom.quiz.Questions.withTime;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.Quiz;

/** The scoring rules of the design, as players experience them through the engine. */
class ScoringTest {

    private static final long T = 20_000;

    @Nested
    class Formula {

        @ParameterizedTest(name = "P={0}, t={1} ms of 20 s -> {2}")
        @CsvSource({
                "1000, 0, 1000", "1000, 10000, 750", "1000, 20000, 500", "1000, 5000, 875", "1000, 1, 1000",
                "1000, 30, 999", "2000, 0, 2000", "2000, 10000, 1500", "2000, 20000, 1000",
                "1000, -5, 1000", "1000, 99999, 500", "0, 0, 0"})
        void speedPointsFollowTheFormula(int p, long t, int expected) {
            assertThat(Scoring.speedPoints(p, t, T, true)).isEqualTo(expected);
        }

        @Test
        void speedScoringOffGivesAFlatP() {
            assertThat(Scoring.speedPoints(1000, 19_000, T, false)).isEqualTo(1000);
            assertThat(Scoring.speedPoints(2000, 0, T, false)).isEqualTo(2000);
        }

        @ParameterizedTest(name = "streak {0} -> +{1}")
        @CsvSource({"0, 0", "1, 0", "2, 100", "3, 200", "6, 500", "7, 500", "50, 500"})
        void streakBonusIsAHundredPerConsecutiveCorrectAfterTheFirstUpToFiveHundred(int streak, int bonus) {
            assertThat(Scoring.streakBonus(streak)).isEqualTo(bonus);
        }
    }

    /** Opens question 0 of {@code quiz}, has Ann answer {@code answer} after {@code ms}, and returns it. */
    private static AcceptedAnswer answerAfter(Quiz quiz, GameOptions options, long ms, Answer answer) {
        GameFixture f = new GameFixture(quiz, options);
        String ann = f.join("Ann");
        f.game.start();
        f.advanceMs(ms);
        return f.answer(ann, answer).accepted();
    }

    private static AcceptedAnswer answerAfter(Quiz quiz, long ms, Answer answer) {
        return answerAfter(quiz, GameFixture.FILE_ORDER, ms, answer);
    }

    @Nested
    class PointsPerQuestion {

        @Test
        void anInstantCorrectAnswerEarnsAThousand() {
            AcceptedAnswer a = answerAfter(singles(1), 0, choice(0));
            assertThat(a.correct()).isTrue();
            assertThat(a.points()).isEqualTo(1000);
            assertThat(a.responseMs()).isZero();
        }

        @Test
        void halfwayEarnsSevenFiftyAndAtTheDeadlineFiveHundred() {
            assertThat(answerAfter(singles(1), 10_000, choice(0)).points()).isEqualTo(750);
            assertThat(answerAfter(singles(1), 20_000, choice(0)).points()).isEqualTo(500);
        }

        @Test
        void aWrongAnswerEarnsNothing() {
            AcceptedAnswer a = answerAfter(singles(1), 0, choice(1));
            assertThat(a.correct()).isFalse();
            assertThat(a.points()).isZero();
        }

        @Test
        void doubleQuestionsAreWorthTwoThousandToOneThousand() {
            Quiz q = quiz(withPoints(single("Q?", 0, "a", "b"), PointsMode.DOUBLE));
            assertThat(answerAfter(q, 0, choice(0)).points()).isEqualTo(2000);
            assertThat(answerAfter(q, 10_000, choice(0)).points()).isEqualTo(1500);
            assertThat(answerAfter(q, 20_000, choice(0)).points()).isEqualTo(1000);
        }

        @Test
        void noneQuestionsAreWorthNothingButStillMarked() {
            Quiz q = quiz(withPoints(single("Q?", 0, "a", "b"), PointsMode.NONE));
            AcceptedAnswer a = answerAfter(q, 0, choice(0));
            assertThat(a.correct()).isTrue();
            assertThat(a.points()).isZero();
        }

        @Test
        void withSpeedScoringOffEveryCorrectAnswerEarnsP() {
            GameOptions flat = GameFixture.options(false, true, false, true, 1.0);
            assertThat(answerAfter(singles(1), flat, 0, choice(0)).points()).isEqualTo(1000);
            assertThat(answerAfter(singles(1), flat, 19_999, choice(0)).points()).isEqualTo(1000);
            Quiz dbl = quiz(withPoints(single("Q?", 0, "a", "b"), PointsMode.DOUBLE));
            assertThat(answerAfter(dbl, flat, 15_000, choice(0)).points()).isEqualTo(2000);
        }

        @Test
        void theTimeMultiplierStretchesTheScale() {
            GameOptions twice = GameFixture.options(true, true, false, true, 2.0);
            // T is 40 s: 20 s is only halfway
            assertThat(answerAfter(singles(1), twice, 20_000, choice(0)).points()).isEqualTo(750);
            GameOptions half = GameFixture.options(true, true, false, true, 0.5);
            assertThat(answerAfter(singles(1), half, 5_000, choice(0)).points()).isEqualTo(750);
        }

        @Test
        void theQuestionsOwnTimeLimitIsT() {
            Quiz q = quiz(withTime(single("Q?", 0, "a", "b"), 60));
            assertThat(answerAfter(q, 30_000, choice(0)).points()).isEqualTo(750);
        }

        @Test
        void pollsEarnNothing() {
            AcceptedAnswer a = answerAfter(quiz(poll("Fun?", "Yes", "No")), 0, choice(0));
            assertThat(a.correct()).isFalse();
            assertThat(a.points()).isZero();
        }

        @Test
        void trueFalseTypedNumberAndOrderQuestionsScoreWhenRight() {
            assertThat(answerAfter(quiz(trueFalse("Sky blue?", true)), 0, choice(0)).points()).isEqualTo(1000);
            assertThat(answerAfter(quiz(trueFalse("Sky blue?", true)), 0, choice(1)).points()).isZero();
            Quiz typedQuiz = quiz(typed("Campaign?", "de-Stalinisation"));
            assertThat(answerAfter(typedQuiz, 0, text("  DÉ STALINISATION. ")).points()).isEqualTo(1000);
            assertThat(answerAfter(typedQuiz, 0, text("Stalinism")).points()).isZero();
            Quiz year = quiz(number("Year?", 1960, 1));
            assertThat(answerAfter(year, 0, num(1961)).points()).isEqualTo(1000);
            assertThat(answerAfter(year, 0, num(1962)).points()).isZero();
        }

        @Test
        void anOrderQuestionIsAllOrNothing() {
            Quiz q = quiz(order("Earliest first", "1953", "1956", "1962", "1991"));
            GameFixture f = new GameFixture(q);
            String ann = f.join("Ann");
            String bob = f.join("Bob");
            f.game.start();
            List<String> shown = f.game.questionView(0).choices();
            Integer[] right = q.questions().get(0).choices().stream().map(shown::indexOf).toArray(Integer[]::new);
            Integer[] almost = right.clone();
            Integer swap = almost[2];
            almost[2] = almost[3];
            almost[3] = swap;

            assertThat(f.answer(ann, picks(right)).accepted().points()).isEqualTo(1000);
            AcceptedAnswer wrong = f.answer(bob, picks(almost)).accepted();
            assertThat(wrong.correct()).isFalse();
            assertThat(wrong.points()).isZero();
            assertThat(wrong.answerText()).isEqualTo("1953 > 1956 > 1991 > 1962");
        }
    }

    @Nested
    class MultiPartialCredit {
        // correct: file choices 0, 1, 2 (of 5)
        private final Quiz q = quiz(multi("Primes?", List.of(0, 1, 2), "2", "3", "5", "4", "6"));

        @Test
        void theExactSetEarnsFullPointsAndCountsAsCorrect() {
            AcceptedAnswer a = answerAfter(q, 0, picks(2, 1, 0));
            assertThat(a.correct()).isTrue();
            assertThat(a.points()).isEqualTo(1000);
            assertThat(a.answerText()).isEqualTo("5; 3; 2");
        }

        @Test
        void aPartialAnswerEarnsItsShareButIsNotCorrect() {
            AcceptedAnswer a = answerAfter(q, 0, picks(0, 1));
            assertThat(a.correct()).isFalse();
            assertThat(a.points()).isEqualTo(667);
        }

        @Test
        void partialCreditScalesTheSpeedPoints() {
            assertThat(answerAfter(q, 10_000, picks(0, 1)).points()).isEqualTo(500); // 750 * 2/3
        }

        @Test
        void wrongPicksCancelRightOnes() {
            assertThat(answerAfter(q, 0, picks(0, 1, 2, 3)).points()).isEqualTo(667);
            assertThat(answerAfter(q, 0, picks(0, 1, 3)).points()).isEqualTo(333);
        }

        @Test
        void neverBelowZero() {
            assertThat(answerAfter(q, 0, picks(3, 4)).points()).isZero();
            assertThat(answerAfter(q, 0, picks(0, 3, 4)).points()).isZero();
        }
    }

    @Nested
    class Streaks {

        private final GameFixture f = new GameFixture(singles(9));
        private final String ann = f.join("Ann");

        private AcceptedAnswer play(Answer answer) {
            if (f.game.phase() == Phase.LOBBY) {
                f.game.start();
            } else {
                f.game.next();
                f.game.next();
            }
            AcceptedAnswer a = answer == null ? null : f.answer(ann, answer).accepted();
            f.game.skip();
            return a;
        }

        @Test
        void eachConsecutiveCorrectAnswerAfterTheFirstAddsAHundredUpToFiveHundred() {
            int[] expected = {1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500};
            int total = 0;
            for (int i = 0; i < expected.length; i++) {
                assertThat(play(choice(0)).points()).as("answer %d", i + 1).isEqualTo(expected[i]);
                total += expected[i];
                assertThat(f.streak(ann)).isEqualTo(i + 1);
            }
            assertThat(f.score(ann)).isEqualTo(total);
        }

        @Test
        void aWrongAnswerBreaksTheStreak() {
            play(choice(0));
            play(choice(0));
            assertThat(f.streak(ann)).isEqualTo(2);
            play(choice(1));
            assertThat(f.streak(ann)).isZero();
            assertThat(play(choice(0)).points()).isEqualTo(1000);
            assertThat(f.streak(ann)).isEqualTo(1);
        }

        @Test
        void aMissedQuestionBreaksTheStreak() {
            play(choice(0));
            play(choice(0));
            play(null);
            assertThat(f.streak(ann)).isZero();
            assertThat(play(choice(0)).points()).isEqualTo(1000);
        }

        @Test
        void aPlayerWhoWasAwayLosesTheirStreakToo() {
            play(choice(0));
            play(choice(0));
            f.game.setConnected(ann, false);
            play(null);
            f.game.setConnected(ann, true);
            assertThat(f.streak(ann)).isZero();
        }

        @Test
        void theStreakIsShownInTheResultEvenWithoutBonus() {
            GameFixture g = new GameFixture(singles(3), GameFixture.options(true, false, false, true, 1.0));
            String p = g.join("Pat");
            g.game.start();
            assertThat(g.answer(p, choice(0)).accepted().points()).isEqualTo(1000);
            g.game.skip();
            g.game.next();
            g.game.next();
            assertThat(g.answer(p, choice(0)).accepted().points()).as("streaks off: no bonus").isEqualTo(1000);
            GameEvent.QuestionClosed closed = (GameEvent.QuestionClosed) g.game.skip().get(0);
            assertThat(closed.results().get(0).streak()).isEqualTo(2);
            assertThat(g.score(p)).isEqualTo(2000);
        }
    }

    @Nested
    class StreaksAcrossQuestionKinds {

        private GameFixture f;
        private String ann;

        private void start(Quiz quiz) {
            f = new GameFixture(quiz);
            ann = f.join("Ann");
            f.game.start();
        }

        private void nextQuestion() {
            f.game.skip();
            f.game.next();
            f.game.next();
        }

        @Test
        void pollsNeitherBuildNorBreakAStreak() {
            start(quiz(single("1?", 0, "a", "b"), single("2?", 0, "a", "b"), poll("Fun?", "Y", "N"),
                    poll("More?", "Y", "N"), single("3?", 0, "a", "b")));
            f.answer(ann, choice(0));
            nextQuestion();
            f.answer(ann, choice(0));
            nextQuestion();
            f.answer(ann, choice(1));
            assertThat(f.streak(ann)).isEqualTo(2);
            nextQuestion(); // second poll, not answered
            assertThat(f.streak(ann)).isEqualTo(2);
            nextQuestion();
            assertThat(f.streak(ann)).as("skipped poll did not break it").isEqualTo(2);
            assertThat(f.answer(ann, choice(0)).accepted().points()).isEqualTo(1200);
            assertThat(f.streak(ann)).isEqualTo(3);
        }

        @Test
        void noPointsQuestionsNeitherBuildNorBreakAStreak() {
            start(quiz(single("1?", 0, "a", "b"), withPoints(single("2?", 0, "a", "b"), PointsMode.NONE),
                    withPoints(single("3?", 0, "a", "b"), PointsMode.NONE), single("4?", 0, "a", "b")));
            f.answer(ann, choice(0));
            nextQuestion();
            assertThat(f.answer(ann, choice(0)).accepted().points()).isZero();
            assertThat(f.streak(ann)).isEqualTo(1);
            nextQuestion();
            f.answer(ann, choice(1));
            nextQuestion();
            assertThat(f.streak(ann)).isEqualTo(1);
            assertThat(f.answer(ann, choice(0)).accepted().points()).isEqualTo(1100);
        }

        @Test
        void aPartlyRightMultiBreaksTheStreak() {
            start(quiz(single("1?", 0, "a", "b"), single("2?", 0, "a", "b"),
                    multi("3?", List.of(0, 1), "a", "b", "c"), single("4?", 0, "a", "b")));
            f.answer(ann, choice(0));
            nextQuestion();
            f.answer(ann, choice(0));
            nextQuestion();
            AcceptedAnswer partial = f.answer(ann, picks(0)).accepted();
            assertThat(partial.points()).as("half credit, no streak bonus").isEqualTo(500);
            assertThat(f.streak(ann)).isZero();
            nextQuestion();
            assertThat(f.answer(ann, choice(0)).accepted().points()).isEqualTo(1000);
        }

        @Test
        void anExactMultiBuildsTheStreakAndEarnsTheBonus() {
            start(quiz(single("1?", 0, "a", "b"), multi("2?", List.of(0, 1), "a", "b", "c")));
            f.answer(ann, choice(0));
            nextQuestion();
            assertThat(f.answer(ann, picks(1, 0)).accepted().points()).isEqualTo(1100);
            assertThat(f.streak(ann)).isEqualTo(2);
        }

        @Test
        void doubleQuestionsGetTheSameFlatStreakBonus() {
            start(quiz(single("1?", 0, "a", "b"), withPoints(single("2?", 0, "a", "b"), PointsMode.DOUBLE)));
            f.answer(ann, choice(0));
            nextQuestion();
            assertThat(f.answer(ann, choice(0)).accepted().points()).isEqualTo(2100);
        }
    }

    @Nested
    class ResponseTime {

        private final GameFixture f = new GameFixture(singles(2), GameFixture.FILE_ORDER, new GameSettings(100, 300));

        @Test
        void aConnectedPlayersTimeStartsWhenTheQuestionOpens() {
            String ann = f.join("Ann");
            f.game.start();
            f.advanceMs(4_000);
            f.game.sync(ann); // a later sync does not restart the clock
            f.advanceMs(4_000);
            assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isEqualTo(8_000);
        }

        @Test
        void aLateJoinersTimeStartsWhenTheQuestionReachesThem() {
            f.join("Ann");
            f.game.start();
            f.advanceMs(10_000);
            String late = f.join("Late");
            f.advanceMs(1_000);
            f.game.sync(late); // the question reaches them now
            f.advanceMs(2_000);
            f.game.sync(late); // a second sync does not restart it
            f.advanceMs(2_000);
            AcceptedAnswer a = f.answer(late, choice(0)).accepted();
            assertThat(a.responseMs()).isEqualTo(4_000);
            assertThat(a.points()).isEqualTo(900);
        }

        @Test
        void aPlayerWhoWasOfflineWhenItOpenedStartsAtTheirFirstSync() {
            String ann = f.join("Ann");
            f.game.setConnected(ann, false);
            f.game.start();
            f.advanceMs(12_000);
            f.game.setConnected(ann, true);
            f.game.sync(ann);
            f.advanceMs(3_000);
            assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isEqualTo(3_000);
        }

        @Test
        void aPlayerWhoWasOnlineKeepsTheOpeningTimeAfterReconnecting() {
            String ann = f.join("Ann");
            f.game.start();
            f.advanceMs(3_000);
            f.game.setConnected(ann, false);
            f.advanceMs(3_000);
            f.game.setConnected(ann, true);
            f.game.sync(ann);
            f.advanceMs(1_000);
            assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isEqualTo(7_000);
        }

        @Test
        void halfTheMedianRoundTripIsForgiven() {
            String ann = f.join("Ann");
            f.game.recordRoundTrip(ann, 100);
            f.game.recordRoundTrip(ann, 400);
            f.game.recordRoundTrip(ann, 300); // median 300 -> 150 ms
            f.game.start();
            f.advanceMs(10_150);
            AcceptedAnswer a = f.answer(ann, choice(0)).accepted();
            assertThat(a.responseMs()).isEqualTo(10_000);
            assertThat(a.points()).isEqualTo(750);
        }

        @Test
        void theForgivenDelayIsCapped() {
            String ann = f.join("Ann");
            f.game.recordRoundTrip(ann, 4_000); // half is 2 s, capped at 300 ms
            f.game.start();
            f.advanceMs(10_300);
            assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isEqualTo(10_000);
        }

        @Test
        void aNearInstantAnswerNeverGetsANegativeTime() {
            String ann = f.join("Ann");
            f.game.recordRoundTrip(ann, 400);
            f.game.start();
            f.advanceMs(50);
            AcceptedAnswer a = f.answer(ann, choice(0)).accepted();
            assertThat(a.responseMs()).isZero();
            assertThat(a.points()).isEqualTo(1000);
        }
    }
}
