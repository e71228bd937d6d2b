package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizroom.live.StompFuzzIT.RawStomp;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A student with any valid player token sends frames only a server may send (MESSAGE, RECEIPT,
 * ERROR, CONNECTED) or that Quizroom does not use (ACK, NACK, transactions), aimed at their own
 * game, another game and another player's private queue. The forger gets an ERROR frame and is
 * disconnected; no other client ever receives the forged event.
 */
@LiveServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedFramesIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String FORGED = "{\"type\":\"KICKED\",\"message\":\"forged\"}";

    @LocalServerPort
    int port;

    private Api api;
    private String pin;
    private String hostToken;
    private String otherPin;
    private String otherHostToken;
    private JsonNode ada;
    private JsonNode xavi;
    private String malloryToken;

    @BeforeAll
    void openGames() {
        api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        pin = game.get("pin").asText();
        hostToken = game.get("hostToken").asText();
        ada = api.join(pin, "Ada");
        malloryToken = api.join(pin, "Mallory").get("playerToken").asText();
        JsonNode other = api.openGame("warm-up", "{}");
        otherPin = other.get("pin").asText();
        otherHostToken = other.get("hostToken").asText();
        xavi = api.join(otherPin, "Xavi");
    }

    Stream<Arguments> forgeries() {
        var everyCommand = Stream.of("MESSAGE", "RECEIPT", "ERROR", "CONNECTED", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT")
                .map(c -> Arguments.of(c, "own game's topic", "/topic/games/{pin}"));
        var elsewhere = Stream.of("MESSAGE", "ERROR").flatMap(c -> Stream.of(
                Arguments.of(c, "another game's topic", "/topic/games/{other}"),
                Arguments.of(c, "a player's private queue", "/user/player-{ada}/queue/events")));
        return Stream.concat(everyCommand, elsewhere);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("forgeries")
    void serverOnlyFramesGetAnErrorAndNeverReachAnotherClient(String command, String name, String destination) {
        try (StompTestClient adaClient = StompTestClient.player(port, pin, ada.get("playerToken").asText());
             StompTestClient xaviClient = StompTestClient.player(port, otherPin, xavi.get("playerToken").asText());
             RawStomp mallory = RawStomp.open(port)) {
            adaClient.await("STATE");
            xaviClient.await("STATE");
            assertThat(RawStomp.command(mallory.connect("player-token", malloryToken))).isEqualTo("CONNECTED");
            String resolved = destination.replace("{pin}", pin).replace("{other}", otherPin)
                    .replace("{ada}", ada.get("playerId").asText());
            mallory.send(RawStomp.frame(command, FORGED, "destination", resolved, "subscription", "s1",
                    "message-id", "m1", "content-type", "application/json", "receipt-id", "r1", "id", "x1",
                    "transaction", "t1"));

            assertThat(mallory.awaitClosed(WAIT)).as("forger disconnected after %s", command).isTrue();
            // An ERROR frame saying why precedes the close (Spring may drop it when the close overtakes a frame
            // being written, as BadInputIT notes, so only the close is certain); never a MESSAGE.
            assertThat(mallory.received()).as("frames the forger received")
                    .allSatisfy(f -> assertThat(RawStomp.command(f)).isIn("CONNECTED", "ERROR"));
            mallory.received().stream().filter(f -> RawStomp.command(f).equals("ERROR"))
                    .forEach(f -> assertThat(RawStomp.header(f, "message")).isNotBlank());

            // Both games move on with real events; had the forgery been relayed, it would have arrived first.
            lockAndUnlock(pin, hostToken);
            lockAndUnlock(otherPin, otherHostToken);
            adaClient.await(e -> e.path("type").asText().equals("LOBBY") && !e.path("locked").asBoolean()
                    && e.path("playerCount").asInt() == 2, "unlocked LOBBY", WAIT);
            xaviClient.await(e -> e.path("type").asText().equals("LOBBY") && !e.path("locked").asBoolean()
                    && e.path("playerCount").asInt() == 1, "unlocked LOBBY", WAIT);
            assertThat(adaClient.seen("KICKED")).as("KICKED reaching Ada").isEmpty();
            assertThat(xaviClient.seen("KICKED")).as("KICKED reaching Xavi").isEmpty();
            assertThat(adaClient.isConnected()).isTrue();
        }
        // Mallory's token still works: the forgery closed the connection, it did not cost the seat.
        try (StompTestClient again = StompTestClient.player(port, pin, malloryToken)) {
            assertThat(again.await("STATE").path("you").path("nickname").asText()).isEqualTo("Mallory");
        }
    }

    private void lockAndUnlock(String gamePin, String token) {
        try (StompTestClient host = StompTestClient.host(port, gamePin, token)) {
            host.await("STATE");
            host.host("lock");
            host.await(e -> e.path("type").asText().equals("LOBBY") && e.path("locked").asBoolean(), "locked", WAIT);
            host.host("unlock");
            host.await(e -> e.path("type").asText().equals("LOBBY") && !e.path("locked").asBoolean(), "unlocked", WAIT);
        }
    }
}
