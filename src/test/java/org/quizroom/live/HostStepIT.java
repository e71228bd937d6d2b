package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The host's buttons over real STOMP: Start is refused with NO_PLAYERS until someone has joined,
 * and host commands tagged with the step on screen act once, however many frames arrive (a double
 * press, the same button on two host screens, a replayed frame), so a leaderboard is never skipped.
 */
@LiveServerTest
class HostStepIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Test
    void startWaitsForAPlayerAndTwoNextFramesAtARevealShowTheLeaderboardOnce() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{\"readingTime\":false}");
        String pin = game.get("pin").asText();
        String hostToken = game.get("hostToken").asText();
        try (StompTestClient projector = StompTestClient.host(port, pin, hostToken)) {
            projector.await("STATE", WAIT);

            projector.host("start");
            JsonNode refused = projector.await("ERROR", WAIT);
            assertThat(refused.get("code").asText()).isEqualTo("NO_PLAYERS");
            assertThat(refused.get("message").asText()).isEqualTo("Nobody has joined yet: wait for the first player, then start.");
            projector.sync();
            assertThat(projector.await("STATE", WAIT).get("phase").asText()).isEqualToIgnoringCase("lobby");

            api.join(pin, "Ada");
            // Start pressed twice on the lobby: one game starts, the other press is stale.
            String startInLobby = "{\"command\":\"start\",\"question\":-1,\"phase\":\"lobby\"}";
            int errors = projector.seen("ERROR").size();
            projector.send("/app/games/" + pin + "/host", startInLobby);
            projector.send("/app/games/" + pin + "/host", startInLobby);
            assertThat(awaitSeen(projector, "QUESTION", 1).get("index").asInt()).isZero();
            assertThat(awaitSeen(projector, "ERROR", errors + 1).get("code").asText()).isEqualTo("STALE_COMMAND");

            projector.host("skip");
            awaitSeen(projector, "REVEAL", 1);
            // Two "next" frames for the reveal of question 0 (same index): the first shows the
            // leaderboard, the second is refused; before the fix it opened question 1.
            String nextAtReveal = "{\"command\":\"next\",\"question\":0,\"phase\":\"reveal\"}";
            projector.send("/app/games/" + pin + "/host", nextAtReveal);
            projector.send("/app/games/" + pin + "/host", nextAtReveal);
            assertThat(awaitSeen(projector, "LEADERBOARD", 1).get("index").asInt()).isZero();
            JsonNode stale = awaitSeen(projector, "ERROR", errors + 2);
            assertThat(stale.get("code").asText()).isEqualTo("STALE_COMMAND");
            assertThat(stale.get("message").asText())
                    .isEqualTo("That command was for question 0 (reveal) but the game is at question 0 (leaderboard).");
            projector.clearInbox();
            projector.sync();
            assertThat(projector.await("STATE", WAIT).get("phase").asText()).isEqualToIgnoringCase("leaderboard");
            assertThat(projector.seen("QUESTION")).as("questions opened so far").hasSize(1);

            // The Next on the leaderboard opens question 1, once.
            String nextAtBoard = "{\"command\":\"next\",\"question\":0,\"phase\":\"leaderboard\"}";
            projector.send("/app/games/" + pin + "/host", nextAtBoard);
            projector.send("/app/games/" + pin + "/host", nextAtBoard);
            assertThat(awaitSeen(projector, "QUESTION", 2).get("index").asInt()).isEqualTo(1);
            assertThat(awaitSeen(projector, "ERROR", errors + 3).get("code").asText()).isEqualTo("STALE_COMMAND");

            // Badly tagged commands are refused with a clear code, and change nothing.
            projector.clearInbox();
            projector.send("/app/games/" + pin + "/host", "{\"command\":\"skip\",\"phase\":\"question\"}");
            assertThat(projector.await("ERROR", WAIT).get("code").asText()).isEqualTo("BAD_COMMAND");
            projector.send("/app/games/" + pin + "/host", "{\"command\":\"skip\",\"question\":1,\"phase\":\"podium\"}");
            assertThat(projector.await("ERROR", WAIT).get("code").asText()).isEqualTo("BAD_COMMAND");
            projector.send("/app/games/" + pin + "/host", "{\"command\":\"skip\",\"question\":\"1\"}");
            assertThat(projector.await("ERROR", WAIT).get("code").asText()).isEqualTo("BAD_COMMAND");
            projector.sync();
            assertThat(projector.await("STATE", WAIT).get("phase").asText()).isEqualToIgnoringCase("question");
            projector.send("/app/games/" + pin + "/host", "{\"command\":\"skip\",\"question\":1,\"phase\":\"question\"}");
            assertThat(projector.await("REVEAL", WAIT).get("index").asInt()).isEqualTo(1);
        }
    }

    /** Waits until this client has received {@code count} events of {@code type} in all, in any order with others. */
    /**
     * The answer count is sent to the host on a 100 ms timer; the question that closed when the last player
     * answered must get its last count ("2 of 2") before its REVEAL, not after it (fresh tester: "answered 3 of 3"
     * arrived 30–65 ms after it).
     */
    @Test
    void noAnswerCountReachesTheHostAfterTheReveal() throws Exception {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{\"readingTime\":false}");
        String pin = game.get("pin").asText();
        try (StompTestClient projector = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient ada = StompTestClient.player(port, pin, api.join(pin, "Ada").get("playerToken").asText());
             StompTestClient bo = StompTestClient.player(port, pin, api.join(pin, "Bo").get("playerToken").asText())) {
            projector.await("STATE", WAIT);
            ada.await("STATE", WAIT);
            bo.await("STATE", WAIT);
            projector.host("start");
            ada.await("QUESTION", WAIT);
            bo.await("QUESTION", WAIT);
            ada.answer(0, "1");
            ada.await("ACK", WAIT);
            bo.answer(0, "2"); // the last answer closes the question
            projector.await("REVEAL", WAIT);
            Thread.sleep(500); // several runs of the 100 ms timer: a count still pending would have gone out
            java.util.List<JsonNode> seen = projector.seen();
            java.util.List<String> types = seen.stream().map(e -> e.path("type").asText()).toList();
            int reveal = types.indexOf("REVEAL");
            assertThat(types.subList(reveal, types.size())).as("after the REVEAL: %s", types)
                    .doesNotContain("ANSWER_COUNT");
            // ... and the host still saw the count complete, just before it.
            assertThat(types.get(reveal - 1)).as("just before the REVEAL: %s", types).isEqualTo("ANSWER_COUNT");
            assertThat(seen.get(reveal - 1).get("answered").asInt()).isEqualTo(2);
        }
    }

    static JsonNode awaitSeen(StompTestClient client, String type, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (client.seen(type).size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + count + " " + type + " events within " + WAIT + ": " + client.seen());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return client.seen(type).get(count - 1);
    }
}
