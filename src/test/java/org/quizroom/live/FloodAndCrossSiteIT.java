package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.live.StompFuzzIT.RawStomp;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.RawClient;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 9's floods from one laptop and cross-site requests from a hostile page, with the limits
 * set small. Each "device" is a loopback address of its own (127.0.9.x); 127.0.0.1 (this machine)
 * is exempt from per-address limits, as by default. 127.0.9.77 plays a trusted reverse proxy.
 */
@LiveServerTest
@TestPropertySource(properties = {
        "quizroom.game-creations-per-hour=3",
        "quizroom.pin-lookups-per-minute=5",
        "quizroom.joins-per-minute=1",
        "quizroom.join-burst=2",
        "quizroom.connections-per-address=3",
        "quizroom.connect-timeout-ms=1500",
        "quizroom.max-live-games=12",
        "quizroom.trusted-proxies=127.0.9.77",
        "quizroom.allowed-origins=https://quiz.school.example"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FloodAndCrossSiteIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EVIL = "http://evil.example";

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private String openGame() {
        return api().openGame("warm-up", "{}").get("pin").asText();
    }

    private static void assertError(Api.Response r, int status, String code) {
        assertThat(r.status()).as("status of %s", r.text()).isEqualTo(status);
        assertThat(r.body()).as("JSON body of %s", r.text()).isNotNull();
        assertThat(r.body().path("code").asText()).isEqualTo(code);
        assertThat(r.body().path("message").asText()).isNotBlank();
    }

    // ================================================================== floods

    @Test
    @Order(1)
    void openingGamesIsLimitedPerAddress() {
        for (int i = 1; i <= 3; i++) {
            assertThat(RawClient.postJson("127.0.9.1", port, "/api/games", "{\"quizId\":\"warm-up\"}").status())
                    .as("game %d of 3", i).isEqualTo(201);
        }
        assertError(RawClient.postJson("127.0.9.1", port, "/api/games", "{\"quizId\":\"warm-up\"}"), 429, "TOO_MANY_GAMES");
        assertThat(RawClient.postJson("127.0.9.2", port, "/api/games", "{\"quizId\":\"warm-up\"}").status())
                .as("another device").isEqualTo(201);
    }

    @Test
    @Order(2)
    void pinLookupsAreLimitedPerAddressSoPinsCannotBeSwept() {
        String pin = openGame();
        for (int i = 0; i < 3; i++) {
            assertThat(RawClient.http("127.0.9.3", port, "GET", "/api/games/" + (100000 + i), null).status()).isEqualTo(404);
        }
        assertThat(RawClient.http("127.0.9.3", port, "GET", "/api/games/" + pin, null).status()).isEqualTo(200);
        assertThat(RawClient.http("127.0.9.3", port, "GET", "/api/games/" + pin + "/qr.svg", null).status()).isEqualTo(200);
        assertError(RawClient.http("127.0.9.3", port, "GET", "/api/games/" + pin, null), 429, "TOO_MANY_LOOKUPS");
        assertError(RawClient.http("127.0.9.3", port, "GET", "/api/games/" + pin + "/qr.svg", null), 429, "TOO_MANY_LOOKUPS");
        assertThat(RawClient.http("127.0.9.4", port, "GET", "/api/games/" + pin, null).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void anOversizedBodyIsRefusedWith413BeforeItIsRead() {
        String pin = openGame();
        String path = "/api/games/" + pin + "/players";
        // Declares 48 MB and sends 20 bytes: the answer comes without the server waiting for (or parsing) the rest.
        Api.Response declared = RawClient.http("127.0.9.5", port, "POST", path, "{\"nickname\":\"Huge\"", "Content-Type",
                "application/json", "Content-Length", String.valueOf(48 * 1024 * 1024));
        assertError(declared, 413, "BODY_TOO_LARGE");
        // Chunked, no length declared: 20 KB of nickname.
        String big = "{\"nickname\":\"" + "A".repeat(20_000) + "\"}";
        String chunked = Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";
        assertError(RawClient.http("127.0.9.5", port, "POST", path, chunked, "Content-Type", "application/json",
                "Transfer-Encoding", "chunked"), 413, "BODY_TOO_LARGE");
        // A small chunked body still works.
        String small = "{\"nickname\":\"Small\"}";
        assertThat(RawClient.http("127.0.9.5", port, "POST", path,
                Integer.toHexString(small.length()) + "\r\n" + small + "\r\n0\r\n\r\n", "Content-Type", "application/json",
                "Transfer-Encoding", "chunked").status()).isEqualTo(201);
        assertThat(api().get("/api/games/" + pin).body().path("playerCount").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aSocketThatNeverSendsConnectIsClosedAfterTheDeadline() {
        try (RawClient idle = RawClient.webSocket("127.0.9.6", port, null)) {
            assertThat(idle.status()).isEqualTo(101);
            assertThat(idle.awaitClosed(WAIT)).as("idle socket closed").isTrue();
            assertThat(idle.texts()).anySatisfy(t -> assertThat(t).startsWith("ERROR").contains("CONNECT"));
        }
    }

    @Test
    @Order(5)
    void connectionsPerAddressAreCapped() {
        String pin = openGame();
        String token = api().join(pin, "Cap").get("playerToken").asText();
        List<RawClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawClient c = RawClient.webSocket("127.0.9.7", port, null);
                held.add(c);
                assertThat(c.status()).isEqualTo(101);
                c.stompConnect(token);
                assertThat(c.awaitText("CONNECTED", WAIT)).as("connection %d of 3", i + 1).isNotNull();
            }
            try (RawClient fourth = RawClient.webSocket("127.0.9.7", port, null)) {
                assertThat(fourth.awaitClosed(WAIT)).as("4th connection from one address closed").isTrue();
                assertThat(String.join("\n", fourth.texts())).contains("Too many connections");
            }
            try (RawClient other = RawClient.webSocket("127.0.9.8", port, null)) {
                other.stompConnect(token);
                assertThat(other.awaitText("CONNECTED", WAIT)).as("another address").isNotNull();
            }
            held.remove(0).close();
            // The closed one frees its slot (the server notices the close first, so retry for a while).
            boolean admitted = false;
            long end = System.nanoTime() + WAIT.toNanos();
            while (!admitted && System.nanoTime() < end) {
                try (RawClient again = RawClient.webSocket("127.0.9.7", port, null)) {
                    again.stompConnect(token);
                    admitted = again.awaitText("CONNECTED", Duration.ofSeconds(5)) != null;
                }
            }
            assertThat(admitted).as("a slot freed by a closed connection is usable again").isTrue();
        } finally {
            held.forEach(RawClient::close);
        }
    }

    @Test
    @Order(6)
    void aConnectionHoldsTwoSubscriptionsAtMostAndNeverTheSameDestinationTwice() {
        String pin = openGame();
        String token = api().join(pin, "Subs").get("playerToken").asText();
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("s1", "/topic/games/" + pin);
            raw.subscribe("s2", "/user/queue/events");
            raw.send(RawStomp.frame("UNSUBSCRIBE", "", "id", "s1"));
            raw.subscribe("s3", "/topic/games/" + pin);
            raw.send(RawStomp.frame("SEND", "{}", "destination", "/app/games/" + pin + "/sync"));
            assertThat(raw.awaitEvent("STATE", null, WAIT)).as("two subscriptions work").isNotNull();
            raw.subscribe("s4", "/user/queue/events");
            assertThat(raw.awaitClosed(WAIT)).as("closed after a 3rd / duplicate subscription").isTrue();
        }
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("a", "/topic/games/" + pin);
            raw.subscribe("b", "/topic/games/" + pin);
            assertThat(raw.awaitClosed(WAIT)).as("closed after subscribing to the same topic twice").isTrue();
        }
    }

    @Test
    @Order(7)
    void joinsAreCountedPerStudentBehindATrustedProxyAndPerProxyOtherwise() {
        String pin = openGame();
        String path = "/api/games/" + pin + "/players";
        // Through the trusted proxy: five students, each its own address.
        for (int i = 1; i <= 5; i++) {
            assertThat(RawClient.postJson("127.0.9.77", port, path, "{\"nickname\":\"Proxied " + i + "\"}",
                    "X-Forwarded-For", "10.9.0." + i).status()).as("student %d via the proxy", i).isEqualTo(201);
        }
        // One of them has used its burst of 2 after a second join.
        assertThat(RawClient.postJson("127.0.9.77", port, path, "{\"nickname\":\"Proxied 1b\"}",
                "X-Forwarded-For", "10.9.0.1").status()).isEqualTo(201);
        assertError(RawClient.postJson("127.0.9.77", port, path, "{\"nickname\":\"Proxied 1c\"}",
                "X-Forwarded-For", "10.9.0.1"), 429, "TOO_MANY_JOINS");
        // A device that is not a trusted proxy cannot pick its address with the header.
        for (int i = 1; i <= 2; i++) {
            assertThat(RawClient.postJson("127.0.9.78", port, path, "{\"nickname\":\"Liar " + i + "\"}",
                    "X-Forwarded-For", "10.9.1." + i).status()).isEqualTo(201);
        }
        assertError(RawClient.postJson("127.0.9.78", port, path, "{\"nickname\":\"Liar 3\"}",
                "X-Forwarded-For", "10.9.1.3"), 429, "TOO_MANY_JOINS");
    }

    // ================================================================== cross-site

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/play", "/host", "/api/quizzes"})
    @Order(10)
    void everyResponseForbidsFramingAndSniffing(String path) {
        Api.Response r = RawClient.http("127.0.0.1", port, "GET", path, null);
        assertThat(RawClient.header(r, "Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(RawClient.header(r, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(RawClient.header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(RawClient.header(r, "Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    @Order(11)
    void aCrossSiteFormPostIsRefusedAndChangesNothing() {
        int games = api().get("/api/games").body().size();
        // What an HTML form on another site would send (the browser adds the teacher's Basic login).
        assertError(RawClient.http("127.0.0.1", port, "POST", "/api/quizzes/reload", "x=1",
                "Content-Type", "application/x-www-form-urlencoded", "Origin", EVIL), 403, "CROSS_ORIGIN");
        assertError(RawClient.http("127.0.0.1", port, "POST", "/api/games", "{\"quizId\":\"warm-up\"}",
                "Content-Type", "text/plain", "Origin", EVIL), 403, "CROSS_ORIGIN");
        assertError(RawClient.http("127.0.0.1", port, "POST", "/api/games", "{\"quizId\":\"warm-up\"}",
                "Content-Type", "text/plain", "Sec-Fetch-Site", "cross-site"), 403, "CROSS_ORIGIN");
        // A simple (form-encodable) request is refused even when the browser hides its origin.
        assertError(RawClient.http("127.0.0.1", port, "POST", "/api/quizzes/reload", "x=1",
                "Content-Type", "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(RawClient.http("127.0.0.1", port, "POST", "/api/games", "{\"quizId\":\"warm-up\"}",
                "Content-Type", "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
        // JSON from another origin (a script there would need a CORS approval it never gets) is refused too.
        assertError(RawClient.postJson("127.0.0.1", port, "/api/games", "{\"quizId\":\"warm-up\"}", "Origin", EVIL),
                403, "CROSS_ORIGIN");
        assertThat(api().get("/api/games").body().size()).as("no game opened").isEqualTo(games);

        // The server's own pages, and a configured origin, are fine.
        assertThat(RawClient.postJson("127.0.0.1", port, "/api/quizzes/reload", "{}",
                "Origin", "http://127.0.0.1:" + port).status()).isEqualTo(200);
        assertThat(RawClient.postJson("127.0.0.1", port, "/api/quizzes/reload", "{}",
                "Origin", "https://quiz.school.example").status()).isEqualTo(200);
    }

    @Test
    @Order(12)
    void theWebSocketRefusesPagesOfOtherOrigins() {
        try (RawClient evil = RawClient.webSocket("127.0.0.1", port, EVIL)) {
            assertThat(evil.status()).isEqualTo(403);
        }
        try (RawClient nullOrigin = RawClient.webSocket("127.0.0.1", port, "null")) {
            assertThat(nullOrigin.status()).isEqualTo(403);
        }
        try (RawClient own = RawClient.webSocket("127.0.0.1", port, "http://127.0.0.1:" + port)) {
            assertThat(own.status()).isEqualTo(101);
        }
        try (RawClient configured = RawClient.webSocket("127.0.0.1", port, "https://quiz.school.example")) {
            assertThat(configured.status()).isEqualTo(101);
        }
    }

    // ================================================================== live games cap (last: it fills the server)

    @Test
    @Order(20)
    void liveGamesAreCappedAndAnEndedGameMakesRoom() {
        JsonNode last = null;
        Api.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Api.Response r = api().post("/api/games", "{\"quizId\":\"warm-up\"}");
            if (r.status() == 201) {
                last = r.body();
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("refused once 12 games are live").isNotNull();
        assertError(refused, 503, "SERVER_FULL");
        assertThat(last).isNotNull();
        try (StompTestClient host = StompTestClient.host(port, last.get("pin").asText(), last.get("hostToken").asText())) {
            host.await("STATE");
            host.host("end");
            host.await("FINISHED", WAIT);
        }
        assertThat(api().post("/api/games", "{\"quizId\":\"warm-up\"}").status()).as("room after one ended").isEqualTo(201);
        // The dashboard still lists every game, from the database.
        assertThat(api().get("/api/games").body().size()).isGreaterThanOrEqualTo(12);
    }
}
