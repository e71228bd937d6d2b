package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is ahead: score, then the earlier total answer time, then who joined first. */
class RankingTest {

    private static final GameOptions FLAT = GameFixture.options(false, false, false, true, 1.0);

    @Test
    void higherScoreRanksFirst() {
        GameFixture f = new GameFixture(singles(1));
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        f.advanceMs(5_000);
        f.answer(ann, choice(0)); // 875
        f.answer(bob, choice(1)); // 0
        assertThat(f.rankedIds()).containsExactly(ann, bob);
        f.game.skip();
        assertThat(f.game.standings()).extracting(Standing::rank, Standing::playerId, Standing::nickname,
                Standing::score, Standing::totalTimeMs)
                .containsExactly(tuple(1, ann, "Ann", 875, 5_000L), tuple(2, bob, "Bob", 0, 5_000L));
    }

    @Test
    void tiesGoToTheEarlierTotalAnswerTime() {
        GameFixture f = new GameFixture(singles(2), FLAT);
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        f.advanceMs(1_000);
        f.answer(bob, choice(0));
        f.advanceMs(2_000);
        f.answer(ann, choice(0));
        f.game.skip();
        assertThat(f.rankedIds()).containsExactly(bob, ann);
        f.game.next();
        f.game.next();
        f.advanceMs(1_000);
        f.answer(ann, choice(0)); // Ann: 3 s + 1 s = 4 s
        f.advanceMs(4_000);
        f.answer(bob, choice(0)); // Bob: 1 s + 5 s = 6 s
        f.game.skip();
        assertThat(f.game.standings()).extracting(Standing::playerId, Standing::score, Standing::totalTimeMs)
                .containsExactly(tuple(ann, 2000, 4_000L), tuple(bob, 2000, 6_000L));
    }

    @Test
    void fullTiesGoToWhoJoinedFirst() {
        GameFixture f = new GameFixture(singles(1));
        String zed = f.join("Zed");
        String amy = f.join("Amy");
        String bea = f.join("Bea");
        f.game.start();
        f.advanceMs(2_000);
        f.answer(bea, choice(0));
        f.answer(amy, choice(0));
        f.answer(zed, choice(0));
        assertThat(f.rankedIds()).containsExactly(zed, amy, bea);
        assertThat(f.game.standings()).extracting(Standing::rank).containsExactly(1, 2, 3);
    }

    @Test
    void pollTimesDoNotCountTowardsTies() {
        GameFixture f = new GameFixture(quiz(poll("Fun?", "Y", "N"), single("Q?", 0, "a", "b")), FLAT);
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        f.advanceMs(15_000);
        f.answer(ann, choice(0)); // slow poll answer, must not matter
        f.game.skip();
        f.game.next();
        f.game.next();
        f.advanceMs(1_000);
        f.answer(ann, choice(0));
        f.advanceMs(1_000);
        f.answer(bob, choice(0));
        f.game.skip();
        assertThat(f.rankedIds()).containsExactly(ann, bob);
        assertThat(f.game.standings().get(0).totalTimeMs()).isEqualTo(1_000);
    }

    @Test
    void theLeaderboardShowsTheTopFiveAndThePodiumTheTopThree() {
        GameFixture f = new GameFixture(singles(2));
        String[] names = {"P1", "P2", "P3", "P4", "P5", "P6", "P7"};
        List<String> ids = f.joinAll(names);
        f.game.start();
        for (String id : ids) { // P1 fastest ... P7 slowest
            f.advanceMs(1_000);
            f.answer(id, choice(0));
        }
        f.game.closeIfEveryoneAnswered(0);
        GameEvent.LeaderboardShown board = only(f.game.next(), GameEvent.LeaderboardShown.class);
        assertThat(board.top()).extracting(Standing::nickname).containsExactly("P1", "P2", "P3", "P4", "P5");
        assertThat(f.game.sync(null).leaderboard()).isEqualTo(board.top());

        GameEvent.GameFinished finished = only(f.game.end(), GameEvent.GameFinished.class);
        assertThat(finished.podium()).extracting(Standing::rank, Standing::nickname)
                .containsExactly(tuple(1, "P1"), tuple(2, "P2"), tuple(3, "P3"));
        assertThat(finished.finals()).hasSize(7);
        assertThat(finished.finals()).filteredOn(p -> p.playerId().equals(ids.get(6))).singleElement()
                .satisfies(p -> {
                    assertThat(p.rank()).isEqualTo(7);
                    assertThat(p.playerCount()).isEqualTo(7);
                    assertThat(p.correctCount()).isEqualTo(1);
                    assertThat(p.questionCount()).isEqualTo(1);
                });
    }

