package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.quiz.Questions.singles;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer oracle of issue 9: while a question is open, nothing a player or the projector can see
 * (score, rank, streak, leaderboard, roster) moves, so a spare nickname's score cannot tell which
 * choice is right. Points are applied when the question closes, also after a crash in the middle.
 */
class HeldPointsTest {

    private final GameFixture f = new GameFixture(singles(3));
    private final Game game = f.game;
    private final String ann = f.join("Ann");
    private final String bob = f.join("Bob");
    private final String spare = f.join("Spare");

    /** Everything a player's sync shows about standing, for every player, plus the host's view. */
    private List<Object> visibleStanding() {
        var seen = new java.util.ArrayList<Object>();
        for (String id : List.of(ann, bob, spare)) {
            SyncView v = game.sync(id);
            seen.add(List.of(v.you().score(), v.you().streak(), v.rank()));
        }
        SyncView host = game.sync(null);
        seen.add(host.leaderboard());
        seen.add(game.players());
        seen.add(game.standings());
        return seen;
    }

    @Test
    void answeringDoesNotMoveAnyScoreRankOrStreakUntilTheQuestionCloses() {
        game.start();
        f.advanceMs(1_000);
        f.answer(bob, choice(0));
        List<Object> before = visibleStanding();

        // The spare nickname probes choice 0 (right), then Ann answers; nobody's standing moves.
        f.answer(spare, choice(0));
        assertThat(visibleStanding()).as("after the spare nickname answered right").isEqualTo(before);
        f.answer(ann, choice(1));
        assertThat(visibleStanding()).as("after a wrong answer").isEqualTo(before);
        assertThat(game.sync(spare).answered()).as("the player still sees that they answered").isTrue();

        game.skip();
        assertThat(f.score(bob)).isPositive();
        assertThat(f.score(spare)).isEqualTo(f.score(bob));
        assertThat(f.score(ann)).isZero();
        assertThat(f.streak(bob)).isEqualTo(1);
        assertThat(game.sync(ann).rank()).isEqualTo(3);
        assertThat(game.sync(bob).rank()).isEqualTo(1);
    }

    @Test
    void aStreakBonusIsEarnedByTheAnswerButShownOnlyAtTheClose() {
        game.start();
        f.answer(ann, choice(0));
        game.skip();
        game.next();
        game.next();
        int afterFirst = f.score(ann);
        f.answer(ann, choice(0));
        assertThat(f.streak(ann)).as("streak mid-question").isEqualTo(1);
        assertThat(f.score(ann)).as("score mid-question").isEqualTo(afterFirst);
        var closed = GameFixture.only(game.skip(), GameEvent.QuestionClosed.class);
        PlayerResult result = closed.results().stream().filter(r -> r.playerId().equals(ann)).findFirst().orElseThrow();
        assertThat(result.streak()).isEqualTo(2);
        assertThat(result.score()).isEqualTo(afterFirst + result.points());
        assertThat(f.score(ann)).isEqualTo(result.score());
    }

    @Test
    void afterACrashMidQuestionTheStoredAnswersAreHeldUntilTheReopenedQuestionCloses() {
        game.start();
        f.advanceMs(2_000);
        AcceptedAnswer a = f.answer(ann, choice(0)).accepted();
        AcceptedAnswer b = f.answer(bob, choice(1)).accepted();

        GameFixture fresh = new GameFixture(singles(3));
        fresh.game.restore(List.of(new Game.RestoredPlayer(ann, "Ann", false),
                        new Game.RestoredPlayer(bob, "Bob", false), new Game.RestoredPlayer(spare, "Spare", false)),
                List.of(a, b), Phase.QUESTION, 0, false);
        assertThat(fresh.game.players()).allSatisfy(p -> {
            assertThat(p.score()).isZero();
            assertThat(p.streak()).isZero();
        });
        assertThat(fresh.game.sync(ann).answered()).isTrue();
        fresh.game.skip();
        assertThat(fresh.score(ann)).isEqualTo(a.points()).isPositive();
        assertThat(fresh.streak(ann)).isEqualTo(1);
        assertThat(fresh.score(bob)).isZero();
        assertThat(fresh.game.sync(ann).rank()).isEqualTo(1);
    }
}
