package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fair matching over the wire: a misspelt typed answer is right and its RESULT names the accepted
 * spelling (stored too, for the report); a number typed with a decimal comma is read as the
 * student meant, and text that is no number is refused with a message.
 */
@LiveServerTest
class AnswerMatchingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aForgivenSpellingIsNamedInTheResultAndStoredAndTypedNumbersAreRead() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            JsonNode ada = api.join(pin, "Ada");
            JsonNode bob = api.join(pin, "Bob");
            try (StompTestClient a = StompTestClient.player(port, pin, ada.get("playerToken").asText());
                 StompTestClient b = StompTestClient.player(port, pin, bob.get("playerToken").asText())) {
                a.await("STATE");
                b.await("STATE");
                host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 2
                        && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                        "roster of two connected players", WAIT);
                host.host("start");
                for (int q = 0; q < 3; q++) {
                    host.await(e -> "QUESTION".equals(e.path("type").asText()), "question", WAIT);
                    host.host("skip");
                    host.await("REVEAL", WAIT);
                    host.host("next");
                    host.await("LEADERBOARD", WAIT);
                    host.clearInbox();
                    host.host("next");
                }
                JsonNode typed = a.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 3,
                        "the typed question", WAIT);
                assertThat(typed.get("questionType").asText()).isEqualTo("type");
                b.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 3, "typed", WAIT);
                a.clearInbox();
                b.clearInbox();
                a.answer(3, "\"carbon dioxid\"");
                b.answer(3, "\"The Carbon Dioxide\"");
                JsonNode ackA = a.await("ACK", WAIT);
                assertThat(ackA.get("accepted").asBoolean()).isTrue();
                assertThat(ackA.has("acceptedAs")).as("correctness is not told before the reveal").isFalse();
                assertThat(b.await("ACK", WAIT).get("accepted").asBoolean()).isTrue();

                JsonNode resultA = a.await("RESULT", WAIT);
                JsonNode resultB = b.await("RESULT", WAIT);
                assertThat(resultA.get("correct").asBoolean()).isTrue();
                assertThat(resultA.get("acceptedAs").asText()).isEqualTo("carbon dioxide");
                assertThat(resultB.get("correct").asBoolean()).isTrue();
                assertThat(resultB.has("acceptedAs")).as("an exact match needs no note").isFalse();
                assertThat(jdbc.queryForObject("select accepted_as from answer where player_id = ? and question_index = 3",
                        String.class, ada.get("playerId").asText())).isEqualTo("carbon dioxide");
                assertThat(jdbc.queryForObject("select accepted_as from answer where player_id = ? and question_index = 3",
                        String.class, bob.get("playerId").asText())).isNull();

                host.host("next");
                host.await("LEADERBOARD", WAIT);
                host.host("next");
                a.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 4, "number", WAIT);
                b.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 4, "number", WAIT);
                b.answer(4, "\"8 legs\"");
                JsonNode refused = b.await("ACK", WAIT);
                assertThat(refused.get("accepted").asBoolean()).isFalse();
                assertThat(refused.get("code").asText()).isEqualTo("BAD_ANSWER");
                assertThat(refused.get("message").asText()).contains("not a number");
                b.clearInbox();
                a.answer(4, "\"8,0\"");
                b.answer(4, "\"8,5\"");
                assertThat(a.await("ACK", WAIT).get("accepted").asBoolean()).isTrue();
                assertThat(b.await("ACK", WAIT).get("accepted").asBoolean()).isTrue();
                assertThat(a.await("RESULT", WAIT).get("correct").asBoolean()).as("8,0 is 8").isTrue();
                assertThat(b.await("RESULT", WAIT).get("correct").asBoolean()).as("8,5 is 8.5, not 85").isFalse();
                assertThat(jdbc.queryForObject("select answer_text from answer where player_id = ? and question_index = 4",
                        String.class, bob.get("playerId").asText())).isEqualTo("8.5");
            }
        }
    }
}
