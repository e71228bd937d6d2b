package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The answer oracle of issue 9, as a student would try it: answer with a spare nickname, then sync
 * (or reload) and read the score and rank. Until the question closes, nothing a phone or the
 * projector sees moves; at the close the points arrive.
 */
@LiveServerTest
class ScoreProbeIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int CANBERRA = 1; // warm-up question 1, choices in the file's order

    @LocalServerPort
    int port;

    @Test
    void aSpareNicknamesScoreRankAndTheLeaderboardDoNotMoveUntilTheQuestionCloses() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{\"shuffleAnswers\":false}");
        String pin = game.get("pin").asText();
        JsonNode real = api.join(pin, "Real");
        JsonNode spare = api.join(pin, "Spare");
        JsonNode other = api.join(pin, "Other");
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient realClient = StompTestClient.player(port, pin, real.get("playerToken").asText());
             StompTestClient spareClient = StompTestClient.player(port, pin, spare.get("playerToken").asText());
             StompTestClient otherClient = StompTestClient.player(port, pin, other.get("playerToken").asText())) {
            host.await("STATE");
            realClient.await("STATE");
            spareClient.await("STATE");
            otherClient.await("STATE");
            host.host("start");
            spareClient.await("QUESTION");
            otherClient.await("QUESTION");

            // Other answers wrong first: had points moved, the spare's rank would now beat Other's.
            otherClient.answer(0, "0");
            otherClient.await(e -> e.path("type").asText().equals("ACK") && e.path("accepted").asBoolean(), "ACK", WAIT);
            JsonNode otherBefore = syncYou(otherClient);
            spareClient.answer(0, String.valueOf(CANBERRA));
            spareClient.await(e -> e.path("type").asText().equals("ACK") && e.path("accepted").asBoolean(), "ACK", WAIT);

            // The probe: a sync (what a reload does) after a right answer.
            JsonNode probe = syncYou(spareClient);
            assertThat(probe.path("score").asInt()).as("spare's score mid-question").isZero();
            assertThat(probe.path("streak").asInt()).as("spare's streak mid-question").isZero();
            assertThat(probe.path("rank").asInt()).as("spare's rank mid-question (join order)").isEqualTo(2);
            assertThat(syncYou(otherClient)).as("another player's view mid-question").isEqualTo(otherBefore);
            host.clearInbox();
            host.sync();
            JsonNode players = host.await("PLAYERS", WAIT);
            assertThat(scores(players)).as("roster scores on the projector mid-question").containsOnly(0);

            host.host("skip");
            JsonNode result = spareClient.await("RESULT", WAIT);
            assertThat(result.path("correct").asBoolean()).isTrue();
            JsonNode after = syncYou(spareClient);
            assertThat(after.path("score").asInt()).as("spare's score after the close")
                    .isEqualTo(result.path("score").asInt()).isPositive();
            assertThat(after.path("streak").asInt()).isEqualTo(1);
            assertThat(after.path("rank").asInt()).isEqualTo(1);
            host.clearInbox();
            host.sync();
            assertThat(scores(host.await("PLAYERS", WAIT))).contains(result.path("score").asInt());
        }
    }

    private static JsonNode syncYou(StompTestClient client) {
        client.clearInbox();
        client.sync();
        return client.await("STATE", WAIT).path("you");
    }

    private static List<Integer> scores(JsonNode players) {
        return StreamSupport.stream(players.path("players").spliterator(), false)
                .map(p -> p.path("score").asInt()).toList();
    }
}
