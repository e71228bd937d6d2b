package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.quiz.Questions.singles;

import org.junit.jupiter.api.Test;

/**
 * The host's buttons act once per screen: a command tagged with the step it was pressed on is
 * refused once the game has left that step (a double press, two host screens, a replayed frame),
 * and Start waits for a player.
 */
class HostStepTest {

    private final GameFixture f = new GameFixture(singles(3));
    private final Game game = f.game;

    /** What the host page does for Next: check the step it showed, then act, under one lock. */
    private void nextPressedOn(int questionIndex, Phase phase) {
        synchronized (game) {
            game.requireAt(questionIndex, phase);
            game.next();
        }
    }

    @Test
    void twoNextPressesAtOneRevealShowTheLeaderboardAndStopThere() {
        f.join("Ann");
        game.start();
        game.skip();
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);

        nextPressedOn(0, Phase.REVEAL);
        // The second frame carries the same question index: without the phase it would open question 2.
        f.assertRefused(ErrorCode.STALE_COMMAND, () -> nextPressedOn(0, Phase.REVEAL));

        assertThat(game.phase()).isEqualTo(Phase.LEADERBOARD);
        assertThat(game.questionIndex()).isZero();
        nextPressedOn(0, Phase.LEADERBOARD);
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
        assertThat(game.questionIndex()).isEqualTo(1);
        f.assertRefused(ErrorCode.STALE_COMMAND, () -> nextPressedOn(0, Phase.LEADERBOARD));
        assertThat(game.questionIndex()).isEqualTo(1);
    }

    @Test
    void aSkipForAQuestionAlreadyClosedIsRefusedAndTheRevealStays() {
        f.join("Ann");
        game.start();
        game.requireAt(0, Phase.QUESTION);
        game.skip();
        f.assertRefused(ErrorCode.STALE_COMMAND, () -> game.requireAt(0, Phase.QUESTION));
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    @Test
    void withoutThePhaseOnlyTheIndexIsCompared() {
        f.join("Ann");
        game.start();
        game.skip();
        game.requireAt(0, null); // an older client: reveal or leaderboard of question 0 both pass
        game.next();
        game.requireAt(0, null);
        game.next();
        f.assertRefused(ErrorCode.STALE_COMMAND, () -> game.requireAt(0, null));
    }

    @Test
    void startIsRefusedUntilSomeoneHasJoined() {
        f.assertRefused(ErrorCode.NO_PLAYERS, game::start);
        assertThat(game.phase()).isEqualTo(Phase.LOBBY);

        String ann = f.join("Ann");
        game.kick(ann);
        // Only a removed player: still nobody to play.
        f.assertRefused(ErrorCode.NO_PLAYERS, game::start);
        assertThat(game.phase()).isEqualTo(Phase.LOBBY);

        f.join("Ben");
        game.start();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }

    @Test
    void aPlayerWhoseConnectionDroppedStillCountsForStart() {
        f.joinDisconnected("Cy");
        game.start();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }
}
