package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.quiz.Questions.singles;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When answers stop counting and when the question closes by itself. */
class DeadlineTest {

    private final GameFixture f = new GameFixture(singles(2), GameOptions.defaults(), new GameSettings(100, 300));
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
        game.recordRoundTrip(ann, 200); // the whole round trip is forgiven: 200 ms
        f.clock.set(game.deadline().plusMillis(200));
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.accepted().correct()).isTrue();
        assertThat(outcome.accepted().responseMs()).isEqualTo(20_000);
        assertThat(outcome.accepted().points()).isEqualTo(500);
    }

    @Test
    void anAnswerLaterThanItsAllowanceIsRefused() {
        game.recordRoundTrip(ann, 200);
        f.clock.set(game.deadline().plusMillis(201));
        f.assertRefused(ErrorCode.TOO_LATE, () -> f.answer(ann, choice(0)));
    }

    @Test
    void theAllowanceIsCappedBySettings() {
        game.recordRoundTrip(ann, 5_000); // capped at 300 ms
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
        GameFixture g = new GameFixture(singles(1), GameOptions.defaults(), new GameSettings(100, 1_000));
        String p = g.join("Pat");
        for (long rtt : new long[] {100, 900, 120, 5_000, 140}) { // median 140 ms: the stalled 5 s pong is ignored
            g.game.recordRoundTrip(p, rtt);
        }
        g.game.start();
        g.clock.set(g.game.deadline().plusMillis(141));
        g.assertRefused(ErrorCode.TOO_LATE, () -> g.answer(p, choice(0)));
        g.clock.set(g.game.deadline().plusMillis(140));
        assertThat(g.answer(p, choice(0)).accepted().correct()).isTrue();
    }

    @Test
    void onlyTheLastSevenRoundTripsCount() {
        GameFixture g = new GameFixture(singles(1), GameOptions.defaults(), new GameSettings(100, 10_000));
        String p = g.join("Pat");
        // Over all nine the median would be 100 ms; over the last seven it is 4,000 ms (the Wi-Fi got worse).
        for (long rtt : new long[] {100, 100, 100, 100, 100, 4_000, 4_000, 4_000, 4_000}) {
            g.game.recordRoundTrip(p, rtt);
        }
        g.game.start();
        g.clock.set(g.game.deadline().plusMillis(4_001));
        g.assertRefused(ErrorCode.TOO_LATE, () -> g.answer(p, choice(0)));
        g.clock.set(g.game.deadline().plusMillis(4_000));
        assertThat(g.answer(p, choice(0)).accepted().networkAllowanceMs()).isEqualTo(4_000);
    }

    @Test
    void withAnEvenNumberOfRoundTripsTheLowerMiddleOneCounts() {
        GameFixture g = new GameFixture(singles(1), GameOptions.defaults(), new GameSettings(100, 10_000));
        String p = g.join("Pat");
        for (long rtt : new long[] {80, 2_000, 90, 3_000}) {
            g.game.recordRoundTrip(p, rtt);
        }
        g.game.start();
        g.clock.set(g.game.deadline().plusMillis(90));
        assertThat(g.answer(p, choice(0)).accepted().networkAllowanceMs()).isEqualTo(90);
    }

    @Test
    void clocksAndTheDeadlineStartWhenTheQuestionIsSentNotWhenItOpened() {
        var opened = game.openedAt();
        f.advanceMs(450); // storing the new state and queueing the broadcast took a while
        game.questionSent(0);
        assertThat(game.openedAt()).isEqualTo(opened.plusMillis(450));
        assertThat(game.deadline()).isEqualTo(opened.plusMillis(450 + 20_000));
        f.advanceMs(2_000);
        assertThat(f.answer(ann, choice(0)).accepted().responseMs()).isEqualTo(2_000);
    }

    @Test
    void aLateSyncKeepsItsOwnStartWhenTheQuestionIsSent() {
        GameFixture g = new GameFixture(singles(1), GameOptions.defaults(), new GameSettings(100, 300));
        String early = g.join("Early");
        g.game.start();
        g.advanceMs(100);
        String late = g.join("Late");
        g.game.sync(late); // reached them by sync 100 ms after opening
        g.advanceMs(200);
        g.game.questionSent(0);
        g.advanceMs(1_000);
        assertThat(g.answer(early, choice(0)).accepted().responseMs()).isEqualTo(1_000);
        assertThat(g.answer(late, choice(0)).accepted().responseMs()).isEqualTo(1_200);
    }

    @Test
    void aSendReportForAQuestionNoLongerOpenChangesNothing() {
        game.skip();
        var deadline = game.deadline();
        f.advanceMs(500);
        game.questionSent(0);
        game.questionSent(1);
        assertThat(game.deadline()).isEqualTo(deadline);
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
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
