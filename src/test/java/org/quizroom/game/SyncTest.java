package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.quiz.Questions.singles;

import org.junit.jupiter.api.Test;

/** What a (re)connecting player or host is shown. */
class SyncTest {

    private final GameFixture f = new GameFixture(singles(2));
    private final Game game = f.game;
    private final String ann = f.join("Ann");
    private final String bob = f.join("Bob");

    @Test
    void inTheLobbyEveryoneSeesTheLobby() {
        SyncView view = game.sync(ann);
        assertThat(view.phase()).isEqualTo(Phase.LOBBY);
        assertThat(view.you()).isEqualTo(new PlayerView(ann, "Ann", true, 0, 0));
        assertThat(view.rank()).as("nobody has points before the first question").isNull();
        assertThat(view.leaderboard()).isEmpty();
        assertThat(view.question()).isNull();
        assertThat(view.remainingMs()).isZero();
        assertThat(view.answered()).isFalse();
        assertThat(view.reveal()).isNull();
        assertThat(view.result()).isNull();
        assertThat(view.podium()).isEmpty();
        assertThat(view.fin()).isNull();
        assertThat(view.playerCount()).isEqualTo(2);
        assertThat(view.locked()).isFalse();
        game.lock();
        assertThat(game.sync(null).locked()).isTrue();
    }

    @Test
    void theHostSeesEverythingButAPlayersOwnParts() {
        game.start();
        SyncView host = game.sync(null);
        assertThat(host.you()).isNull();
        assertThat(host.rank()).isNull();
        assertThat(host.question()).isEqualTo(game.questionView(0));
        assertThat(host.answered()).isFalse();
        assertThat(host.result()).isNull();
        assertThat(host.leaderboard()).hasSize(2);
    }

    @Test
    void duringAQuestionAPlayerSeesItWithTheTimeLeftAndWhetherTheyAnswered() {
        game.start();
        f.advanceMs(6_000);
        SyncView before = game.sync(ann);
        assertThat(before.phase()).isEqualTo(Phase.QUESTION);
        assertThat(before.question()).isEqualTo(game.questionView(0));
        assertThat(before.question().choices()).containsExactly("right", "wrong", "other", "none");
        assertThat(before.remainingMs()).isEqualTo(14_000);
        assertThat(before.answered()).isFalse();

        f.answer(ann, choice(0));
        f.advanceMs(1_000);
        SyncView after = game.sync(ann);
        assertThat(after.answered()).isTrue();
        assertThat(after.remainingMs()).isEqualTo(13_000);
        // The points wait for the close: a score that moved mid-question would tell whether the answer was right.
        assertThat(after.you().score()).isZero();
        assertThat(game.sync(bob).answered()).isFalse();
        game.skip();
        assertThat(game.sync(ann).you().score()).isEqualTo(850);
    }

    @Test
    void duringTheRevealAPlayerSeesTheAnswerAndTheirResult() {
        game.start();
        f.answer(ann, choice(0));
        GameEvent.QuestionClosed closed = only(game.skip(), GameEvent.QuestionClosed.class);
        SyncView view = game.sync(ann);
        assertThat(view.phase()).isEqualTo(Phase.REVEAL);
        assertThat(view.question()).isNull();
        assertThat(view.reveal()).isEqualTo(closed.reveal());
        assertThat(view.result()).isEqualTo(closed.results().get(0));
        assertThat(view.result().points()).isEqualTo(1000);
        assertThat(game.sync(bob).result().answered()).isFalse();
        assertThat(view.rank()).isEqualTo(1);
        assertThat(game.sync(bob).rank()).isEqualTo(2);
    }

