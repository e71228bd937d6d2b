package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizroom.game.GameFixture.choice;
import static org.quizroom.quiz.Questions.singles;

import org.junit.jupiter.api.Test;

/** A question closes early when every connected, not-kicked player has answered. */
class EarlyCloseTest {

    private final GameFixture f = new GameFixture(singles(3));
    private final Game game = f.game;

    @Test
    void closesOnlyWhenTheLastConnectedPlayerAnswers() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();

        AnswerOutcome first = f.answer(ann, choice(0));
        assertThat(first.everyoneAnswered()).isFalse();
        assertThat(first.count()).isEqualTo(new GameEvent.AnswerCounted(0, 1, 2));
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);

        AnswerOutcome second = f.answer(bob, choice(1));
        assertThat(second.everyoneAnswered()).isTrue();
        assertThat(second.count()).isEqualTo(new GameEvent.AnswerCounted(0, 2, 2));
        assertThat(game.closeIfEveryoneAnswered(0)).singleElement().isInstanceOf(GameEvent.QuestionClosed.class);
        assertThat(game.phase()).isEqualTo(Phase.REVEAL);
    }

    @Test
    void disconnectedPlayersDoNotHoldTheQuestionOpen() {
        String ann = f.join("Ann");
        f.joinDisconnected("Sleepy");
        String bob = f.join("Bob");
        game.start();
        game.setConnected(bob, false);

        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.everyoneAnswered()).isTrue();
        assertThat(outcome.count()).isEqualTo(new GameEvent.AnswerCounted(0, 1, 1));
        assertThat(game.closeIfEveryoneAnswered(0)).hasSize(1);
    }

    @Test
    void aPlayerWhoDropsAfterAnsweringStillCountsAsAnswered() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();
        f.answer(ann, choice(0));
        game.setConnected(ann, false);
        AnswerOutcome outcome = f.answer(bob, choice(0));
        assertThat(outcome.count()).isEqualTo(new GameEvent.AnswerCounted(0, 2, 2));
        assertThat(outcome.everyoneAnswered()).isTrue();
    }

    @Test
    void theLastUnansweredPlayerDroppingLetsTheHostCloseIt() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();
        f.answer(ann, choice(0));
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        game.setConnected(bob, false);
        assertThat(game.closeIfEveryoneAnswered(0)).hasSize(1);
    }

    @Test
    void withNobodyConnectedTheQuestionNeverClosesEarly() {
        String ann = f.joinDisconnected("Ann");
        game.start();
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.everyoneAnswered()).as("answered, but nobody is connected").isFalse();
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }

    @Test
    void aGameWithNobodyConnectedNeverClosesEarly() {
        f.joinDisconnected("Ann"); // a game cannot start with nobody at all (NO_PLAYERS)
        game.start();
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }

    @Test
    void kickedPlayersDoNotCount() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        game.start();
        f.answer(ann, choice(0));
        GameEvent.QuestionClosed closed = GameFixture.only(game.kick(bob), GameEvent.QuestionClosed.class);
        assertThat(closed.reveal().answered()).isEqualTo(1);
        assertThat(game.phase()).as("the kick itself closes the question: everyone left has answered")
                .isEqualTo(Phase.REVEAL);
    }

    @Test
    void aKickLeavingSomeoneStillToAnswerKeepsTheQuestionOpen() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        String cat = f.join("Cat");
        game.start();
        f.answer(ann, choice(0));
        assertThat(game.kick(bob)).noneMatch(e -> e instanceof GameEvent.QuestionClosed);
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
        f.answer(cat, choice(0));
        assertThat(game.closeIfEveryoneAnswered(0)).hasSize(1);
    }

    @Test
    void aKickedPlayersAnswerDoesNotCountTowardsTheTotal() {
        String ann = f.join("Ann");
        String bob = f.join("Bob");
        String cat = f.join("Cat");
        game.start();
        f.answer(bob, choice(0));
        game.kick(bob);
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.count()).isEqualTo(new GameEvent.AnswerCounted(0, 1, 2));
        assertThat(outcome.everyoneAnswered()).isFalse();
        assertThat(f.answer(cat, choice(0)).everyoneAnswered()).isTrue();
    }

    @Test
    void aStaleCloseRequestForAnEarlierQuestionIsIgnored() {
        String ann = f.join("Ann");
        game.start();
        f.answer(ann, choice(0));
        game.closeIfEveryoneAnswered(0);
        game.next();
        game.next();
        assertThat(game.questionIndex()).isEqualTo(1);
        assertThat(game.closeIfEveryoneAnswered(0)).isEmpty();
        assertThat(game.phase()).isEqualTo(Phase.QUESTION);
    }

    @Test
    void aLateJoinerWhoIsConnectedMustAnswerToo() {
        String ann = f.join("Ann");
        game.start();
        String late = f.join("Late");
        AnswerOutcome outcome = f.answer(ann, choice(0));
        assertThat(outcome.everyoneAnswered()).isFalse();
        assertThat(f.answer(late, choice(0)).everyoneAnswered()).isTrue();
    }
}
