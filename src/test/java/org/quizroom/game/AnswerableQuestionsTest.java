package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.quiz.Questions.poll;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.single;
import static org.quizroom.quiz.Questions.singles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FINAL's "N of M correct" counts only the questions the player had open (issue 10, item 6). */
class AnswerableQuestionsTest {

    private static PlayerFinal finalOf(List<GameEvent> events, String playerId) {
        return only(events, GameEvent.GameFinished.class).finals().stream()
                .filter(p -> p.playerId().equals(playerId)).findFirst().orElseThrow();
    }

    private static void nextQuestion(GameFixture f) {
        if (f.game.phase() == Phase.QUESTION) {
            f.game.skip();
        }
        f.game.next();
        f.game.next();
    }

    @Test
    void aLateJoinerCountsOnlyTheQuestionsAskedSinceTheyArrived() {
        GameFixture f = new GameFixture(singles(5));
        String ann = f.join("Ann");
        f.game.start();
        nextQuestion(f);
        nextQuestion(f);
        nextQuestion(f); // question 4 open
        String late = f.join("Lee");
        f.game.sync(late);
        f.answer(late, choice(0));
        nextQuestion(f); // question 5, not answered
        PlayerFinal lee = finalOf(f.game.end(), late);
        assertThat(lee.questionCount()).isEqualTo(5);
        assertThat(lee.questionsAnswerable()).isEqualTo(2);
        assertThat(lee.correctCount()).isEqualTo(1);
        assertThat(f.game.sync(ann).fin().questionsAnswerable()).as("connected throughout, answered none").isEqualTo(5);
    }

    @Test
    void questionsOpenedAndClosedWhileAPhoneWasAwayDoNotCount() {
        GameFixture f = new GameFixture(singles(4));
        String ann = f.join("Ann");
        f.game.start();
        f.answer(ann, choice(0));
        f.game.setConnected(ann, false);
        nextQuestion(f); // 2 and 3 skipped in seconds while Ann's phone was off
        nextQuestion(f);
        f.game.skip();
        f.game.next();
        f.game.setConnected(ann, true);
        f.game.next(); // question 4 reaches her
        f.answer(ann, choice(1));
        PlayerFinal fin = finalOf(f.game.end(), ann);
        assertThat(fin.questionCount()).isEqualTo(4);
        assertThat(fin.questionsAnswerable()).isEqualTo(2);
        assertThat(fin.correctCount()).isEqualTo(1);
    }

    @Test
    void pollsAreNotCounted() {
        GameFixture f = new GameFixture(quiz(poll("Fun?", "y", "n"), single("1?", 0, "a", "b")));
        String ann = f.join("Ann");
        f.game.start();
        f.answer(ann, choice(0));
        nextQuestion(f);
        assertThat(finalOf(f.game.end(), ann).questionsAnswerable()).isEqualTo(1);
    }

    @Test
    void whoHadAQuestionOpenSurvivesARestart() {
        GameFixture f = new GameFixture(singles(3));
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        f.game.start();
        AcceptedAnswer a0 = f.answer(ann, choice(0)).accepted();
        f.game.setConnected(bob, false); // question 1 reached Bob at the start; he leaves without answering
        f.game.skip();
        assertThat(f.game.missedBy(0)).containsExactly(bob);
        f.game.next();
        f.game.next(); // question 2: Bob away, Ann does not answer
        f.game.skip();
        assertThat(f.game.missedBy(1)).containsExactly(ann);

        GameFixture fresh = new GameFixture(f.game.quiz());
        Map<String, Set<Integer>> missed = Map.of(bob, Set.of(0), ann, Set.of(1));
        fresh.game.restore(List.of(new Game.RestoredPlayer(ann, "Ann", false, missed.get(ann)),
                new Game.RestoredPlayer(bob, "Bob", false, missed.get(bob))), List.of(a0), Phase.REVEAL, 1, false);
        List<GameEvent> live = f.game.end();
        List<GameEvent> restored = fresh.game.end();
        assertThat(finalOf(restored, ann)).isEqualTo(finalOf(live, ann));
        assertThat(finalOf(restored, bob)).isEqualTo(finalOf(live, bob));
        assertThat(finalOf(restored, ann).questionsAnswerable()).isEqualTo(2);
        assertThat(finalOf(restored, bob).questionsAnswerable()).isEqualTo(1);
    }
}