    @Test
    void onTheLeaderboardTheLastRevealAndResultStay() {
        game.start();
        f.answer(ann, choice(0));
        GameEvent.QuestionClosed closed = only(game.skip(), GameEvent.QuestionClosed.class);
        GameEvent.LeaderboardShown board = only(game.next(), GameEvent.LeaderboardShown.class);
        SyncView view = game.sync(ann);
        assertThat(view.phase()).isEqualTo(Phase.LEADERBOARD);
        assertThat(view.reveal()).isEqualTo(closed.reveal());
        assertThat(view.result()).isEqualTo(closed.results().get(0));
        assertThat(view.leaderboard()).isEqualTo(board.top());
    }

    @Test
    void theNextQuestionClearsTheLastResult() {
        game.start();
        f.answer(ann, choice(0));
        game.skip();
        game.next();
        game.next();
        SyncView view = game.sync(ann);
        assertThat(view.result()).isNull();
        assertThat(view.reveal()).isNull();
        assertThat(view.answered()).isFalse();
    }

    @Test
    void atTheEndAPlayerSeesThePodiumAndTheirFinalPlace() {
        game.start();
        f.answer(bob, choice(0));
        GameEvent.QuestionClosed closed = only(game.skip(), GameEvent.QuestionClosed.class);
        GameEvent.GameFinished finished = only(game.end(), GameEvent.GameFinished.class);
        SyncView view = game.sync(ann);
        assertThat(view.phase()).isEqualTo(Phase.FINISHED);
        assertThat(view.podium()).isEqualTo(finished.podium());
        assertThat(view.fin()).isEqualTo(new PlayerFinal(ann, 2, 0, 2, 0, 1, 1));
        assertThat(view.result()).as("the last question's result").isEqualTo(closed.results().get(1));
        assertThat(view.reveal()).isNull();
        assertThat(view.question()).isNull();
        assertThat(game.sync(bob).fin()).isEqualTo(new PlayerFinal(bob, 1, 1000, 2, 1, 1, 1));
        assertThat(game.sync(null).fin()).isNull();
        assertThat(game.sync(null).podium()).isEqualTo(finished.podium());
    }

    @Test
    void aLateJoinerSeesTheOpenQuestionAndOnlyTheTimeLeft() {
        game.start();
        f.advanceMs(15_000);
        String late = f.join("Late");
        SyncView view = game.sync(late);
        assertThat(view.question()).isEqualTo(game.questionView(0));
        assertThat(view.remainingMs()).isEqualTo(5_000);
        assertThat(view.you().nickname()).isEqualTo("Late");
        assertThat(view.rank()).isEqualTo(3);
    }

    @Test
    void aDroppedPlayerComesBackWithTheirScoreAndStreak() {
        game.start();
        f.answer(ann, choice(0));
        game.skip();
        game.next();
        game.next();
        f.answer(ann, choice(0));
        game.setConnected(ann, false);
        f.advanceMs(3_000);
        game.setConnected(ann, true);
        SyncView view = game.sync(ann);
        // The open question's points and streak wait for its close.
        assertThat(view.you()).isEqualTo(new PlayerView(ann, "Ann", true, 1000, 1));
        assertThat(view.answered()).isTrue();
        assertThat(view.remainingMs()).isEqualTo(17_000);
        game.skip();
        assertThat(game.sync(ann).you()).isEqualTo(new PlayerView(ann, "Ann", true, 2100, 2));
    }

