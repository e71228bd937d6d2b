package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 9's left-over: unfinished games nobody touches held a place under the game cap until a
 * restart. Here the cap is 3; a game whose host and phones left is ended after the idle time (the
 * check is given the time, as two hours cannot be waited for), its answer and report are kept, and
 * a new game fits again; games with a host screen or a phone still open are never ended.
 */
@LiveServerTest
@TestPropertySource(properties = {
        "quizroom.max-live-games=3",
        "quizroom.abandoned-game-minutes=120",
        "quizroom.abandoned-game-check-ms=86400000", // only the test's own checks run
})
class AbandonedGamesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    AbandonedGames abandoned;

    @Autowired
    Connections connections;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGameNobodyIsConnectedToIsEndedAfterTheIdleTimeKeepingItsAnswersAndFreeingItsPlace() throws Exception {
        Api api = new Api(port);
        // A: played a little, then the host and the only phone leave.
        JsonNode a = api.openGame("warm-up", "{\"readingTime\":false}");
        String left = a.get("pin").asText();
        JsonNode ada = api.join(left, "Ada");
        try (StompTestClient host = StompTestClient.host(port, left, a.get("hostToken").asText());
             StompTestClient phone = StompTestClient.player(port, left, ada.get("playerToken").asText())) {
            host.await("STATE");
            phone.await("STATE");
            host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 1
                    && e.path("players").get(0).path("connected").asBoolean(), "Ada connected", WAIT);
            host.host("start");
            phone.await("QUESTION", WAIT);
            phone.answer(0, "1");
            assertThat(phone.await("ACK", WAIT).path("accepted").asBoolean()).isTrue();
        }
        // B: the host screen stays open. C: no host, but a phone stays open.
        JsonNode b = api.openGame("warm-up", "{}");
        JsonNode c = api.openGame("warm-up", "{}");
        JsonNode cy = api.join(c.get("pin").asText(), "Cy");
        try (StompTestClient hostB = StompTestClient.host(port, b.get("pin").asText(), b.get("hostToken").asText());
             StompTestClient phoneC = StompTestClient.player(port, c.get("pin").asText(), cy.get("playerToken").asText())) {
            hostB.await("STATE");
            phoneC.await("STATE");
            Api.Response full = api.post("/api/games", "{\"quizId\":\"warm-up\",\"options\":{}}");
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.body().get("code").asText()).isEqualTo("SERVER_FULL");

            long until = System.nanoTime() + WAIT.toNanos();
            while (connections.gamesWithConnections().contains(left) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(connections.gamesWithConnections()).as("the server noticed A's sockets close")
                    .doesNotContain(left).contains(b.get("pin").asText(), c.get("pin").asText());

            Instant t0 = Instant.now();
            assertThat(abandoned.sweep(t0)).as("first seen").isEmpty();
            assertThat(abandoned.sweep(t0.plus(Duration.ofMinutes(119)))).as("not yet idle for 120 minutes").isEmpty();
            assertThat(api.post("/api/games", "{\"quizId\":\"warm-up\",\"options\":{}}").status()).isEqualTo(503);
            assertThat(abandoned.sweep(t0.plus(Duration.ofMinutes(120)))).containsExactly(left);

            assertThat(api.post("/api/games", "{\"quizId\":\"warm-up\",\"options\":{}}").status())
                    .as("the abandoned game's place is free").isEqualTo(201);
            assertThat(abandoned.sweep(t0.plus(Duration.ofDays(3)))).as("games in use are never ended")
                    .doesNotContain(b.get("pin").asText(), c.get("pin").asText());
            hostB.clearInbox();
            hostB.sync();
            assertThat(hostB.await("STATE", WAIT).path("phase").asText()).isEqualTo("LOBBY");
        }

        assertThat(jdbc.queryForObject("select phase from game where pin = ?", String.class, left)).isEqualTo("FINISHED");
        assertThat(jdbc.queryForObject("select abandoned_at from game where pin = ?", java.sql.Timestamp.class, left))
                .isNotNull();
        assertThat(jdbc.queryForObject("select abandoned_at from game where pin = ?", java.sql.Timestamp.class,
                b.get("pin").asText())).isNull();
        JsonNode report = api.get("/api/games/" + left + "/report", "X-Host-Token", a.get("hostToken").asText()).body();
        assertThat(report.get("answerCount").asInt()).as("Ada's answer is kept").isEqualTo(1);
        assertThat(report.get("players").findValuesAsText("nickname")).containsExactly("Ada");
        Api.Response handover = api.post("/api/games/" + left + "/host-session", "{}");
        assertThat(handover.body().get("code").asText()).as("the game is over").isEqualTo("GAME_FINISHED");
    }
}
