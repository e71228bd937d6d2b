package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;
import static org.quizroom.quiz.Questions.withPoints;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.PointsMode;

/** Equal scores: a missed question counts its full time, so no answer never beats a wrong one (issue 10, item 3). */
class TieBreakTest {

    @Test
    void onANoPointsQuestionTheStudentWhoAnsweredWronglyRanksAboveTheOneWhoDidNotAnswer() {
        GameFixture f = new GameFixture(quiz(withPoints(single("Warm-up?", 0, "a", "b"), PointsMode.NONE)));
        String silent = f.join("Sid"); // joined first: the old order put him on top
        String wrong = f.join("Wes");
        f.game.start();
        f.advanceMs(19_000);
        f.answer(wrong, choice(1));
        f.game.skip();
        assertThat(f.rankedIds()).containsExactly(wrong, silent);
        assertThat(f.game.standings()).extracting(Standing::totalTimeMs).containsExactly(19_000L, 20_000L);
    }

    @Test
    void aWrongAnswerAtTheVeryLastMomentStillRanksAboveNoAnswer() {
        GameFixture f = new GameFixture(singles(1));
        String silent = f.join("Sid");
        String wrong = f.join("Wes");
        f.game.start();
        f.advanceMs(20_000);
        f.answer(wrong, choice(1)); // counts the whole 20 s, the same as missing it
        f.clock.set(f.game.closingTime()); // the deadline plus the network allowance
        f.game.closeIfDue();
        assertThat(f.game.standings()).extracting(Standing::totalTimeMs).containsExactly(20_000L, 20_000L);
        assertThat(f.rankedIds()).as("equal time: join order decides, never below").containsExactly(silent, wrong);
    }

    @Test
    void aMissedQuestionCountsItsFullTimeAcrossTheGame() {
        GameFixture f = new GameFixture(singles(2));
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        f.advanceMs(2_000);
        f.answer(ann, choice(1)); // wrong, 2 s
        f.game.skip();            // Bob missed: 20 s
        f.game.next();
        f.game.next();
        f.advanceMs(1_000);
        f.answer(bob, choice(1)); // wrong, 1 s
        f.game.skip();            // Ann missed: 20 s
        assertThat(f.game.standings()).extracting(Standing::playerId, Standing::totalTimeMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(bob, 21_000L),
                        org.assertj.core.groups.Tuple.tuple(ann, 22_000L));
    }

    @Test
    void aLateJoinerIsChargedTheQuestionsClosedBeforeTheyArrived() {
        GameFixture f = new GameFixture(singles(2));
        String ann = f.join("Ann");
        f.game.start();
        f.advanceMs(5_000);
        f.answer(ann, choice(1)); // wrong, 5 s
        f.game.skip();
        String late = f.join("Lee");
        assertThat(f.game.standings()).extracting(Standing::playerId, Standing::totalTimeMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ann, 5_000L),
                        org.assertj.core.groups.Tuple.tuple(late, 20_000L));
    }

    @Test
    void theOrderSurvivesARestart() {
        GameFixture f = new GameFixture(quiz(withPoints(single("Warm-up?", 0, "a", "b"), PointsMode.NONE),
                single("Two?", 0, "a", "b")));
        String silent = f.join("Sid");
        String wrong = f.join("Wes");
        f.game.start();
        f.advanceMs(3_000);
        AcceptedAnswer stored = f.answer(wrong, choice(1)).accepted();
        f.game.skip();
        List<Standing> before = f.game.standings();

        GameFixture fresh = new GameFixture(f.game.quiz());
        fresh.game.restore(List.of(new Game.RestoredPlayer(silent, "Sid", false),
                new Game.RestoredPlayer(wrong, "Wes", false)), List.of(stored), Phase.REVEAL, 0, false);
        assertThat(fresh.game.standings()).isEqualTo(before);
        assertThat(fresh.rankedIds()).containsExactly(wrong, silent);
    }
}