    @Test
    void aKickedPlayerCannotSync() {
        game.start();
        game.kick(bob);
        assertThatThrownBy(() -> game.sync(bob)).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PLAYER));
    }

    @Test
    void anUnknownPlayerIsNotTreatedAsTheHost() {
        assertThatThrownBy(() -> game.sync("id-nobody")).isInstanceOfSatisfying(GameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PLAYER));
    }

    @Test
    void ranksShownOnSyncFollowEveryChangeEvenWhenManyPhonesSyncAtOnce() {
        // Sync reuses one ranking while nothing changes (a reconnect storm); each change must still show.
        assertThat(game.sync(ann).rank()).as("no ranks in the lobby").isNull();
        game.start();
        assertThat(game.sync(ann).rank()).isEqualTo(1);
        assertThat(game.sync(bob).rank()).isEqualTo(2);
        f.answer(bob, choice(0));
        assertThat(game.sync(bob).rank()).as("points held until the close").isEqualTo(2);
        game.skip();
        assertThat(game.sync(bob).rank()).as("after the close").isEqualTo(1);
        assertThat(game.sync(ann).rank()).isEqualTo(2);
        String cat = f.join("Cat");
        assertThat(game.sync(cat).playerCount()).isEqualTo(3);
        game.kick(bob);
        assertThat(game.sync(ann).rank()).as("the leader was removed").isEqualTo(1);
        assertThat(game.sync(ann).playerCount()).isEqualTo(2);
        game.next();
        game.next();
        game.end();
        assertThat(game.sync(ann).fin().rank()).isEqualTo(1);
        assertThat(game.sync(cat).fin().rank()).isEqualTo(2);
    }

    @Test
    void aPlayersOwnAnswerComesBackInDisplayOrderWhileOpenAndAfterTheClose() {
        // Shuffled choices: the stored answer uses the file's indices, the phone the ones it showed.
        GameFixture shuffled = new GameFixture(singles(2), GameFixture.options(true, true, true, true, 1.0));
        String cat = shuffled.join("Cat");
        String dan = shuffled.join("Dan");
        shuffled.game.start();
        int shown = shuffled.game.questionView(0).choices().indexOf("wrong");
        assertThat(shown).as("the shuffle moved 'wrong' (file index 1)").isNotEqualTo(1);
        assertThat(shuffled.game.sync(cat).yourAnswer()).as("not answered yet").isNull();
        shuffled.answer(cat, choice(shown));

        assertThat(shuffled.game.sync(cat).yourAnswer()).isEqualTo(choice(shown));
        assertThat(shuffled.game.sync(dan).yourAnswer()).isNull();
        assertThat(shuffled.game.sync(null).yourAnswer()).as("the host has no answer").isNull();

        shuffled.game.skip();
        SyncView reveal = shuffled.game.sync(cat);
        assertThat(reveal.yourAnswer()).as("only during the question").isNull();
        assertThat(reveal.result().answer()).isEqualTo(choice(shown));
        assertThat(reveal.result().correct()).isFalse();
        assertThat(shuffled.game.sync(dan).result().answer()).isNull();
        shuffled.game.next();
        assertThat(shuffled.game.sync(cat).result().answer()).as("on the leaderboard too").isEqualTo(choice(shown));
    }

    @Test
    void aNumberTypedTwoWaysComesBackAsFirstReadWhileOpenNotAsTheReadingThatWasRight() {
        // "8,000" is 8000 or 8 (decimal comma); the question wants 8. Only the reveal may tell the student.
        GameFixture spiders = new GameFixture(org.quizroom.quiz.Questions.quiz(
                org.quizroom.quiz.Questions.number("Legs on a spider?", 8, 0)));
        String right = spiders.join("Rae");
        String wrong = spiders.join("Wes");
        spiders.join("Zoe"); // has not answered: the question stays open
        spiders.game.start();
        spiders.answer(right, twoWays("8,000"));
        spiders.answer(wrong, twoWays("7,000"));

        assertThat(spiders.game.sync(right).yourAnswer()).as("first reading, as for any other student")
                .isEqualTo(GameFixture.num(8000));
        assertThat(spiders.game.sync(wrong).yourAnswer()).isEqualTo(GameFixture.num(7000));

        spiders.game.skip();
        assertThat(spiders.game.sync(right).result().correct()).as("the reveal tells").isTrue();
        assertThat(spiders.game.sync(wrong).result().correct()).isFalse();
    }

    private static org.quizroom.quiz.Answer twoWays(String typed) {
        var reading = org.quizroom.quiz.NumberReader.reading(typed);
        assertThat(reading.otherReading()).as("%s reads two ways", typed).isNotNull();
        return new org.quizroom.quiz.Answer.Numeric(reading.value(), reading.otherReading());
    }
}