    @Test
    void aSmallGamesPodiumHasOnlyItsPlayers() {
        GameFixture f = new GameFixture(singles(1));
        f.join("Solo");
        GameEvent.GameFinished finished = only(f.game.end(), GameEvent.GameFinished.class);
        assertThat(finished.podium()).hasSize(1);
        assertThat(only(new GameFixture(singles(1)).game.end(), GameEvent.GameFinished.class).podium()).isEmpty();
    }

    @Test
    void eachResultCarriesTheAnswerPointsScoreStreakAndRank() {
        GameFixture f = new GameFixture(singles(2));
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        String cat = f.join("Cat");
        f.game.start();
        f.answer(ann, choice(0));
        f.answer(bob, choice(0));
        f.game.skip();
        f.game.next();
        f.game.next();
        f.advanceMs(10_000);
        f.answer(ann, choice(0)); // 750 + 100 streak
        f.answer(bob, choice(2));
        GameEvent.QuestionClosed closed = only(f.game.skip(), GameEvent.QuestionClosed.class);

        assertThat(closed.results()).extracting(PlayerResult::playerId, PlayerResult::index, PlayerResult::answered,
                PlayerResult::correct, PlayerResult::points, PlayerResult::score, PlayerResult::streak,
                PlayerResult::rank, PlayerResult::playerCount).containsExactly(
                tuple(ann, 1, true, true, 850, 1850, 2, 1, 3),
                tuple(bob, 1, true, false, 0, 1000, 0, 2, 3),
                tuple(cat, 1, false, false, 0, 0, 0, 3, 3));
        assertThat(closed.reveal().answered()).isEqualTo(2);
        assertThat(closed.reveal().correctCount()).isEqualTo(1);
        assertThat(closed.reveal().playerCount()).isEqualTo(3);
        assertThat(closed.reveal().distribution()).containsExactly(1, 0, 1, 0);
    }

    @Test
    void finalsCountCorrectAnswersOutOfTheQuestionsPlayed() {
        GameFixture f = new GameFixture(quiz(single("1", 0, "a", "b"), poll("p", "x", "y"),
                single("2", 0, "a", "b"), single("3", 0, "a", "b")));
        String ann = f.join("Ann");
        f.game.start();
        f.answer(ann, choice(0));
        f.game.skip();
        f.game.next();
        f.game.next();
        f.answer(ann, choice(0)); // poll
        f.game.skip();
        f.game.next();
        f.game.next();
        f.answer(ann, choice(1));
        GameEvent.GameFinished finished = only(f.game.end(), GameEvent.GameFinished.class);
        assertThat(finished.finals()).singleElement().satisfies(p -> {
            assertThat(p.correctCount()).isEqualTo(1);
            assertThat(p.questionCount()).as("two scored questions were played before the end").isEqualTo(2);
        });
    }

    @Test
    void kickedPlayersVanishFromTheStandings() {
        GameFixture f = new GameFixture(singles(1));
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        f.answer(ann, choice(0));
        f.game.kick(ann);
        assertThat(f.rankedIds()).containsExactly(bob);
        assertThat(f.game.standings().get(0).rank()).isEqualTo(1);
        assertThat(f.game.players()).extracting(PlayerView::playerId).containsExactly(bob);
        assertThat(f.game.isActivePlayer(ann)).isFalse();
        GameEvent.QuestionClosed closed = only(f.game.skip(), GameEvent.QuestionClosed.class);
        assertThat(closed.results()).extracting(PlayerResult::playerId).containsExactly(bob);
        assertThat(closed.reveal().answered()).as("the kicked player's answer is not shown").isZero();
        assertThat(closed.reveal().distribution()).containsExactly(0, 0, 0, 0);
        GameEvent.GameFinished finished = only(f.game.end(), GameEvent.GameFinished.class);
        assertThat(finished.finals()).extracting(PlayerFinal::playerId).containsExactly(bob);
    }
}
