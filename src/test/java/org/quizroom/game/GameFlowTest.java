package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.QuestionType;

/** The state machine: lobby → (question → reveal → leaderboard)* → finished, and what it refuses. */
class GameFlowTest {

    private final GameFixture f = new GameFixture(singles(3));
    private final Game game = f.game;

    @Test
    void aNewGameWaitsInTheLobby() {
        assertThat(game.phase()).isEqualTo(Phase.LOBBY);
        assertThat(game.questionIndex()).isEqualTo(-1);
        assertThat(game.deadline()).isNull();
        assertThat(game.closingTime()).isNull();
        assertThat(game.pin()).isEqualTo("123456");
        assertThat(game.shuffleSeed()).isEqualTo(GameFixture.SEED);
    }

    @Test
    void startOpensTheFirstQuestionWithItsDeadline() {
        String ann = f.join("Ann");
        List<GameEvent> events = game.start();

        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
        assertThat(game.questionIndex()).isZero();
        GameEvent.QuestionOpened opened = only(events, GameEvent.QuestionOpened.class);
        assertThat(opened.question().index()).isZero();
        assertThat(opened.question().total()).isEqualTo(3);
        assertThat(opened.question().type()).isEqualTo(QuestionType.SINGLE);
        assertThat(opened.question().text()).isEqualTo("Question 1?");
        assertThat(opened.question().choices()).containsExactly("right", "wrong", "other", "none");
        assertThat(opened.question().timeLimitMs()).isEqualTo(20_000);
        assertThat(opened.question().points()).isEqualTo(PointsMode.STANDARD);
        assertThat(opened.deadline()).isEqualTo(f.clock.instant().plusSeconds(20));
        assertThat(game.openedAt()).isEqualTo(f.clock.instant());
        assertThat(game.deadline()).isEqualTo(opened.deadline());
        GameEvent.AnswerCounted count = only(events, GameEvent.AnswerCounted.class);
        assertThat(count).isEqualTo(new GameEvent.AnswerCounted(0, 0, 1));
        assertThat(game.isActivePlayer(ann)).isTrue();
    }

    @Test
    void skipClosesTheQuestionIntoAReveal() {
        f.join("Ann");
        game.start();
        List<GameEvent> events = game.skip();

        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
        GameEvent.QuestionClosed closed = only(events, GameEvent.QuestionClosed.class);
        assertThat(closed.reveal().index()).isZero();
        assertThat(closed.reveal().correctChoices()).containsExactly(0);
        assertThat(closed.reveal().section()).isEqualTo("Section");
        assertThat(closed.reveal().explanation()).isEqualTo("Because.");
        assertThat(closed.results()).hasSize(1);
        assertThat(closed.results().get(0).answered()).isFalse();
    }

    @Test
    void theDeadlineClosesTheQuestion() {
        f.join("Ann");
        game.start();
        f.clock.set(game.closingTime());
        assertThat(only(game.closeIfDue(), GameEvent.QuestionClosed.class).reveal().index()).isZero();
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    @Test
    void theLastConnectedAnswerClosesTheQuestion() {
        String ann = f.join("Ann");
        game.start();
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.everyoneAnswered()).isTrue();
        assertThat(only(game.closeIfEveryoneAnswered(0), GameEvent.QuestionClosed.class)).isNotNull();
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    @Test
    void aWholeGameRunsRevealLeaderboardQuestionUntilFinished() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();
        for (int q = 0; q < 3; q++) {
            assertThat(game.phase()).isEqualTo(Phase.QUESTION);
            assertThat(game.questionIndex()).isEqualTo(q);
            f.advanceMs(1000);
            f.answer(ann, choice(0));
            f.answer(bob, choice(1));
            assertThat(game.closeIfEveryoneAnswered(q)).hasSize(1);
            assertThat(game.phase()).isEqualTo(Phase.REVEAL);

            List<GameEvent> next = game.next();
            if (q < 2) {
                GameEvent.LeaderboardShown board = only(next, GameEvent.LeaderboardShown.class);
                assertThat(board.index()).isEqualTo(q);
                assertThat(board.total()).isEqualTo(3);
                assertThat(board.top()).extracting(Standing::playerId).containsExactly(ann, bob);
                assertThat(game.phase()).isEqualTo(Phase.LEADERBOARD);
                GameEvent.QuestionOpened opened = only(game.next(), GameEvent.QuestionOpened.class);
                assertThat(opened.question().index()).isEqualTo(q + 1);
            } else {
                GameEvent.GameFinished finished = only(next, GameEvent.GameFinished.class);
                assertThat(game.phase()).isEqualTo(Phase.FINISHED);
                assertThat(finished.podium()).extracting(Standing::playerId).containsExactly(ann, bob);
                assertThat(finished.finals()).extracting(PlayerFinal::playerId, PlayerFinal::rank,
                        PlayerFinal::correctCount, PlayerFinal::questionCount).containsExactlyInAnyOrder(
                        tuple(ann, 1, 3, 3),
                        tuple(bob, 2, 0, 3));
            }
        }
        assertThat(game.deadline()).isNull();
    }

