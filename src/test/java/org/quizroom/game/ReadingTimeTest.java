package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;

/** The text alone first, then the answers and the clock (issue 10, item 10); time from the test clock. */
class ReadingTimeTest {

    private static final GameOptions READING = GameOptions.forNewGame();

    /** "Question 1?" is 11 characters: 1 s + 11 × 40 ms = 1.44 s, raised to the 2 s minimum. */
    private static final long SHORT_READING_MS = 2_000;

    private static Question withReading(String text, Double seconds) {
        return new Question(QuestionType.SINGLE, text, List.of("right", "wrong"), Set.of(0), List.of(), null, 0, 20,
                PointsMode.STANDARD, "Section", "Because.", seconds, null);
    }

    @Test
    void answersOpenAfterTheReadingTimeAndTheDeadlineStartsThere() {
        GameFixture f = new GameFixture(singles(1), READING);
        f.join("Ann");
        GameEvent.QuestionOpened opened = only(f.game.start(), GameEvent.QuestionOpened.class);
        assertThat(opened.question().readingMs()).isEqualTo(SHORT_READING_MS);
        assertThat(f.game.openedAt()).isEqualTo(f.clock.instant().plusMillis(SHORT_READING_MS));
        assertThat(opened.deadline()).isEqualTo(f.clock.instant().plusMillis(SHORT_READING_MS + 20_000));
    }

    @Test
    void anAnswerDuringTheReadingTimeIsRefusedTooEarlyAndChangesNothing() {
        GameFixture f = new GameFixture(singles(1), READING);
        String ann = f.join("Ann");
        f.game.start();
        f.advanceMs(SHORT_READING_MS - 1);
        f.assertRefused(ErrorCode.TOO_EARLY, () -> f.answer(ann, choice(0)));
        f.advanceMs(1);
        assertThat(f.answer(ann, choice(0)).accepted().responseMs()).as("the clock starts when answers open").isZero();
    }

    @Test
    void theReadingTimeNeverCountsAgainstTheAnswerTime() {
        GameFixture f = new GameFixture(singles(1), READING);
        String ann = f.join("Ann");
        f.game.start();
        f.advanceMs(SHORT_READING_MS + 5_000);
        AcceptedAnswer a = f.answer(ann, choice(0)).accepted();
        assertThat(a.responseMs()).isEqualTo(5_000);
        assertThat(a.points()).isEqualTo(875); // 1000 × (1 − 5/20/2), as without reading time
    }

    @Test
    void aPhoneSyncingDuringTheReadingTimeLearnsWhenAnswersOpenAndKeepsTheFullAnswerTime() {
        GameFixture f = new GameFixture(singles(1), READING);
        String ann = f.join("Ann");
        f.game.start();
        f.advanceMs(500);
        String late = f.join("Lee");
        SyncView view = f.game.sync(late);
        assertThat(view.opensInMs()).isEqualTo(SHORT_READING_MS - 500);
        assertThat(view.remainingMs()).isEqualTo(20_000);
        f.advanceMs(SHORT_READING_MS - 500 + 3_000);
        assertThat(f.answer(late, choice(0)).accepted().responseMs())
                .as("a late joiner during reading starts with everyone, when answers open").isEqualTo(3_000);
        SyncView after = f.game.sync(ann);
        assertThat(after.opensInMs()).isZero();
        assertThat(after.remainingMs()).isEqualTo(17_000);
    }

    @Test
    void theOptionOffOpensAnswersAtOnce() {
        GameFixture f = new GameFixture(singles(1), READING.withReadingTime(false));
        String ann = f.join("Ann");
        GameEvent.QuestionOpened opened = only(f.game.start(), GameEvent.QuestionOpened.class);
        assertThat(opened.question().readingMs()).isZero();
        assertThat(f.game.sync(ann).opensInMs()).isZero();
        assertThat(f.answer(ann, choice(0)).accepted().points()).isEqualTo(1000);
    }

    @Test
    void aQuestionOrQuizMaySetItsOwnReadingTimeIncludingNone() {
        GameFixture f = new GameFixture(quiz(withReading("Own time?", 7.5), withReading("None?", 0.0)), READING);
        String ann = f.join("Ann");
        assertThat(only(f.game.start(), GameEvent.QuestionOpened.class).question().readingMs()).isEqualTo(7_500);
        f.game.skip();
        f.game.next();
        assertThat(only(f.game.next(), GameEvent.QuestionOpened.class).question().readingMs()).isZero();
        assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isZero();
    }

    @Test
    void theDefaultGrowsWithTheTextBetweenTwoAndSixSeconds() {
        assertThat(ReadingTime.defaultMs("True?")).isEqualTo(2_000);
        assertThat(ReadingTime.defaultMs("x".repeat(50))).isEqualTo(3_000);
        assertThat(ReadingTime.defaultMs("x".repeat(100))).isEqualTo(5_000);
        assertThat(ReadingTime.defaultMs("x".repeat(300))).isEqualTo(6_000);
        assertThat(ReadingTime.readingMs(single("x".repeat(50), 0, "a", "b"),
                READING.withReadingTime(true))).isEqualTo(3_000);
    }

    @Test
    void extraTimeScalesTheReadingTimeToo() {
        GameOptions doubled = new GameOptions(true, true, false, true, 2.0, true);
        assertThat(ReadingTime.readingMs(single("x".repeat(50), 0, "a", "b"), doubled)).isEqualTo(6_000);
    }

    @Test
    void aRestartDuringTheReadingTimeReopensWithAFreshReadingTime() {
        GameFixture f = new GameFixture(singles(1), READING);
        String ann = f.join("Ann");
        f.game.start();
        GameFixture fresh = new GameFixture(f.game.quiz(), READING);
        fresh.game.restore(List.of(new Game.RestoredPlayer(ann, "Ann", false)), List.of(), Phase.QUESTION, 0, false);
        assertThat(fresh.game.sync(ann).opensInMs()).isEqualTo(SHORT_READING_MS);
        fresh.assertRefused(ErrorCode.TOO_EARLY, () -> fresh.answer(ann, choice(0)));
    }
}
