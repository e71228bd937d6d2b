package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizroom.live.StompFuzzIT.RawStomp;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kind of bad input, one case each: the sender gets a clear error (HTTP {@code {code, message}}
 * with the right status, an {@code ERROR} or refused {@code ACK} event with a code, or a STOMP ERROR
 * frame for a refused connection) and nothing in the game changes: same phase, same roster, same
 * scores in memory and in the database, same answer count; and the player can still answer after.
 *
 * <p>One game runs through the class in order: lobby cases first, then one question per answer type.
 * The message rate and join rate are set low here so flooding can be shown; every case therefore
 * uses a fresh connection (the rate limit is per connection) and joins come from their own loopback
 * address (the join limit is per address).
 */
@LiveServerTest
@TestPropertySource(properties = {
        "quizroom.messages-per-second=5",
        "quizroom.message-burst=10",
        "quizroom.joins-per-minute=10",
        "quizroom.join-burst=10",
        // A school's own addition to the bundled word list.
        "quizroom.blocked-words=grumpycat",
        "quizroom.max-players=12",
        // No periodic PINGs: the test client answers them from its receiving thread (see player()).
        "quizroom.ping-interval-ms=600000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path QUIZZES = writeQuiz();
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    @LocalServerPort
    int port;

    private Api api;
    private String pin;
    private String hostToken;
    private JsonNode ada;
    private JsonNode bob;
    private StompTestClient bobClient;
    private String otherPin;
    private String otherHostToken;
    private JsonNode xavi;
    private final AtomicInteger nextAddress = new AtomicInteger(1);

    @BeforeAll
    void openGames() {
        api = new Api(port);
        JsonNode game = api.openGame("bad-input", "{}");
        pin = game.get("pin").asText();
        hostToken = game.get("hostToken").asText();
        ada = joined(join(pin, "Ada"));
        bob = joined(join(pin, "Bob"));
        // Bob stays connected and never answers unless a case says so: no question closes by itself.
        bobClient = StompTestClient.player(port, pin, bob.get("playerToken").asText());
        bobClient.await("STATE");
        JsonNode other = api.openGame("bad-input", "{}");
        otherPin = other.get("pin").asText();
        otherHostToken = other.get("hostToken").asText();
        xavi = joined(join(otherPin, "Xavi"));
    }

    // ================================================================== HTTP

    @Test
    @Order(1)
    void markupLongAndAccentedNicknamesAreAcceptedAndReturnedVerbatim() {
        Api.Response markup = join(pin, MARKUP);
        assertThat(markup.status()).isEqualTo(201);
        // Accepted as data, returned exactly as typed: the pages always render nicknames as text.
        assertThat(markup.body().get("nickname").asText()).isEqualTo(MARKUP);
        assertThat(join(pin, "Zoë").status()).isEqualTo(201);
        String thirty = "Abcdefghijklmnopqrstuvwxyz1234";
        assertThat(thirty).hasSize(30);
        assertThat(join(pin, thirty).status()).isEqualTo(201);

        try (StompTestClient host = host()) {
            JsonNode players = host.await(e -> "PLAYERS".equals(e.path("type").asText())
                    && e.get("players").size() == 5, "PLAYERS with 5 players", WAIT);
            assertThat(players.get("players").findValuesAsText("nickname"))
                    .contains(MARKUP, "Zoë", thirty, "Ada", "Bob");
        }
        JsonNode report = api.get("/api/games/" + pin + "/report", "X-Host-Token", hostToken).body();
        assertThat(report.get("players").findValuesAsText("nickname")).contains(MARKUP);
    }

    record HttpCase(String name, Supplier<Api.Response> request, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The server through this machine's network address: a student's laptop, not the teacher's computer. */
    private Api laptop() {
        Optional<Api> laptop = Api.fromAnotherComputer(port);
        org.junit.jupiter.api.Assumptions.assumeTrue(laptop.isPresent(), "this machine has no network address");
        return laptop.get();
    }

    Stream<HttpCase> httpCases() {
        String joinPath = "/api/games/" + pin + "/players";
        return Stream.of(
                new HttpCase("join: malformed JSON", () -> post(joinPath, "{\"nickname\":"), 400, "BAD_JSON"),
                new HttpCase("join: body is not an object", () -> post(joinPath, "\"Ada\""), 400, "BAD_JSON"),
                new HttpCase("join: empty body", () -> post(joinPath, ""), 400, "BAD_JSON"),
                new HttpCase("join: a second JSON value after the object",
                        () -> post(joinPath, "{\"nickname\":\"Zed\"}{\"a\":1}"), 400, "BAD_JSON"),
                new HttpCase("join: text after the object", () -> post(joinPath, "{\"nickname\":\"Zed\"} trailing"), 400,
                        "BAD_JSON"),
                new HttpCase("join: the same key twice",
                        () -> post(joinPath, "{\"nickname\":\"Zed\",\"nickname\":\"Teacher\"}"), 400, "BAD_JSON"),
                new HttpCase("join: unknown field", () -> post(joinPath, "{\"nickname\":\"Xena\",\"role\":\"host\"}"),
                        400, "UNKNOWN_FIELD"),
                new HttpCase("join: not JSON content type", () -> rawPost(joinPath, "text/plain", "{\"nickname\":\"Tex\"}"),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                new HttpCase("join: wrong PIN", () -> post("/api/games/000000/players", "{\"nickname\":\"Pat\"}"),
                        404, "UNKNOWN_GAME"),
                new HttpCase("join: PIN not digits", () -> post("/api/games/12ab56/players", "{\"nickname\":\"Pat\"}"),
                        404, "UNKNOWN_GAME"),
                nickname("empty nickname", ""),
                nickname("blank nickname", "   "),
                new HttpCase("nickname: null", () -> post(joinPath, "{\"nickname\":null}"), 400, "NICKNAME_INVALID"),
                new HttpCase("nickname: missing", () -> post(joinPath, "{}"), 400, "NICKNAME_INVALID"),
                nickname("31 characters", "Abcdefghijklmnopqrstuvwxyz12345"),
                nickname("NUL character", "Ada\u0000"),
                nickname("bell character", "Bo\u0007b"),
                nickname("tab", "Tab\tName"),
                nickname("new line", "New\nLine"),
                nickname("right-to-left override", "\u202Eevil"),
                nickname("zero-width space", "Ze\u200Bro"),
                nickname("no letter or digit", "!!!"),
                nickname("blocked word", "shithead"),
                nickname("blocked word in leetspeak", "5H1T"),
                nickname("blocked word with spacing", "f.u.c.k"),
                nickname("word the school added (quizroom.blocked-words)", "GrumpyCat99"),
                taken("same name, other case", "ada"),
                taken("same name, other accents", "zoe"),
                taken("same name, upper case with accent", "ZOË"),
                taken("same name, decomposed accent", "Zoe\u0308"),
                taken("same name, extra spaces", "  Zoë "),
                taken("markup twice", MARKUP.toUpperCase()),
                new HttpCase("open game: unknown quiz", () -> post("/api/games", "{\"quizId\":\"no-such-quiz\"}"),
                        404, "UNKNOWN_QUIZ"),
                new HttpCase("open game: time multiplier too big",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"options\":{\"timeMultiplier\":10}}"),
                        400, "BAD_OPTIONS"),
                new HttpCase("open game: time multiplier zero",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"options\":{\"timeMultiplier\":0}}"),
                        400, "BAD_OPTIONS"),
                new HttpCase("open game: option of the wrong type",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"options\":{\"speedScoring\":\"yes\"}}"),
                        400, "BAD_OPTIONS"),
                new HttpCase("open game: unknown option",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"options\":{\"godMode\":true}}"),
                        400, "BAD_OPTIONS"),
                new HttpCase("open game: options not an object",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"options\":[]}"), 400, "BAD_OPTIONS"),
                new HttpCase("open game: unknown field",
                        () -> post("/api/games", "{\"quizId\":\"bad-input\",\"colour\":\"red\"}"), 400, "UNKNOWN_FIELD"),
                new HttpCase("open game: no quizId", () -> post("/api/games", "{\"options\":{}}"), 400, "BAD_REQUEST"),
                new HttpCase("open game: malformed JSON", () -> post("/api/games", "{\"quizId\":"), 400, "BAD_JSON"),
                new HttpCase("game info: unknown PIN", () -> api.get("/api/games/000000"), 404, "UNKNOWN_GAME"),
                new HttpCase("QR code: unknown PIN", () -> api.get("/api/games/000000/qr.svg"), 404, "UNKNOWN_GAME"),
                // From a laptop on the network: the computer running Quizroom may read reports without the key.
                new HttpCase("report: no token", () -> laptop().get("/api/games/" + pin + "/report"), 403, "HOST_ONLY"),
                new HttpCase("report: a player's token",
                        () -> laptop().get("/api/games/" + pin + "/report", "X-Host-Token", ada.get("playerToken").asText()),
                        403, "HOST_ONLY"),
                new HttpCase("report: another game's host token",
                        () -> laptop().get("/api/games/" + pin + "/report", "X-Host-Token", otherHostToken), 403, "HOST_ONLY"),
                new HttpCase("report CSV: no token", () -> laptop().get("/api/games/" + pin + "/report.csv"), 403, "HOST_ONLY"));
    }

    private HttpCase nickname(String name, String nickname) {
        return new HttpCase("nickname: " + name, () -> join(pin, nickname), 400, "NICKNAME_INVALID");
    }

    private HttpCase taken(String name, String nickname) {
        return new HttpCase("nickname taken: " + name, () -> join(pin, nickname), 409, "NICKNAME_TAKEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpCases")
    @Order(2)
    void httpRefusal(HttpCase c) {
        Snapshot before = snapshot();
        Api.Response response = c.request().get();
        assertError(response, c.status(), c.code());
        assertThat(snapshot()).as("state after '%s'", c.name()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void lockedGameRefusesJoinsWith423() {
        hostCommand("lock", e -> "LOBBY".equals(e.path("type").asText()) && e.path("locked").asBoolean());
        try {
            Snapshot before = snapshot();
            assertError(join(pin, "Latecomer"), 423, "GAME_LOCKED");
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            hostCommand("unlock", e -> "LOBBY".equals(e.path("type").asText()) && !e.path("locked").asBoolean());
        }
    }

    @Test
    @Order(4)
    void fullGameRefusesJoinsWith429() {
        String fullPin = api.openGame("bad-input", "{}").get("pin").asText();
        // max-players is 12 in this class.
        for (int i = 1; i <= 12; i++) {
            assertThat(join(fullPin, "Seat " + i).status()).isEqualTo(201);
        }
        assertError(join(fullPin, "Seat 13"), 429, "GAME_FULL");
        assertThat(api.get("/api/games/" + fullPin).body().get("playerCount").asInt()).isEqualTo(12);
    }

    @Test
    @Order(4)
    void joinFloodFromOneAddressIsCutOffWhileOtherAddressesStillJoin() {
        String floodPin = api.openGame("bad-input", "{}").get("pin").asText();
        String path = "/api/games/" + floodPin + "/players";
        // joins-per-minute is 10 in this class.
        for (int i = 1; i <= 10; i++) {
            Api.Response r = RawHttp.post("127.0.0.2", port, path, "application/json", "{\"nickname\":\"bot" + i + "\"}");
            assertThat(r.status()).as("join %d of 10: %s", i, r.text()).isEqualTo(201);
        }
        for (int i = 11; i <= 13; i++) {
            Api.Response r = RawHttp.post("127.0.0.2", port, path, "application/json", "{\"nickname\":\"bot" + i + "\"}");
            assertError(r, 429, "TOO_MANY_JOINS");
        }
        assertThat(api.get("/api/games/" + floodPin).body().get("playerCount").asInt()).isEqualTo(10);
        // The limit is per address: a student on another device still gets in.
        assertThat(join(floodPin, "RealStudent").status()).isEqualTo(201);
    }

    // ================================================================== STOMP: connecting and subscribing

    record ConnectCase(String name, String header, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<ConnectCase> connectCases() {
        return Stream.of(
                new ConnectCase("no token", null, () -> null),
                new ConnectCase("empty player token", "player-token", () -> ""),
                new ConnectCase("made-up player token", "player-token", () -> "plr_" + "A".repeat(32)),
                new ConnectCase("made-up host token", "host-token", () -> "hst_" + "A".repeat(32)),
                new ConnectCase("host token sent as a player token", "player-token", () -> hostToken),
                new ConnectCase("player token sent as a host token", "host-token", () -> ada.get("playerToken").asText()),
                new ConnectCase("player id instead of token", "player-token", () -> ada.get("playerId").asText()),
                new ConnectCase("truncated player token", "player-token",
                        () -> ada.get("playerToken").asText().substring(0, 20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectCases")
    @Order(5)
    void connectRefusal(ConnectCase c) {
        Snapshot before = snapshot();
        try (RawStomp raw = RawStomp.open(port)) {
            String reply = raw.connect(c.header(), c.token().get());
            assertThat(reply).as("reply to CONNECT").isNotNull();
            assertThat(RawStomp.command(reply)).isEqualTo("ERROR");
            assertThat(RawStomp.header(reply, "message")).isNotBlank();
            assertThat(raw.awaitClosed(WAIT)).as("connection closed").isTrue();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void frameBeforeConnectIsRefused() {
        try (RawStomp raw = RawStomp.open(port)) {
            raw.send(RawStomp.frame("SEND", "{}", "destination", "/app/games/" + pin + "/sync"));
            String reply = raw.await(f -> true, WAIT);
            assertThat(reply).isNotNull();
            assertThat(RawStomp.command(reply)).isEqualTo("ERROR");
            assertThat(raw.awaitClosed(WAIT)).isTrue();
        }
    }

    Stream<Arguments> subscribeCases() {
        return Stream.of(
                Arguments.of("another game's topic", "/topic/games/{other}"),
                Arguments.of("a made-up game's topic", "/topic/games/000000"),
                Arguments.of("the broker's raw user queue", "/queue/events"),
                Arguments.of("another player's private queue", "/user/player-{bob}/queue/events"),
                Arguments.of("the host's private queue", "/user/host-{pin}/queue/events"),
                Arguments.of("every topic", "/topic/**"));
    }

    @ParameterizedTest(name = "subscribe to {0}")
    @MethodSource("subscribeCases")
    @Order(7)
    void subscribeOutsideYourGameIsRefused(String name, String destination) {
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", ada.get("playerToken").asText())))
                    .isEqualTo("CONNECTED");
            raw.subscribe("s1", resolve(destination));
            // Refused: an ERROR frame saying why, then the connection is closed. (Spring drops a queued ERROR
            // frame if the close overtakes it while another frame is being written, so only the close is certain.)
            assertThat(raw.awaitClosed(WAIT)).as("connection closed after SUBSCRIBE %s", destination).isTrue();
            assertThat(raw.received()).as("frames after SUBSCRIBE %s", destination)
                    .allSatisfy(f -> assertThat(RawStomp.command(f)).isIn("CONNECTED", "ERROR"));
            raw.received().stream().filter(f -> RawStomp.command(f).equals("ERROR"))
                    .forEach(f -> assertThat(RawStomp.header(f, "message")).contains("only"));
            // The other game moves on; nothing of it reaches this connection.
            hostCommandIn(otherPin, otherHostToken, "lock", e -> "LOBBY".equals(e.path("type").asText()));
            hostCommandIn(otherPin, otherHostToken, "unlock", e -> "LOBBY".equals(e.path("type").asText()));
            assertThat(raw.received()).noneMatch(f -> RawStomp.command(f).equals("MESSAGE"));
        }
    }

    @Test
    @Order(8)
    void kickedPlayerIsCutOffAndTheirTokenStopsWorking() {
        JsonNode kim = joined(join(otherPin, "Kim"));
        try (StompTestClient host = StompTestClient.host(port, otherPin, otherHostToken);
             StompTestClient kimClient = StompTestClient.player(port, otherPin, kim.get("playerToken").asText())) {
            kimClient.await("STATE");
            host.await(e -> "PLAYERS".equals(e.path("type").asText())
                    && e.get("players").findValuesAsText("nickname").contains("Kim"), "PLAYERS with Kim", WAIT);
            host.send("/app/games/" + otherPin + "/host",
                    "{\"command\":\"kick\",\"playerId\":\"" + kim.get("playerId").asText() + "\"}");
            kimClient.await("KICKED", WAIT);
            host.await(e -> "PLAYERS".equals(e.path("type").asText())
                    && !e.get("players").findValuesAsText("nickname").contains("Kim"), "PLAYERS without Kim", WAIT);
            // The open connection is closed: a kicked student no longer sees the game.
            long end = System.nanoTime() + WAIT.toNanos();
            while (kimClient.isConnected() && System.nanoTime() < end) {
                sleep(50);
            }
            assertThat(kimClient.isConnected()).as("kicked player's connection closed").isFalse();
        }
        try (RawStomp raw = RawStomp.open(port)) {
            String reply = raw.connect("player-token", kim.get("playerToken").asText());
            assertThat(RawStomp.command(reply)).as("CONNECT with a kicked player's token").isEqualTo("ERROR");
        }
        // The name is free again, and the kicked player is not in the game.
        assertThat(api.get("/api/games/" + otherPin).body().get("playerCount").asInt()).isEqualTo(1);
    }

    // ================================================================== STOMP: messages while a question is open

    enum Actor { PLAYER, HOST, OTHER_GAME_PLAYER }

    record StompCase(String name, Actor actor, String destination, String body, String type, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<StompCase> stompCases() {
        String answer = "/app/games/{pin}/answer";
        String host = "/app/games/{pin}/host";
        return Stream.of(
                new StompCase("malformed JSON", Actor.PLAYER, answer, "{\"question\":0,", "ERROR", "BAD_JSON"),
                new StompCase("not JSON at all", Actor.PLAYER, answer, "Canberra please", "ERROR", "BAD_JSON"),
                new StompCase("JSON array instead of object", Actor.PLAYER, answer, "[0,1]", "ERROR", "BAD_JSON"),
                new StompCase("deeply nested JSON", Actor.PLAYER, answer, "[".repeat(3000), "ERROR", "BAD_JSON"),
                new StompCase("unknown field", Actor.PLAYER, answer, "{\"question\":0,\"answer\":1,\"points\":5000}",
                        "ERROR", "UNKNOWN_FIELD"),
                new StompCase("question index as string", Actor.PLAYER, answer, "{\"question\":\"0\",\"answer\":1}",
                        "ERROR", "BAD_ANSWER"),
                new StompCase("question index as fraction", Actor.PLAYER, answer, "{\"question\":0.5,\"answer\":1}",
                        "ERROR", "BAD_ANSWER"),
                new StompCase("question index missing", Actor.PLAYER, answer, "{\"answer\":1}", "ERROR", "BAD_ANSWER"),
                new StompCase("empty body", Actor.PLAYER, answer, "", "ERROR", "BAD_ANSWER"),
                new StompCase("wrong question index: no such question", Actor.PLAYER, answer,
                        "{\"question\":99,\"answer\":1}", "ACK", "WRONG_QUESTION"),
                new StompCase("wrong question index: negative", Actor.PLAYER, answer,
                        "{\"question\":-1,\"answer\":1}", "ACK", "WRONG_QUESTION"),
                new StompCase("wrong question index: a later question", Actor.PLAYER, answer,
                        "{\"question\":1,\"answer\":[0,2]}", "ACK", "WRONG_QUESTION"),
                new StompCase("answer missing", Actor.PLAYER, answer, "{\"question\":0}", "ACK", "BAD_ANSWER"),
                new StompCase("answer null", Actor.PLAYER, answer, "{\"question\":0,\"answer\":null}", "ACK", "BAD_ANSWER"),
                new StompCase("choice out of range: 4 of 4", Actor.PLAYER, answer, "{\"question\":0,\"answer\":4}",
                        "ACK", "BAD_ANSWER"),
                new StompCase("choice out of range: -1", Actor.PLAYER, answer, "{\"question\":0,\"answer\":-1}",
                        "ACK", "BAD_ANSWER"),
                new StompCase("choice out of range: beyond int", Actor.PLAYER, answer,
                        "{\"question\":0,\"answer\":99999999999}", "ACK", "BAD_ANSWER"),
                new StompCase("wrong shape: text for a choice", Actor.PLAYER, answer,
                        "{\"question\":0,\"answer\":\"Canberra\"}", "ACK", "BAD_ANSWER"),
                new StompCase("wrong shape: array for a single choice", Actor.PLAYER, answer,
                        "{\"question\":0,\"answer\":[1]}", "ACK", "BAD_ANSWER"),
                new StompCase("wrong shape: object", Actor.PLAYER, answer, "{\"question\":0,\"answer\":{\"choice\":1}}",
                        "ACK", "BAD_ANSWER"),
                new StompCase("wrong shape: fraction", Actor.PLAYER, answer, "{\"question\":0,\"answer\":1.5}",
                        "ACK", "BAD_ANSWER"),
                new StompCase("wrong shape: boolean", Actor.PLAYER, answer, "{\"question\":0,\"answer\":true}",
                        "ACK", "BAD_ANSWER"),
                new StompCase("player runs a host command: end", Actor.PLAYER, host, "{\"command\":\"end\"}",
                        "ERROR", "NOT_HOST"),
                new StompCase("player runs a host command: skip", Actor.PLAYER, host, "{\"command\":\"skip\"}",
                        "ERROR", "NOT_HOST"),
                new StompCase("player runs a host command: kick", Actor.PLAYER, host,
                        "{\"command\":\"kick\",\"playerId\":\"{bob}\"}", "ERROR", "NOT_HOST"),
                new StompCase("host answers a question", Actor.HOST, answer, "{\"question\":0,\"answer\":1}",
                        "ERROR", "NOT_PLAYER"),
                new StompCase("unknown host command", Actor.HOST, host, "{\"command\":\"explode\"}", "ERROR",
                        "UNKNOWN_COMMAND"),
                new StompCase("host command missing", Actor.HOST, host, "{}", "ERROR", "UNKNOWN_COMMAND"),
                new StompCase("host command not a string", Actor.HOST, host, "{\"command\":[\"end\"]}", "ERROR",
                        "UNKNOWN_COMMAND"),
                new StompCase("host command with an unknown field", Actor.HOST, host,
                        "{\"command\":\"end\",\"force\":true}", "ERROR", "UNKNOWN_FIELD"),
                new StompCase("host command malformed", Actor.HOST, host, "{\"command\":\"end\"", "ERROR", "BAD_JSON"),
                new StompCase("host: next while the question is open", Actor.HOST, host, "{\"command\":\"next\"}",
                        "ERROR", "INVALID_STATE"),
                new StompCase("host: start twice", Actor.HOST, host, "{\"command\":\"start\"}", "ERROR", "INVALID_STATE"),
                new StompCase("host: kick an unknown player", Actor.HOST, host,
                        "{\"command\":\"kick\",\"playerId\":\"p_nobody\"}", "ERROR", "UNKNOWN_PLAYER"),
                new StompCase("host: kick without a player", Actor.HOST, host, "{\"command\":\"kick\"}", "ERROR",
                        "BAD_COMMAND"),
                new StompCase("host: replayed command for another question", Actor.HOST, host,
                        "{\"command\":\"skip\",\"question\":5}", "ERROR", "STALE_COMMAND"),
                new StompCase("wrong PIN: answer to another game", Actor.PLAYER, "/app/games/{other}/answer",
                        "{\"question\":0,\"answer\":1}", "ERROR", "WRONG_GAME"),
                new StompCase("wrong PIN: sync another game", Actor.PLAYER, "/app/games/{other}/sync", "{}", "ERROR",
                        "WRONG_GAME"),
                new StompCase("wrong PIN: host commands another game", Actor.HOST, "/app/games/{other}/host",
                        "{\"command\":\"start\"}", "ERROR", "WRONG_GAME"),
                new StompCase("another game's player answers here", Actor.OTHER_GAME_PLAYER, answer,
                        "{\"question\":0,\"answer\":1}", "ERROR", "WRONG_GAME"),
                new StompCase("unknown destination", Actor.PLAYER, "/app/games/{pin}/cheat", "{}", "ERROR",
                        "UNKNOWN_DESTINATION"),
                new StompCase("forged broadcast to the game topic", Actor.PLAYER, "/topic/games/{pin}",
                        "{\"type\":\"QUESTION\",\"text\":\"FORGED\"}", "ERROR", "UNKNOWN_DESTINATION"),
                new StompCase("forged private event to another player", Actor.PLAYER, "/user/player-{bob}/queue/events",
                        "{\"type\":\"KICKED\",\"message\":\"FORGED\"}", "ERROR", "UNKNOWN_DESTINATION"),
                new StompCase("pong without a number", Actor.PLAYER, "/app/games/{pin}/pong", "{\"seq\":\"x\"}", "ERROR",
                        "BAD_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stompCases")
    @Order(10)
    void stompRefusalWhileQuestionOpen(StompCase c) {
        advanceTo(0);
        Snapshot before = snapshot();
        try (StompTestClient actor = actor(c.actor())) {
            actor.await("STATE");
            actor.send(resolve(c.destination()), resolve(c.body()));
            JsonNode event = actor.await(e -> c.type().equals(e.path("type").asText())
                    && c.code().equals(e.path("code").asText()), c.type() + " " + c.code(), WAIT);
            assertThat(event.path("message").asText()).as("message of %s", event).isNotBlank();
            if (c.code().equals("BAD_JSON")) {
                // Where the JSON broke, in plain words, not the parser's own (fresh tester: "Unrecognized token ...").
                assertThat(event.path("message").asText()).as("message of %s", event)
                        .doesNotContainIgnoringCase("token").doesNotContain("expecting", "Unexpected", "jackson");
            }
            if (c.type().equals("ACK")) {
                assertThat(event.get("accepted").asBoolean()).isFalse();
            }
            assertThat(actor.seen("ACK")).noneMatch(a -> a.path("accepted").asBoolean());
        }
        assertThat(snapshot()).as("state after '%s'", c.name()).isEqualTo(before);
        assertThat(bobClient.seen()).as("nothing forged reached Bob").noneMatch(e -> e.toString().contains("FORGED"));
    }

    @Test
    @Order(11)
    void oversizedFrameGetsAStompErrorAndAFrameUnderTheLimitIsHandledNormally() {
        advanceTo(0);
        Snapshot before = snapshot();
        String token = ada.get("playerToken").asText();
        // 3.5 KB: under the 4 KB limit (and over the 2 KB WebSocket buffers), so it must reach the game and be
        // refused as an answer, not cut off.
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("q", "/user/queue/events");
            raw.send(RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(3_500) + "\"}",
                    "destination", "/app/games/" + pin + "/answer", "content-type", "application/json"));
            String ack = raw.awaitEvent("ACK", "BAD_ANSWER", WAIT);
            assertThat(ack).as("ACK for a 3.5 KB frame; received %s, closed %s", raw.received(), raw.closeCode()).isNotNull();
        }
        // Just over 4 KB: the STOMP layer refuses it with an ERROR frame saying why, and closes the connection.
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("q", "/user/queue/events");
            raw.send(RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(4_200) + "\"}",
                    "destination", "/app/games/" + pin + "/answer", "content-type", "application/json"));
            String error = raw.await(f -> RawStomp.command(f).equals("ERROR"), WAIT);
            assertThat(error).as("ERROR frame for a 4.2 KB frame; closed %s %s", raw.closeCode(), raw.closeReason())
                    .isNotNull();
            assertThat(RawStomp.header(error, "message")).contains("4096");
            assertThat(raw.awaitClosed(WAIT)).isTrue();
        }
        // Far over (40 KB in one WebSocket message): refused before it is even buffered whole, either by the
        // same STOMP ERROR frame or by the WebSocket close code 1009 "message too big" with a reason.
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("q", "/user/queue/events");
            raw.send(RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(40_000) + "\"}",
                    "destination", "/app/games/" + pin + "/answer", "content-type", "application/json"));
            assertThat(raw.awaitClosed(WAIT)).as("connection closed after a 40 KB frame").isTrue();
            boolean stompError = raw.received().stream().anyMatch(f -> RawStomp.command(f).equals("ERROR"));
            assertThat(stompError || (raw.closeCode() == 1009 && !raw.closeReason().isBlank()))
                    .as("STOMP ERROR or close 1009 with a reason; got close %s '%s'", raw.closeCode(), raw.closeReason())
                    .isTrue();
        }
        // A content-length claiming more than the limit: the server buffers nothing big, and as soon as more
        // bytes come (here the next frame) it answers with an ERROR frame naming the limit.
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.send("SEND\ndestination:/app/games/" + pin + "/answer\ncontent-length:99999999\n\n{}\u0000");
            raw.send(RawStomp.frame("SEND", "{}", "destination", "/app/games/" + pin + "/sync"));
            String error = raw.await(f -> RawStomp.command(f).equals("ERROR"), WAIT);
            assertThat(error).as("ERROR frame for a huge content-length").isNotNull();
            assertThat(RawStomp.header(error, "message")).contains("content-length");
            assertThat(raw.awaitClosed(WAIT)).isTrue();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(12)
    void secondAnswerAndReplaysAreRefusedAndCountOnce() {
        advanceTo(0);
        JsonNode question;
        try (StompTestClient a = player()) {
            a.await("STATE");
            question = a.await("QUESTION");
            int canberra = WarmUpGameIT.indexOf(question, "Canberra");
            // After all the refusals above, Ada can still answer, and it counts.
            a.answer(0, String.valueOf(canberra));
            assertThat(a.await("ACK").get("accepted").asBoolean()).isTrue();
            Snapshot answered = snapshot();
            assertThat(answered.answerCount()).isEqualTo(1);

            a.answer(0, String.valueOf(canberra));
            assertRefused(a, "ACK", "ALREADY_ANSWERED");
            a.answer(0, String.valueOf((canberra + 1) % 4));
            assertRefused(a, "ACK", "ALREADY_ANSWERED");
            assertThat(snapshot()).isEqualTo(answered);
        }
        int canberra = WarmUpGameIT.indexOf(question, "Canberra");
        hostCommand("skip", e -> "REVEAL".equals(e.path("type").asText()));
        Snapshot revealed = snapshot();
        replay(0, String.valueOf(canberra), "TOO_LATE");
        hostCommand("next", e -> "LEADERBOARD".equals(e.path("type").asText()));
        replay(0, String.valueOf(canberra), "TOO_LATE");
        hostCommand("next", e -> "QUESTION".equals(e.path("type").asText()));
        replay(0, String.valueOf(canberra), "WRONG_QUESTION");
        JsonNode report = api.get("/api/games/" + pin + "/report", "X-Host-Token", hostToken).body();
        assertThat(report.get("answerCount").asInt()).isEqualTo(revealed.answerCount()).isEqualTo(1);
    }

    private void replay(int question, String answer, String code) {
        Snapshot before = snapshot();
        try (StompTestClient a = player()) {
            a.await("STATE");
            a.answer(question, answer);
            assertRefused(a, "ACK", code);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Per question type: answers of the wrong shape, then the right answer (display indices resolved at run time). */
    record ShapeCase(int question, String type, List<String> wrong) {
        @Override
        public String toString() {
            return type + ": " + wrong;
        }
    }

    static Stream<ShapeCase> shapeCases() {
        String longText = "\"" + "x".repeat(201) + "\"";
        return Stream.of(
                new ShapeCase(1, "multi", List.of("0", "\"Mars\"", "[]", "[0,0]", "[9]", "[\"0\"]", "[0.5]", "[null]")),
                new ShapeCase(2, "truefalse", List.of("true", "\"True\"", "2", "[0]")),
                new ShapeCase(3, "type", List.of("42", "[\"co2\"]", longText, "{}")),
                // Text is read as a typed number (issue 11), so only text that is no number is refused.
                new ShapeCase(4, "number", List.of("\"eight\"", "\"19,53.5\"", "\"8 legs\"", "[8]", "1e400", "true")),
                new ShapeCase(5, "order", List.of("[0,1]", "[0,1,2,2]", "[0,1,2,3,4]", "0", "[0,1,2,7]")),
                new ShapeCase(6, "poll", List.of("\"Waves\"", "3", "[0]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeCases")
    @Order(13)
    void wrongAnswerShapeForTheTypeIsRefusedThenTheRightAnswerCounts(ShapeCase c) {
        JsonNode question = advanceTo(c.question());
        assertThat(question.get("questionType").asText()).isEqualTo(c.type());
        Snapshot before = snapshot();
        for (String wrong : c.wrong()) {
            try (StompTestClient a = player()) {
                a.await("STATE");
                a.answer(c.question(), wrong);
                assertRefused(a, "ACK", "BAD_ANSWER");
            }
            assertThat(snapshot()).as("state after %s answer %s", c.type(), wrong).isEqualTo(before);
        }
        try (StompTestClient a = player()) {
            a.await("STATE");
            a.answer(c.question(), rightAnswer(question));
            JsonNode ack = a.await("ACK");
            assertThat(ack.get("accepted").asBoolean()).as("right answer after refusals: %s", ack).isTrue();
        }
        hostCommand("skip", e -> "REVEAL".equals(e.path("type").asText()));
        JsonNode result = StompFuzzIT.seen(bobClient, e -> "REVEAL".equals(e.path("type").asText())
                && e.path("index").asInt() == c.question(), "REVEAL", WAIT);
        assertThat(result.get("answered").asInt()).isEqualTo(1);
        assertThat(result.get("correctCount").asInt()).isEqualTo(c.type().equals("poll") ? 0 : 1);
    }

    @Test
    @Order(14)
    void floodingIsRateLimitedPerConnectionWhileTheGameGoesOn() {
        JsonNode question = advanceTo(7);
        String right = rightAnswer(question);
        try (StompTestClient flooder = player()) {
            flooder.await("STATE");
            flooder.clearInbox();
            for (int i = 0; i < 60; i++) {
                flooder.sync();
            }
            JsonNode limited = flooder.await(e -> "ERROR".equals(e.path("type").asText())
                    && "RATE_LIMITED".equals(e.path("code").asText()), "RATE_LIMITED", WAIT);
            assertThat(limited.get("message").asText()).isNotBlank();
            // The game goes on for everyone else: Bob answers and is acknowledged at once.
            bobClient.answer(7, right);
            assertThat(StompFuzzIT.seen(bobClient, e -> "ACK".equals(e.path("type").asText())
                    && e.path("question").asInt() == 7, "Bob's ACK", WAIT).get("accepted").asBoolean()).isTrue();
            sleep(500);
            int states = flooder.seen("STATE").size();
            // burst 10 + 5/s: most of the 60 were dropped, and the warning was not repeated for each.
            assertThat(states).as("syncs answered").isBetween(1, 25);
            assertThat(flooder.seen("ERROR")).as("RATE_LIMITED warnings").hasSizeLessThanOrEqualTo(3);
            // After a pause the same connection is served again.
            sleep(2500);
            flooder.answer(7, right);
            JsonNode ack = StompFuzzIT.seen(flooder, e -> "ACK".equals(e.path("type").asText()), "flooder's ACK", WAIT);
            assertThat(ack.get("accepted").asBoolean()).as("answer after the flood: %s", ack).isTrue();
            // Both connected players answered: the question closes by itself.
            JsonNode result = flooder.await("RESULT", WAIT);
            assertThat(result.get("correct").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(15)
    void answerAfterTheDeadlineIsTooLate() {
        JsonNode question = advanceTo(8);
        assertThat(question.get("timeLimitMs").asLong()).isEqualTo(5000);
        StompFuzzIT.seen(bobClient, e -> "REVEAL".equals(e.path("type").asText()) && e.path("index").asInt() == 8,
                "REVEAL at the deadline", Duration.ofSeconds(15));
        Snapshot before = snapshot();
        try (StompTestClient a = player()) {
            a.await("STATE");
            a.answer(8, rightAnswer(question));
            assertRefused(a, "ACK", "TOO_LATE");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before.phase()).isEqualTo("REVEAL");
    }

    @Test
    @Order(16)
    void finishedGameRefusesJoinsAndAnswers() {
        // The last question was revealed by the test above: next finishes the game.
        hostCommand("next", e -> "FINISHED".equals(e.path("type").asText()));
        Snapshot before = snapshot();
        assertError(join(pin, "TooLate"), 423, "GAME_FINISHED");
        try (StompTestClient a = player()) {
            a.await("STATE");
            a.answer(8, "0");
            JsonNode ack = a.await("ACK", WAIT);
            assertThat(ack.get("accepted").asBoolean()).isFalse();
            assertThat(ack.get("message").asText()).isNotBlank();
        }
        try (StompTestClient h = host()) {
            h.await("STATE");
            h.host("start");
            JsonNode error = h.await("ERROR", WAIT);
            assertThat(error.get("code").asText()).isIn("GAME_FINISHED", "INVALID_STATE");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before.state()).isEqualTo("FINISHED");
    }

    // ================================================================== helpers

    /** What a user could notice about the game: phase, roster, scores in memory and on disk, answers stored. */
    record Snapshot(String state, boolean locked, int playerCount, String phase, int questionIndex,
                    List<String> roster, int answerCount, List<String> stored, int games) {
    }

    private Snapshot snapshot() {
        JsonNode info = api.get("/api/games/" + pin).body();
        JsonNode report = api.get("/api/games/" + pin + "/report", "X-Host-Token", hostToken).body();
        int games = api.get("/api/games").body().size();
        List<String> stored = new ArrayList<>();
        report.get("players").forEach(p -> stored.add(p.get("nickname").asText() + "|" + p.get("score").asInt()
                + "|" + p.get("answeredCount").asInt() + "|" + p.get("kicked").asBoolean()));
        stored.sort(Comparator.naturalOrder());
        try (StompTestClient h = host()) {
            JsonNode state = h.await("STATE");
            String phaseEvent = switch (state.get("phase").asText()) {
                case "QUESTION" -> "QUESTION";
                case "REVEAL", "LEADERBOARD" -> "REVEAL";
                default -> state.get("phase").asText();
            };
            h.await(phaseEvent);
            JsonNode players = h.await("PLAYERS");
            List<String> roster = new ArrayList<>();
            players.get("players").forEach(p -> roster.add(p.get("playerId").asText() + "|" + p.get("nickname").asText()
                    + "|" + p.get("score").asInt() + "|" + p.get("streak").asInt()));
            roster.sort(Comparator.naturalOrder());
            int index = h.seen("QUESTION").stream().mapToInt(q -> q.get("index").asInt()).max()
                    .orElse(h.seen("REVEAL").stream().mapToInt(q -> q.get("index").asInt()).max().orElse(-1));
            return new Snapshot(info.get("state").asText(), info.get("locked").asBoolean(),
                    info.get("playerCount").asInt(), state.get("phase").asText(), index, roster,
                    report.get("answerCount").asInt(), stored, games);
        }
    }

    /** Moves the game on (start, skip, next) until question {@code index} is open; returns its QUESTION event. */
    private JsonNode advanceTo(int index) {
        for (int step = 0; step < 40; step++) {
            try (StompTestClient h = host()) {
                JsonNode state = h.await("STATE");
                String phase = state.get("phase").asText();
                JsonNode current = phase.equals("QUESTION") ? h.await("QUESTION") : null;
                if (current != null && current.get("index").asInt() == index) {
                    // Like a phone, wait out the reading time: the cases below are about answers
                    // once they are open (TOO_EARLY has its own test in LessonBeatsIT).
                    sleepMs(current.path("opensInMs").asLong(0));
                    return current;
                }
                h.clearInbox();
                String command = switch (phase) {
                    case "LOBBY" -> "start";
                    case "QUESTION" -> "skip";
                    case "REVEAL", "LEADERBOARD" -> "next";
                    default -> throw new AssertionError("cannot reach question " + index + " from " + phase);
                };
                h.host(command);
                h.await(e -> List.of("QUESTION", "REVEAL", "LEADERBOARD", "FINISHED").contains(e.path("type").asText()),
                        "the game to move on after " + command, WAIT);
            }
        }
        throw new AssertionError("question " + index + " never opened");
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode hostCommand(String command, java.util.function.Predicate<JsonNode> expect) {
        return hostCommandIn(pin, hostToken, command, expect);
    }

    private JsonNode hostCommandIn(String gamePin, String token, String command,
                                   java.util.function.Predicate<JsonNode> expect) {
        try (StompTestClient h = StompTestClient.host(port, gamePin, token)) {
            h.await("STATE");
            h.clearInbox();
            h.host(command);
            return h.await(expect, "result of " + command, WAIT);
        }
    }

    /** The right answer to a QUESTION event of the test quiz, as display indices. */
    private static String rightAnswer(JsonNode question) {
        return switch (question.get("index").asInt()) {
            case 0, 7 -> String.valueOf(WarmUpGameIT.indexOf(question, "Canberra"));
            case 1 -> "[" + WarmUpGameIT.indexOf(question, "Mars") + "," + WarmUpGameIT.indexOf(question, "Neptune") + "]";
            case 2, 8 -> String.valueOf(WarmUpGameIT.indexOf(question, "True"));
            case 3 -> "\"Carbon Dioxide\"";
            case 4 -> "8";
            case 5 -> "[" + Stream.of("Mercury", "Venus", "Earth", "Mars")
                    .map(item -> String.valueOf(WarmUpGameIT.indexOf(question, item)))
                    .reduce((x, y) -> x + "," + y).orElseThrow() + "]";
            case 6 -> String.valueOf(WarmUpGameIT.indexOf(question, "Forces"));
            default -> throw new AssertionError(question);
        };
    }

    private static void assertRefused(StompTestClient client, String type, String code) {
        JsonNode event = client.await(e -> type.equals(e.path("type").asText()), type + " " + code, WAIT);
        assertThat(event.path("code").asText()).as("%s", event).isEqualTo(code);
        assertThat(event.path("message").asText()).isNotBlank();
        if (type.equals("ACK")) {
            assertThat(event.get("accepted").asBoolean()).isFalse();
        }
    }

    private static void assertError(Api.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.text()).isEqualTo(status);
        assertThat(response.body()).as("JSON error body: %s", response.text()).isNotNull();
        assertThat(response.body().path("code").asText()).as("code in %s", response.text()).isEqualTo(code);
        assertThat(response.body().path("message").asText()).isNotBlank();
    }

    private StompTestClient actor(Actor actor) {
        return switch (actor) {
            case PLAYER -> player();
            case HOST -> host();
            case OTHER_GAME_PLAYER -> connectedPlayer(otherPin, xavi.get("playerToken").asText());
        };
    }

    private StompTestClient player() {
        return connectedPlayer(pin, ada.get("playerToken").asText());
    }

    /**
     * A player connection that has had its sync PING (and answered it): the test client sends its
     * pong from the receiving thread, and two sends at once on one session fail in the WebSocket client.
     */
    private StompTestClient connectedPlayer(String gamePin, String token) {
        StompTestClient client = StompTestClient.player(port, gamePin, token);
        StompFuzzIT.seen(client, e -> "PING".equals(e.path("type").asText()), "PING after sync", WAIT);
        return client;
    }

    private StompTestClient host() {
        return StompTestClient.host(port, pin, hostToken);
    }

    private String resolve(String text) {
        return text.replace("{pin}", pin).replace("{other}", otherPin).replace("{bob}", bob.get("playerId").asText());
    }

    /** Joins from a loopback address of its own, so the per-address join limit never trips a case. */
    private Api.Response join(String gamePin, String nickname) {
        return RawHttp.post(nextAddress(), port, "/api/games/" + gamePin + "/players", "application/json",
                "{\"nickname\":" + JSON.valueToTree(nickname) + "}");
    }

    private Api.Response post(String path, String body) {
        return rawPost(path, "application/json", body);
    }

    private Api.Response rawPost(String path, String contentType, String body) {
        return RawHttp.post(nextAddress(), port, path, contentType, body);
    }

    private String nextAddress() {
        int n = nextAddress.getAndIncrement();
        return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
    }

    private static JsonNode joined(Api.Response response) {
        assertThat(response.status()).as("join: %s", response.text()).isEqualTo(201);
        return response.body();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path writeQuiz() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "bad-input-quizzes")).toAbsolutePath();
            Files.writeString(dir.resolve("bad-input.yaml"), """
                    title: Bad input
                    description: One question of each type, then one to flood and one that times out.
                    questions:
                      - type: single
                        text: What is the capital city of Australia?
                        choices: [Sydney, Canberra, Melbourne, Perth]
                        answer: Canberra
                        time: 240
                        section: Cities
                        explanation: Canberra was built to be the capital.
                      - type: multi
                        text: Which of these are planets?
                        choices: [Mars, Pluto, Neptune, The Moon]
                        answers: [Mars, Neptune]
                        time: 240
                        section: Space
                        explanation: Pluto is a dwarf planet and the Moon orbits Earth.
                      - type: truefalse
                        text: Water boils at 100 degrees Celsius at sea level.
                        answer: true
                        time: 240
                        section: Science
                        explanation: At sea-level pressure it does.
                      - type: type
                        text: What gas do plants take in to make their food?
                        answers: [carbon dioxide, CO2]
                        time: 240
                        section: Science
                        explanation: Photosynthesis uses carbon dioxide.
                      - type: number
                        text: How many legs does a spider have?
                        answer: 8
                        time: 240
                        section: Animals
                        explanation: Eight.
                      - type: order
                        text: Put these planets in order, nearest the Sun first.
                        items: [Mercury, Venus, Earth, Mars]
                        time: 240
                        section: Space
                        explanation: The rocky planets from the inside out.
                      - type: poll
                        text: Which topic should we revise next?
                        choices: [Waves, Forces, Electricity]
                        time: 240
                        section: Review
                      - type: single
                        text: Again, what is the capital city of Australia?
                        choices: [Sydney, Canberra, Melbourne, Perth]
                        answer: Canberra
                        time: 240
                        section: Cities
                        explanation: Still Canberra.
                      - type: truefalse
                        text: Five seconds only. Is the sky blue?
                        answer: true
                        time: 5
                        section: Science
                        explanation: Rayleigh scattering.
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP/1.0 over a socket bound to a chosen loopback address: the server sees a different client. */
    static final class RawHttp {

        static Api.Response post(String localAddress, int port, String path, String contentType, String body) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(localAddress, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(15_000);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(response.substring(9, 12));
                int split = response.indexOf("\r\n\r\n");
                String text = split < 0 ? "" : response.substring(split + 4);
                JsonNode json = text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : null;
                return new Api.Response(status, json, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
