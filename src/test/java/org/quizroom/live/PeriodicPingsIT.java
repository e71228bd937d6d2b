package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The pings after the connect burst ({@link LiveUpdates#pingPlayers}): none while the game is in its
 * lobby, where nothing is timed; once it has started, every connected phone keeps being pinged, a slice
 * of the class at a time, each phone once per interval.
 */
@LiveServerTest
@TestPropertySource(properties = "quizroom.ping-interval-ms=500")
class PeriodicPingsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void noPingsInTheLobbyBeyondTheConnectBurstThenEveryPhoneIsPingedOnceTheGameStarts() throws InterruptedException {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{\"timeMultiplier\": 3}");
        String pin = game.get("pin").asText();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient ada = StompTestClient.player(port, pin, api.join(pin, "Ada").get("playerToken").asText());
             StompTestClient bob = StompTestClient.player(port, pin, api.join(pin, "Bob").get("playerToken").asText())) {
            for (StompTestClient phone : new StompTestClient[] {ada, bob}) {
                phone.await(e -> "PING".equals(e.path("type").asText()) && phone.seen("PING").size() >= LatencyProbe.BURST,
                        "the connect burst", WAIT);
            }
            Thread.sleep(2000); // four ping intervals in the lobby: none may come
            assertThat(ada.seen("PING")).as("PINGs to Ada in the lobby").hasSize(LatencyProbe.BURST);
            assertThat(bob.seen("PING")).as("PINGs to Bob in the lobby").hasSize(LatencyProbe.BURST);

            host.host("start");
            for (StompTestClient phone : new StompTestClient[] {ada, bob}) {
                phone.await(e -> "PING".equals(e.path("type").asText())
                        && phone.seen("PING").size() >= LatencyProbe.BURST + 2, "two periodic PINGs after the start", WAIT);
            }
        }
    }
}