    @Test
    void eachQuestionGetsAFreshDeadlineFromWhenItOpens() {
        f.join("Ann");
        game.start();
        game.skip();
        game.next();
        f.advanceMs(7_000);
        game.next();
        assertThat(game.openedAt()).isEqualTo(f.clock.instant());
        assertThat(game.deadline()).isEqualTo(f.clock.instant().plusSeconds(20));
    }

    // ------------------------------------------------------------------ end

    @Test
    void endFromTheLobbyFinishesWithNobodyScored() {
        String ann = f.join("Ann");
        GameEvent.GameFinished finished = only(game.end(), GameEvent.GameFinished.class);
        assertThat(game.phase()).isEqualTo(Phase.FINISHED);
        assertThat(finished.finals()).singleElement()
                .isEqualTo(new PlayerFinal(ann, 1, 0, 1, 0, 0, 0));
    }

    @Test
    void endDuringAQuestionScoresItFirst() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();
        f.answer(ann, choice(0));
        List<GameEvent> events = game.end();

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(GameEvent.QuestionClosed.class);
        assertThat(events.get(1)).isInstanceOf(GameEvent.GameFinished.class);
        GameEvent.QuestionClosed closed = (GameEvent.QuestionClosed) events.get(0);
        assertThat(closed.reveal().answered()).isEqualTo(1);
        assertThat(closed.reveal().correctCount()).isEqualTo(1);
        GameEvent.GameFinished finished = (GameEvent.GameFinished) events.get(1);
        assertThat(finished.podium()).extracting(Standing::playerId).containsExactly(ann, bob);
        assertThat(finished.podium().get(0).score()).isEqualTo(1000);
        assertThat(finished.finals()).filteredOn(p -> p.playerId().equals(ann)).singleElement()
                .isEqualTo(new PlayerFinal(ann, 1, 1000, 2, 1, 1, 1));
        assertThat(game.phase()).isEqualTo(Phase.FINISHED);
    }

    @Test
    void endFromRevealOrLeaderboardFinishesAtOnce() {
        f.join("Ann");
        game.start();
        game.skip();
        assertThat(game.end()).singleElement().isInstanceOf(GameEvent.GameFinished.class);

        GameFixture other = new GameFixture(singles(3));
        other.join("Ann");
        other.game.start();
        other.game.skip();
        other.game.next();
        assertThat(other.game.phase()).isEqualTo(Phase.LEADERBOARD);
        GameEvent.GameFinished finished = only(other.game.end(), GameEvent.GameFinished.class);
        assertThat(finished.finals().get(0).questionCount()).isEqualTo(1);
        assertThat(other.game.phase()).isEqualTo(Phase.FINISHED);
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void startTwiceIsRefused() {
        f.join("Ann");
        game.start();
        f.assertRefused(ErrorCode.INVALID_STATE, game::start);
        game.skip();
        f.assertRefused(ErrorCode.INVALID_STATE, game::start);
        game.next();
        f.assertRefused(ErrorCode.INVALID_STATE, game::start);
    }

    @Test
    void nextInTheLobbyIsRefused() {
        f.assertRefused(ErrorCode.INVALID_STATE, game::next);
    }

    @Test
    void nextDuringAQuestionIsRefused() {
        f.join("Ann");
        game.start();
        f.assertRefused(ErrorCode.INVALID_STATE, game::next);
    }

    @Test
    void skipOutsideAQuestionIsRefused() {
        f.assertRefused(ErrorCode.INVALID_STATE, game::skip);
        f.join("Ann");
        game.start();
        game.skip();
        f.assertRefused(ErrorCode.INVALID_STATE, game::skip);
        game.next();
        f.assertRefused(ErrorCode.INVALID_STATE, game::skip);
    }

    @Test
    void everythingAfterTheEndIsRefusedAsFinished() {
        String ann = f.join("Ann");
        game.start();
        game.end();

        f.assertRefused(ErrorCode.GAME_FINISHED, game::start);
        f.assertRefused(ErrorCode.GAME_FINISHED, game::next);
        f.assertRefused(ErrorCode.GAME_FINISHED, game::skip);
        f.assertRefused(ErrorCode.GAME_FINISHED, game::end);
        f.assertRefused(ErrorCode.GAME_FINISHED, game::lock);
        f.assertRefused(ErrorCode.GAME_FINISHED, game::unlock);
        f.assertRefused(ErrorCode.GAME_FINISHED, () -> game.kick(ann));
        f.assertRefused(ErrorCode.GAME_FINISHED, () -> game.join("id-Zed", "Zed"));
        f.assertRefused(ErrorCode.GAME_FINISHED, () -> game.answer(ann, 0, choice(0)));
        assertThat(game.closeIfDue()).isEmpty();
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
    }

    @Test
    void theDeadlineCheckDoesNothingOutsideAQuestion() {
        f.join("Ann");
        assertThat(game.closeIfDue()).isEmpty();
        game.start();
        game.skip();
        f.advanceMs(60_000);
        assertThat(game.closeIfDue()).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    // ------------------------------------------------------------------ lock, kick, presence events

    @Test
    void lockAndUnlockAreAnnouncedToTheHost() {
        f.join("Ann");
        GameEvent.RosterChanged locked = only(game.lock(), GameEvent.RosterChanged.class);
        assertThat(locked.locked()).isTrue();
        assertThat(game.locked()).isTrue();
        assertThat(only(game.unlock(), GameEvent.RosterChanged.class).locked()).isFalse();
        assertThat(game.locked()).isFalse();
    }

    @Test
    void joiningIsAnnouncedWithTheRoster() {
        GameEvent.RosterChanged roster = only(game.join("id-Ann", "Ann"), GameEvent.RosterChanged.class);
        assertThat(roster.playerCount()).isEqualTo(1);
        assertThat(game.players()).containsExactly(new PlayerView("id-Ann", "Ann", false, 0, 0));
    }

    @Test
    void connectingAndDroppingAreAnnouncedOnceAndCountedDuringAQuestion() {
        String ann = f.joinDisconnected("Ann");
        List<GameEvent> connected = game.setConnected(ann, true);
        only(connected, GameEvent.RosterChanged.class);
        assertThat(game.players().get(0).connected()).isTrue();
        assertThat(game.setConnected(ann, true)).as("no change, no event").isEmpty();
        assertThat(game.setConnected("id-nobody", true)).isEmpty();

        game.start();
        List<GameEvent> dropped = game.setConnected(ann, false);
        assertThat(only(dropped, GameEvent.AnswerCounted.class)).isEqualTo(new GameEvent.AnswerCounted(0, 0, 0));
    }

    @Test
    void kickingDuringAQuestionUpdatesTheCount() {
        String ann = f.join("Ann");
        f.join("Bob");
        game.start();
        List<GameEvent> events = game.kick(ann);
        assertThat(only(events, GameEvent.PlayerKicked.class).playerId()).isEqualTo(ann);
        assertThat(only(events, GameEvent.RosterChanged.class).playerCount()).isEqualTo(1);
        assertThat(only(events, GameEvent.AnswerCounted.class)).isEqualTo(new GameEvent.AnswerCounted(0, 0, 1));
        f.assertRefused(ErrorCode.UNKNOWN_PLAYER, () -> game.kick(ann));
        f.assertRefused(ErrorCode.UNKNOWN_PLAYER, () -> game.kick("id-nobody"));
    }

    @Test
    void aPollAsTheLastQuestionStillFinishesTheGame() {
        GameFixture g = new GameFixture(quiz(single("Q?", 0, "a", "b"), poll("Fun?", "Yes", "No")));
        String ann = g.join("Ann");
        g.game.start();
        g.game.skip();
        g.game.next();
        g.game.next();
        assertThat(g.game.questionView(1).points()).isEqualTo(PointsMode.NONE);
        g.answer(ann, choice(1));
        g.game.closeIfEveryoneAnswered(1);
        GameEvent.GameFinished finished = only(g.game.next(), GameEvent.GameFinished.class);
        assertThat(finished.finals().get(0).questionCount()).as("polls are not counted as questions").isEqualTo(1);
    }

    @Test
    void theTimeMultiplierStretchesEveryDeadline() {
        GameFixture slow = new GameFixture(singles(1), GameFixture.options(true, true, false, true, 2.0));
        slow.join("Ann");
        slow.game.start();
        assertThat(slow.game.questionView(0).timeLimitMs()).isEqualTo(40_000);
        assertThat(slow.game.deadline()).isEqualTo(slow.clock.instant().plus(Duration.ofSeconds(40)));
    }

    @Test
    void aTimeMultiplierOutsideItsRangeIsRefused() {
        for (double bad : new double[] {0.49, 4.01, Double.NaN}) {
            assertThatThrownBy(() -> GameFixture.options(true, true, false, true, bad))
                    .isInstanceOfSatisfying(GameException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTIONS));
        }
        assertThat(GameFixture.options(true, true, false, true, 0.5).timeMultiplier()).isEqualTo(0.5);
        assertThat(GameFixture.options(true, true, false, true, 4.0).timeMultiplier()).isEqualTo(4.0);
    }
}
