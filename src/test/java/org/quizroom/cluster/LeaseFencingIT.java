package org.quizroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizroom.game.GameOptions;
import org.quizroom.game.Phase;
import org.quizroom.live.GameHub;
import org.quizroom.live.GameMovingException;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredAnswer;
import org.quizroom.store.StoredGame;
import org.quizroom.store.StoredPlayer;
import org.quizroom.store.WriteFence;
import org.quizroom.support.TestClock;
import org.quizroom.support.TestDatabase;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One owner per game, at the database: two nodes' {@link Leases} over one database (an H2 database
 * of its own, or a fresh PostgreSQL schema in the PostgreSQL rerun), with a clock the test moves.
 * A node cannot take a live lease; it can take an expired one; and from then on the old owner,
 * which never noticed (a paused process), cannot store an answer, a player or a state change,
 * while the new owner can. The old owner's renewal fails and it forgets the game.
 */
@ExtendWith(TestDatabase.Condition.class)
class LeaseFencingIT {

    private static final long LEASE_MS = 10_000;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-05T09:00:00Z"));
    private JdbcTemplate jdbc;
    private Leases nodeA;
    private Leases nodeB;
    private GameStore storeA;
    private GameStore storeB;
    private String pin;

    @BeforeEach
    void twoNodesAndAGameOnA() {
        DriverManagerDataSource dataSource = TestDatabase.freshDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        nodeA = node("node-a");
        nodeB = node("node-b");
        storeA = store(nodeA);
        storeB = store(nodeB);

        Quiz quiz = new QuizCatalog(Path.of("quizzes")).find("warm-up").orElseThrow();
        pin = "123456";
        storeA.insertGame(new StoredGame(pin, quiz.id(), quiz.title(), quiz, GameOptions.defaults(), "hst_x", 1L,
                Phase.LOBBY, -1, false, clock.instant(), null, 0));
        nodeA.claimNew(pin);
        storeA.insertPlayer(new StoredPlayer("p1", pin, "plr_1", "Ada", 0, false, clock.instant(), null, null));
        storeA.updateState(pin, Phase.QUESTION, 0, false);
    }

    @Test
    void aLiveLeaseCannotBeTakenAndTheRequestIsLeftForTheOwner() {
        assertThatThrownBy(() -> nodeB.takeOver(pin)).isInstanceOf(GameMovingException.class);
        assertThat(lease()).containsEntry("node_id", "node-a").containsEntry("wanted_by", "node-b");
        assertThat(epoch()).isEqualTo(1L);
        // A node without the lease cannot write either.
        assertThatThrownBy(() -> storeB.updateState(pin, Phase.REVEAL, 0, false)).isInstanceOf(LeaseLostException.class);
        storeA.insertAnswers(List.of(answer("p1", 0)));
        assertThat(storeA.countAnswers(pin)).isEqualTo(1);
    }

    @Test
    void afterATakeoverThePausedOldOwnerCanNoLongerWriteAnything() {
        storeA.insertAnswers(List.of(answer("p1", 0)));
        clock.advanceMs(LEASE_MS + 1); // node A is paused past its lease
        assertThat(nodeB.takeOver(pin)).isTrue();
        assertThat(lease()).containsEntry("node_id", "node-b");
        assertThat(epoch()).isEqualTo(2L);

        // Node A wakes up and carries on as if nothing happened: every write is refused.
        assertThatThrownBy(() -> storeA.insertAnswers(List.of(answer("p1", 1)))).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> storeA.updateState(pin, Phase.REVEAL, 0, false)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> storeA.insertPlayer(new StoredPlayer("p2", pin, "plr_2", "Bob", 1, false,
                clock.instant(), null, null))).isInstanceOf(LeaseLostException.class);
        assertThat(storeB.countAnswers(pin)).as("only the answer stored before the takeover").isEqualTo(1);
        assertThat(storeB.findGame(pin).orElseThrow().phase()).isEqualTo(Phase.QUESTION);
        assertThat(storeB.players(pin)).extracting(StoredPlayer::nickname).containsExactly("Ada");

        // The new owner writes; the answer A tried to store can be given once, on B.
        storeB.insertAnswers(List.of(answer("p1", 1)));
        storeB.updateState(pin, Phase.REVEAL, 1, false);
        assertThat(storeB.countAnswers(pin)).isEqualTo(2);
        assertThat(storeB.findGame(pin).orElseThrow().phase()).isEqualTo(Phase.REVEAL);
        assertThat(nodeA.heldPins()).as("A forgot the game once its write was refused").doesNotContain(pin);
    }

    @Test
    void thereIsNothingToTakeForAnUnknownPin() {
        assertThat(nodeB.takeOver("999999")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from game_lease", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRestartedNodeTakesBackItsOwnLeaseAtOnce() {
        Leases restartedA = node("node-a");
        restartedA.takeOver(pin);
        assertThat(epoch()).isEqualTo(2L);
        assertThatThrownBy(() -> storeA.updateState(pin, Phase.REVEAL, 0, false)).isInstanceOf(LeaseLostException.class);
        store(restartedA).updateState(pin, Phase.REVEAL, 0, false);
    }

    @Test
    void aHandedOverGameIsTakenAtOnce() {
        nodeA.release(pin);
        nodeB.takeOver(pin);
        assertThat(lease()).containsEntry("node_id", "node-b");
        assertThatThrownBy(() -> storeA.updateState(pin, Phase.REVEAL, 0, false)).isInstanceOf(LeaseLostException.class);
    }

    // ------------------------------------------------------------------ helpers

    private Leases node(String id) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new Leases(jdbc, clock, beans.getBeanProvider(GameHub.class),
                new ClusterProperties(true, id, LEASE_MS, 2000), 8080);
    }

    private GameStore store(Leases fence) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("fence", (WriteFence) fence);
        return new GameStore(jdbc, new ObjectMapper(), beans.getBeanProvider(WriteFence.class));
    }

    private StoredAnswer answer(String playerId, int question) {
        return new StoredAnswer(pin, playerId, question, "0", "A", true, 900, 1200, clock.instant(), 0);
    }

    private Map<String, Object> lease() {
        return jdbc.queryForMap("select node_id, wanted_by from game_lease where game_pin = ?", pin).entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
    }

    private long epoch() {
        return jdbc.queryForObject("select epoch from game_lease where game_pin = ?", Long.class, pin);
    }
}
