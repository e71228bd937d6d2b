package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.quiz.Questions.singles;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When answers stop counting and when the question closes by itself. */
class DeadlineTest {

    private final GameFixture f = new GameFixture(singles(2), GameFixture.FILE_ORDER, new GameSettings(100, 300));
    private final Game game = f.game;
    private final String ann = f.join("Ann");
    private final String bob = f.join("Bob");

    DeadlineTest() {
        game.start();
    }

    @Test
    void anAnswerExactlyAtTheDeadlineCounts() {
        f.clock.set(game.deadline());
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.accepted().correct()).isTrue();
        assertThat(outcome.accepted().points()).isEqualTo(500);
        assertThat(outcome.accepted().responseMs()).isEqualTo(20_000);
        assertThat(outcome.accepted().receivedAt()).isEqualTo(game.deadline());
    }

    @Test
    void answerAfterDeadlineIsRefusedAndChangesNothing() {
        f.clock.set(game.deadline().plusMillis(1));
        f.assertRefused(ErrorCode.TOO_LATE, () -> f.answer(ann, choice(0)));
        assertThat(game.sync(ann).answered()).isFalse();
    }

    @Test
    void answerToAClosedQuestionIsTooLate() {
        game.skip();
        f.assertRefused(ErrorCode.TOO_LATE, () -> game.answer(ann, 0, choice(0)));
        game.next();
        f.assertRefused(ErrorCode.TOO_LATE, () -> game.answer(ann, 0, choice(0)));
    }

    @Test
    void closingTimeIsTheDeadlinePlusTheLargestNetworkAllowance() {
        assertThat(game.closingTime()).isEqualTo(game.deadline().plusMillis(300));
    }

    @Test
    void closeIfDueWaitsUntilTheClosingTime() {
        f.clock.set(game.deadline());
        assertThat(game.closeIfDue()).isEmpty();
        f.clock.set(game.closingTime().minusMillis(1));
        assertThat(game.closeIfDue()).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);

        f.clock.set(game.closingTime());
        assertThat(game.closeIfDue()).singleElement().isInstanceOf(GameEvent.QuestionClosed.class);
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
        assertThat(game.closeIfDue()).as("only once").isEmpty();
    }

    @Test
    void aMeasuredNetworkDelayLetsALateArrivingAnswerCount() {
        game.recordRoundTrip(ann, 200); // one-way allowance 100 ms
        f.clock.set(game.deadline().plusMillis(100));
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.accepted().correct()).isTrue();
        assertThat(outcome.accepted().responseMs()).isEqualTo(20_000);
        assertThat(outcome.accepted().points()).isEqualTo(500);
    }

    @Test
    void anAnswerLaterThanItsAllowanceIsRefused() {
        game.recordRoundTrip(ann, 200);
        f.clock.set(game.deadline().plusMillis(101));
        f.assertRefused(ErrorCode.TOO_LATE, () -> f.answer(ann, choice(0)));
    }

    @Test
    void theAllowanceIsCappedBySettings() {
        game.recordRoundTrip(ann, 5_000); // half is 2500 ms, capped at 300 ms
        f.clock.set(game.deadline().plusMillis(300));
        assertThat(f.answer(ann, choice(0)).accepted().correct()).isTrue();

        game.recordRoundTrip(bob, 5_000);
        f.clock.set(game.deadline().plusMillis(301));
        f.assertRefused(ErrorCode.TOO_LATE, () -> f.answer(bob, choice(0)));
    }

    @Test
    void theAllowanceIsAnotherPlayersOwn() {
        game.recordRoundTrip(ann, 400);
        f.clock.set(game.deadline().plusMillis(50));
        f.assertRefused(ErrorCode.TOO_LATE, () -> f.answer(bob, choice(0)));
    }

    @Test
    void theAllowanceFollowsTheMedianOfRecentRoundTrips() {
        GameFixture g = new GameFixture(singles(1), GameFixture.FILE_ORDER, new GameSettings(100, 1_000));
        String p = g.join("Pat");
        for (long rtt : new long[] {100, 900, 120, 5_000, 140}) { // median 140 -> 70 ms
            g.game.recordRoundTrip(p, rtt);
        }
        g.game.start();
        g.clock.set(g.game.deadline().plusMillis(71));
        g.assertRefused(ErrorCode.TOO_LATE, () -> g.answer(p, choice(0)));
        g.clock.set(g.game.deadline().plusMillis(70));
        assertThat(g.answer(p, choice(0)).accepted().correct()).isTrue();
    }

    @Test
    void onlyTheLastFiveRoundTripsCount() {
        GameFixture g = new GameFixture(singles(1), GameFixture.FILE_ORDER, new GameSettings(100, 10_000));
        String p = g.join("Pat");
        for (long rtt : new long[] {4_000, 4_000, 4_000, 100, 100, 100, 100, 100}) {
            g.game.recordRoundTrip(p, rtt);
        }
        g.game.start();
        g.clock.set(g.game.deadline().plusMillis(51));
        g.assertRefused(ErrorCode.TOO_LATE, () -> g.answer(p, choice(0)));
    }

    @Test
    void aRoundTripForSomeoneUnknownIsIgnored() {
        game.recordRoundTrip("id-nobody", 100);
        assertThat(game.players()).hasSize(2);
    }

    @Test
    void theCountdownShownIsTheTimeLeftToTheDeadline() {
        f.advanceMs(5_500);
        assertThat(game.sync(ann).remainingMs()).isEqualTo(14_500);
        f.clock.set(game.deadline().plus(Duration.ofMillis(200)));
        assertThat(game.sync(ann).remainingMs()).isZero();
    }
}
