package org.quizroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizroom.game.GameOptions;
import org.quizroom.game.Phase;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.support.TestDatabase;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V17_1 and V17_2 rebuild the answer and missed tables under a new key (game, question, player;
 * docs/benchmarks.md). A school's database already holds answers when it upgrades: every one of them, and every
 * missed question, must come through unchanged, and the new key must still refuse a second answer from a player
 * to a question. On H2 and, in the PostgreSQL rerun, on a
 * fresh PostgreSQL schema.
 */
@ExtendWith(TestDatabase.Condition.class)
class AnswerKeyMigrationIT {

    private static final Instant LESSON = Instant.parse("2026-03-05T09:00:00Z");
    private static final Quiz QUIZ = new QuizCatalog(Path.of("quizzes")).find("warm-up").orElseThrow();

    private DriverManagerDataSource dataSource;
    private GameStore store;

    @BeforeEach
    void aDatabaseAsTheReleaseBeforeLeftIt() {
        dataSource = TestDatabase.freshDataSource();
        migrate("16.1");
        store = new GameStore(new JdbcTemplate(dataSource), new com.fasterxml.jackson.databind.ObjectMapper(),
                new StaticListableBeanFactory().getBeanProvider(WriteFence.class));
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).target(target)
                .load().migrate();
    }

    private void game(String pin, String... playerIds) {
        store.insertGame(new StoredGame(pin, QUIZ.id(), QUIZ.title(), QUIZ, GameOptions.defaults(), "hst_" + pin, 1L,
                Phase.FINISHED, 4, false, LESSON, null, 0));
        for (int i = 0; i < playerIds.length; i++) {
            store.insertPlayer(new StoredPlayer(playerIds[i], pin, "plr_" + playerIds[i], "Student " + i, i, false,
                    LESSON, null, null));
        }
    }

    private static StoredAnswer answer(String pin, String playerId, int question, String text, boolean correct,
                                       int points, long ms, String acceptedAs) {
        return new StoredAnswer(pin, playerId, question, "\"" + text + "\"", text, correct, points, ms,
                LESSON.plus(question, ChronoUnit.MINUTES).plusMillis(ms), 40 + question, acceptedAs);
    }

    @Test
    void everyStoredAnswerComesThroughTheNewKeyUnchanged() {
        game("111111", "p_ada", "p_bo");
        game("222222", "p_cy");
        List<StoredAnswer> first = List.of(
                answer("111111", "p_ada", 0, "Paris", true, 950, 1_200, null),
                answer("111111", "p_bo", 0, "Lyon", false, 0, 4_800, null),
                answer("111111", "p_ada", 1, "Photosynthesis", true, 900, 2_000, "photosynthesis"),
                answer("111111", "p_bo", 3, "8", true, 700, 9_999, null));
        List<StoredAnswer> second = List.of(answer("222222", "p_cy", 0, "Rome", false, 0, 300, null));
        store.insertAnswers(first);
        store.insertAnswers(second);

        store.insertMissed("111111", 1, List.of("p_bo"));
        store.insertMissed("111111", 2, List.of("p_ada", "p_bo"));
        store.insertMissed("222222", 1, List.of("p_cy"));

        migrate("latest");

        assertThat(store.answers("111111")).containsExactlyInAnyOrderElementsOf(first);
        assertThat(store.missed("111111")).isEqualTo(Map.of("p_ada", Set.of(2), "p_bo", Set.of(1, 2)));
        assertThat(store.missed("222222")).isEqualTo(Map.of("p_cy", Set.of(1)));
        // Storing a question's missed players again replaces them, as before.
        store.insertMissed("111111", 2, List.of("p_bo"));
        assertThat(store.missed("111111")).isEqualTo(Map.of("p_bo", Set.of(1, 2)));
        assertThat(store.answers("222222")).containsExactlyElementsOf(second);
        assertThat(store.countAnswers("111111")).isEqualTo(4);
    }

    @Test
    void theNewKeyStillTakesOneAnswerPerPlayerAndQuestion() {
        game("111111", "p_ada", "p_bo");
        StoredAnswer kept = answer("111111", "p_ada", 0, "Paris", true, 950, 1_200, null);
        store.insertAnswers(List.of(kept));
        migrate("latest");

        assertThatThrownBy(() -> store.insertAnswers(List.of(answer("111111", "p_ada", 0, "Lyon", false, 0, 3_000, null))))
                .isInstanceOf(DataIntegrityViolationException.class);
        // The same player's next question and a classmate's answer to the same question are stored.
        StoredAnswer next = answer("111111", "p_ada", 1, "Photosynthesis", true, 900, 2_000, null);
        StoredAnswer classmate = answer("111111", "p_bo", 0, "Lyon", false, 0, 4_800, null);
        store.insertAnswers(List.of(next, classmate));
        assertThat(store.answers("111111")).containsExactlyInAnyOrder(kept, next, classmate);
        // An answer still needs its game.
        assertThatThrownBy(() -> store.insertAnswers(List.of(answer("999999", "p_ada", 2, "x", false, 0, 1, null))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
