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
import static org.quizroom.quiz.Questions.trueFalse;
import static org.quizroom.quiz.Questions.typed;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.Quiz;

/** Which answers count: only the first, only to the open question, only in the right shape. */
class AnswerRulesTest {

    private final Quiz kinds = quiz(
            single("Single?", 0, "a", "b", "c"),
            multi("Multi?", List.of(0, 1), "a", "b", "c"),
            trueFalse("True?", true),
            typed("Typed?", "word"),
            number("Number?", 1953, 0),
            order("Order?", "x", "y", "z"),
            poll("Poll?", "p", "q"));
    private final GameFixture f = new GameFixture(kinds);
    private final Game game = f.game;
    private final String ann = f.join("Ann");
    private final String bob = f.join("Bob");

    private void openQuestion(int index) {
        game.start();
        while (game.questionIndex() < index) {
            game.skip();
            game.next();
            game.next();
        }
    }

    @Test
    void onlyTheFirstAnswerCounts() {
        openQuestion(0);
        f.advanceMs(2_000);
        AnswerOutcome first = f.answer(ann, choice(1));
        f.advanceMs(1_000);
        f.assertRefused(ErrorCode.ALREADY_ANSWERED, () -> f.answer(ann, choice(0)));
        game.skip();
        assertThat(f.score(ann)).isZero();
        assertThat(game.sync(ann).result().correct()).isFalse();
        assertThat(first.accepted().answerText()).isEqualTo("b");
    }

    @Test
    void anAnswerForAnotherQuestionIsRefused() {
        openQuestion(1);
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, 0, picks(0, 1)));
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, 2, choice(0)));
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, -1, picks(0, 1)));
        assertThat(game.answer(ann, 1, picks(0, 1)).accepted().correct()).isTrue();
    }

    @Test
    void anAnswerInTheLobbyIsRefused() {
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, 0, choice(0)));
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, -1, choice(0)));
    }

    @Test
    void anAnswerToTheNextQuestionBeforeItOpensIsRefused() {
        openQuestion(0);
        game.skip();
        f.assertRefused(ErrorCode.WRONG_QUESTION, () -> game.answer(ann, 1, picks(0, 1)));
    }

    @Test
    void anUnknownPlayerCannotAnswer() {
        openQuestion(0);
        f.assertRefused(ErrorCode.UNKNOWN_PLAYER, () -> game.answer("id-nobody", 0, choice(0)));
    }

    @Test
    void aKickedPlayerCannotAnswer() {
        openQuestion(0);
        game.kick(bob);
        f.assertRefused(ErrorCode.UNKNOWN_PLAYER, () -> game.answer(bob, 0, choice(0)));
    }

    private void assertBadThenGood(int question, Answer bad, Answer good) {
        openQuestion(question);
        f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, bad));
        assertThat(game.sync(ann).answered()).isFalse();
        AnswerOutcome outcome = f.answer(ann, good);
        assertThat(outcome.count().answered()).isEqualTo(1);
    }

    @Test
    void aBadSingleAnswerIsRefusedAndThePlayerCanStillAnswer() {
        assertBadThenGood(0, choice(3), choice(0));
    }

    @Test
    void aNegativeChoiceIsRefused() {
        assertBadThenGood(0, choice(-1), choice(0));
    }

    @Test
    void aListForASingleChoiceIsRefused() {
        assertBadThenGood(0, picks(0), choice(0));
    }

    @Test
    void textForAChoiceIsRefused() {
        assertBadThenGood(0, text("a"), choice(0));
    }

    @Test
    void aMultiAnswerOutOfRangeOrEmptyOrRepeatedIsRefused() {
        openQuestion(1);
        for (Answer bad : List.of(picks(0, 3), picks(), picks(1, 1), choice(0), num(1))) {
            f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, bad));
        }
        assertThat(f.answer(ann, picks(0, 1)).accepted().correct()).isTrue();
    }

    @Test
    void trueFalseOnlyTakesZeroOrOne() {
        assertBadThenGood(2, choice(2), choice(0));
    }

    @Test
    void aTypedQuestionNeedsText() {
        assertBadThenGood(3, choice(0), text("Word"));
    }

    @Test
    void aNumberQuestionNeedsAFiniteNumber() {
        openQuestion(4);
        f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, text("1953")));
        f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, num(Double.NaN)));
        f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, num(Double.NEGATIVE_INFINITY)));
        AcceptedAnswer a = f.answer(ann, num(1953)).accepted();
        assertThat(a.correct()).isTrue();
        assertThat(a.answerText()).isEqualTo("1953");
        assertThat(f.answer(bob, num(1953.5)).accepted().answerText()).isEqualTo("1953.5");
    }

    @Test
    void anOrderQuestionNeedsEveryItemOnce() {
        openQuestion(5);
        for (Answer bad : List.of(picks(0, 1), picks(0, 1, 1), picks(0, 1, 2, 3), picks(0, 1, 5), choice(0))) {
            f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, bad));
        }
        assertThat(f.answer(ann, picks(0, 1, 2)).count().answered()).isEqualTo(1);
    }

    @Test
    void aPollTakesOneValidChoice() {
        assertBadThenGood(6, choice(2), choice(1));
    }

    @Test
    void aBadAnswerDoesNotCloseTheQuestionOrCountAsAnswered() {
        openQuestion(0);
        f.answer(bob, choice(0));
        f.assertRefused(ErrorCode.BAD_ANSWER, () -> f.answer(ann, choice(9)));
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
    }

    @Test
    void typedAnswersAreStoredAsTyped() {
        openQuestion(3);
        AcceptedAnswer a = f.answer(ann, text(" WORD! ")).accepted();
        assertThat(a.correct()).isTrue();
        assertThat(a.answerText()).isEqualTo(" WORD! ");
        assertThat(a.playerId()).isEqualTo(ann);
        assertThat(a.questionIndex()).isEqualTo(3);
    }
}
