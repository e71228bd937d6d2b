package org.quizroom.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quizroom.game.GameFixture.num;
import static org.quizroom.game.GameFixture.only;
import static org.quizroom.game.GameFixture.text;
import static org.quizroom.quiz.Questions.number;
import static org.quizroom.quiz.Questions.quiz;
import static org.quizroom.quiz.Questions.typed;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed and number reveals list what the class answered, with counts (issue 10, item 13). */
class RevealTalliesTest {

    @Test
    void typedAnswersAreGroupedAsTheyAreCheckedMostCommonFirstWithTheRightOnesMarked() {
        GameFixture f = new GameFixture(quiz(typed("Policy?", "peaceful coexistence")));
        List<String> ids = f.joinAll("A", "B", "C", "D", "E", "F");
        f.game.start();
        // A wrong answer far from the key (a near miss would now be forgiven as a spelling slip).
        f.answer(ids.get(0), text("Peaceful competition"));
        f.answer(ids.get(1), text("peaceful competition"));
        f.answer(ids.get(2), text("Peaceful Coexistence"));
        f.answer(ids.get(3), text("détente"));
        f.answer(ids.get(4), text("peaceful competition!"));
        f.answer(ids.get(5), text("peaceful  coexistence"));
        RevealView reveal = only(f.game.skip(), GameEvent.QuestionClosed.class).reveal();
        assertThat(reveal.topAnswers()).extracting(AnswerTally::count, AnswerTally::correct)
                .containsExactly(tuple(3, false), tuple(2, true), tuple(1, false));
        assertThat(reveal.topAnswers().get(0).answer()).isEqualToIgnoringCase("peaceful competition");
        assertThat(reveal.topAnswers().get(2).answer()).isEqualTo("détente");
    }

    @Test
    void numbersAreGroupedByValue() {
        GameFixture f = new GameFixture(quiz(number("Year?", 1956, 0)));
        List<String> ids = f.joinAll("A", "B", "C", "D");
        f.game.start();
        f.answer(ids.get(0), num(1956));
        f.answer(ids.get(1), num(1955));
        f.answer(ids.get(2), num(1956.0));
        f.answer(ids.get(3), num(1953));
        RevealView reveal = only(f.game.skip(), GameEvent.QuestionClosed.class).reveal();
        assertThat(reveal.topAnswers()).extracting(AnswerTally::answer, AnswerTally::count, AnswerTally::correct)
                .containsExactly(tuple("1956", 2, true), tuple("1955", 1, false), tuple("1953", 1, false));
    }

    @Test
    void atMostEightAreListedAndChoiceQuestionsHaveNone() {
        GameFixture f = new GameFixture(quiz(typed("Word?", "yes")));
        List<String> ids = f.joinAll("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");
        f.game.start();
        for (int i = 0; i < ids.size(); i++) {
            f.answer(ids.get(i), text("word" + i));
        }
        assertThat(only(f.game.skip(), GameEvent.QuestionClosed.class).reveal().topAnswers()).hasSize(8);

        GameFixture choices = new GameFixture(org.quizroom.quiz.Questions.singles(1));
        choices.join("A");
        choices.game.start();
        assertThat(only(choices.game.skip(), GameEvent.QuestionClosed.class).reveal().topAnswers()).isEmpty();
    }
}
