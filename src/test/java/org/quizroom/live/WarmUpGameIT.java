package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A short game of the warm-up quiz: the path every lesson takes, with two players. */
@LiveServerTest
class WarmUpGameIT {

    @LocalServerPort
    int port;

    @Test
    void twoPlayersJoinAnswerAndSeeTheirResults() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        assertThat(game.get("joinUrl").asText()).isEqualTo("http://127.0.0.1:" + port + "/play?pin=" + pin);

        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            JsonNode ada = api.join(pin, "Ada");
            JsonNode bob = api.join(pin, "Bob");
            try (StompTestClient a = StompTestClient.player(port, pin, ada.get("playerToken").asText());
                 StompTestClient b = StompTestClient.player(port, pin, bob.get("playerToken").asText())) {
                assertThat(a.await("STATE").path("you").path("nickname").asText()).isEqualTo("Ada");
                host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 2
                        && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                        "roster of two connected players", java.time.Duration.ofSeconds(10));

                host.host("start");
                JsonNode question = a.await("QUESTION");
                b.await("QUESTION");
                assertThat(question.get("text").asText()).isEqualTo("What is the capital city of Australia?");
                int canberra = indexOf(question, "Canberra");
                a.answer(0, String.valueOf(canberra));
                b.answer(0, String.valueOf((canberra + 1) % 4));
                assertThat(a.await("ACK").get("accepted").asBoolean()).isTrue();
                assertThat(b.await("ACK").get("accepted").asBoolean()).isTrue();

                // Everyone connected answered: the question closes without the teacher.
                JsonNode reveal = host.await("REVEAL");
                assertThat(reveal.get("correctChoices").get(0).asInt()).isEqualTo(canberra);
                JsonNode resultA = a.await("RESULT");
                JsonNode resultB = b.await("RESULT");
                assertThat(resultA.get("correct").asBoolean()).isTrue();
                assertThat(resultA.get("points").asInt()).isBetween(500, 1000);
                assertThat(resultA.get("rank").asInt()).isEqualTo(1);
                assertThat(resultB.get("correct").asBoolean()).isFalse();
                assertThat(resultB.get("points").asInt()).isZero();

                host.host("end");
                JsonNode finished = a.await("FINISHED");
                assertThat(finished.get("podium").get(0).get("nickname").asText()).isEqualTo("Ada");
                assertThat(b.await("FINAL").get("rank").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void aConnectWithAnUnknownTokenIsRefusedWithAnErrorFrame() throws Exception {
        var received = new java.util.concurrent.CompletableFuture<String>();
        var client = java.net.http.HttpClient.newHttpClient();
        var socket = client.newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + "/ws"),
                new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                          boolean last) {
                        received.complete(data.toString());
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nplayer-token:plr_made_up\n\n\0", true);
        String frame = received.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(frame).startsWith("ERROR").contains("token is not valid").endsWith("\0");
        // A whole STOMP frame, as every other the server sends: its content-length counts the body's bytes.
        String body = frame.substring(frame.indexOf("\n\n") + 2, frame.length() - 1);
        assertThat(frame).contains("\ncontent-length:" + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\n");
        assertThat(body).contains("token is not valid");
    }

    static int indexOf(JsonNode question, String choice) {
        JsonNode choices = question.get("choices");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).asText().equals(choice)) {
                return i;
            }
        }
        throw new AssertionError(choice + " not in " + choices);
    }
}
