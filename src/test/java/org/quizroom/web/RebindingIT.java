package org.quizroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.RawClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * DNS rebinding: a page from another site, open in the teacher's browser on the computer running Quizroom,
 * points its own domain name at 127.0.0.1. Its requests then come over loopback, from "this computer", and
 * its Origin matches the Host it names, so without a check on the name it got a live game's host key, opened
 * games and read answer keys. Found by a fresh tester. Such a request must be treated as coming from any other
 * computer, while the teacher's own names (localhost, an address, this machine's name) keep working.
 */
@LiveServerTest
class RebindingIT {

    private static final String EVIL = "evil.example";

    @LocalServerPort
    int port;

    @Test
    void aRebindingPageOnTheTeachersComputerGetsNothingATeacherGets() {
        String pin = new Api(port).openGame("warm-up", "{}").get("pin").asText();

        Api.Response handover = post("/api/games/" + pin + "/host-session", "{}", EVIL);
        assertThat(handover.status()).as("a live game's host key").isEqualTo(403);
        assertThat(handover.body().get("code").asText()).isEqualTo("HOST_HANDOVER_LOCAL_ONLY");
        assertThat(handover.text()).doesNotContain("hostToken");

        Api.Response open = post("/api/games", "{\"quizId\":\"warm-up\"}", EVIL);
        assertThat(open.status()).as("opening a game").isEqualTo(403);
        assertThat(open.body().get("code").asText()).isEqualTo("TEACHER_COMPUTER_ONLY");
        assertThat(open.body().get("message").asText()).contains("evil.example", "http://localhost:" + port + "/");

        Api.Response key = get("/api/authoring/quizzes/warm-up", EVIL);
        assertThat(key.status()).as("the answer key").isEqualTo(403);
        assertThat(key.text()).doesNotContain("Canberra");

        Api.Response games = get("/api/games", EVIL);
        assertThat(games.status()).as("the live PINs").isEqualTo(403);
        assertThat(games.text()).doesNotContain(pin);

        Api.Response report = get("/api/games/" + pin + "/report", EVIL);
        assertThat(report.status()).as("the game's report").isEqualTo(403);
        assertThat(report.body().get("message").asText()).as("says why, not 'on the computer running Quizroom'")
                .contains("evil.example", "http://localhost:" + port + "/");

        // A student's page is everyone's, whatever the name.
        assertThat(get("/api/games/" + pin, EVIL).status()).isEqualTo(200);
    }

    @Test
    void theTeachersOwnNamesStillWork() throws Exception {
        String pin = new Api(port).openGame("warm-up", "{}").get("pin").asText();
        String machine = InetAddress.getLocalHost().getHostName();
        for (String name : new String[] {"localhost", "127.0.0.1", "[::1]", "LocalHost", machine}) {
            Api.Response games = get("/api/games", name);
            assertThat(games.status()).as("the games list by the name %s", name).isEqualTo(200);
            assertThat(games.text()).contains(pin);
            assertThat(get("/api/authoring/quizzes/warm-up", name).text()).as(name).contains("Canberra");
        }
        Api.Response handover = post("/api/games/" + pin + "/host-session", "{}", "localhost");
        assertThat(handover.status()).isEqualTo(200);
        assertThat(handover.body().get("hostToken").asText()).isNotBlank();
    }

    private Api.Response get(String path, String name) {
        return RawClient.http("127.0.0.1", port, "GET", path, null, "Host", name + ":" + port);
    }

    private Api.Response post(String path, String json, String name) {
        String origin = "http://" + name + ":" + port;
        return RawClient.postJson("127.0.0.1", port, path, json, "Host", name + ":" + port, "Origin", origin);
    }
}
