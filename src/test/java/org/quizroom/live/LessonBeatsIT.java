package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lesson as a class lives it, over real STOMP (issue 10): reading time before answers open,
 * the typed answers the class gave, a kick that closes the question and keeps the name out,
 * look-alike and emoji nicknames, question pictures served as images only, the host screen handed
 * to another computer, and the join address API.
 */
@LiveServerTest
class LessonBeatsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A valid 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final Path QUIZZES = writeQuizzes();

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    @LocalServerPort
    int port;

    private final List<StompTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(StompTestClient::close);
    }

    private StompTestClient track(StompTestClient client) {
        clients.add(client);
        client.await("STATE");
        return client;
    }

    private StompTestClient player(String pin, JsonNode joined) {
        return track(StompTestClient.player(port, pin, joined.get("playerToken").asText()));
    }

    @Test
    void answersOpenAfterTheReadingTimeAndAnEarlyOneIsRefusedTooEarly() {
        Api api = new Api(port);
        JsonNode game = api.openGame("beats", "{}"); // reading time on: the default
        String pin = game.get("pin").asText();
        StompTestClient host = track(StompTestClient.host(port, pin, game.get("hostToken").asText()));
        StompTestClient ada = player(pin, api.join(pin, "Ada"));
        host.host("start");

        JsonNode q0 = ada.await("QUESTION", WAIT);
        assertThat(q0.get("readingMs").asLong()).as("the question's own readingTime: 20").isEqualTo(20_000);
        assertThat(q0.get("opensInMs").asLong()).isEqualTo(20_000);
        assertThat(q0.get("remainingMs").asLong()).as("the whole answer time is still to come").isEqualTo(20_000);
        ada.answerNow(0, "0");
        JsonNode early = ada.await("ACK", WAIT);
        assertThat(early.get("accepted").asBoolean()).isFalse();
        assertThat(early.get("code").asText()).isEqualTo("TOO_EARLY");
        assertThat(early.get("message").asText()).contains("reading time");

        // A reconnecting phone learns how long is left to read.
        ada.sync();
        JsonNode again = ada.await("QUESTION", WAIT);
        assertThat(again.get("opensInMs").asLong()).isPositive().isLessThanOrEqualTo(20_000);

        host.host("skip");
        assertThat(host.await("REVEAL", WAIT).get("answered").asInt()).as("the early answer never counted").isZero();
        host.host("next");
        host.host("next");
        JsonNode q1 = ada.await("QUESTION", WAIT);
        assertThat(q1.get("opensInMs").asLong()).as("the quiz's readingTime: 0").isZero();
        host.host("skip");
        host.await("REVEAL", WAIT);
        host.host("next");
        host.host("next");
        JsonNode q2 = ada.await("QUESTION", WAIT);
        assertThat(q2.get("readingMs").asLong()).isEqualTo(1_000);
        ada.answer(2, "1956"); // waits out opensInMs, as the phone page does
        JsonNode ack = ada.await("ACK", WAIT);
        assertThat(ack.get("accepted").asBoolean()).as("%s", ack).isTrue();
        JsonNode result = ada.await("RESULT", WAIT);
        assertThat(result.get("correct").asBoolean()).isTrue();
    }

    @Test
    void aTypedRevealListsWhatTheClassTypedWithCounts() {
        Api api = new Api(port);
        JsonNode game = api.openGame("beats", "{\"readingTime\":false}");
        String pin = game.get("pin").asText();
        StompTestClient host = track(StompTestClient.host(port, pin, game.get("hostToken").asText()));
        String[] names = {"Ana", "Ben", "Cy", "Di"};
        // Two spellings of one wrong answer (far from the key: a near miss would be forgiven), the key, another.
        String[] typed = {"Peaceful competition", "peaceful-competition", "Peaceful Coexistence", "détente"};
        List<StompTestClient> class4 = new ArrayList<>();
        for (String name : names) {
            class4.add(player(pin, api.join(pin, name)));
        }
        host.host("start");
        host.await("QUESTION", WAIT);
        host.host("skip");
        host.await("REVEAL", WAIT);
        host.host("next");
        host.host("next");
        host.await("QUESTION", WAIT);
        for (int i = 0; i < names.length; i++) {
            class4.get(i).await("QUESTION", WAIT);
            class4.get(i).answer(1, "\"" + typed[i] + "\"");
        }
        JsonNode reveal = host.await("REVEAL", WAIT); // everyone answered: it closes by itself
        assertThat(reveal.get("index").asInt()).isEqualTo(1);
        JsonNode top = reveal.get("topAnswers");
        assertThat(top).as("%s", reveal).hasSize(3);
        assertThat(top.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(top.get(0).get("correct").asBoolean()).isFalse();
        assertThat(top.get(1).get("answer").asText()).isEqualTo("Peaceful Coexistence");
        assertThat(top.get(1).get("correct").asBoolean()).isTrue();
        assertThat(top.get(2).get("answer").asText()).isEqualTo("détente");
    }

    @Test
    void aKickClosesAFullyAnsweredQuestionAtOnceAndTheNameCannotComeBack() {
        Api api = new Api(port);
        // The file's order, so choice 0 is the key.
        JsonNode game = api.openGame("beats", "{\"readingTime\":false,\"shuffleAnswers\":false}");
        String pin = game.get("pin").asText();
        StompTestClient host = track(StompTestClient.host(port, pin, game.get("hostToken").asText()));
        StompTestClient ada = player(pin, api.join(pin, "Ada"));
        JsonNode bobJoined = api.join(pin, "Bob");
        player(pin, bobJoined);
        host.host("start");
        ada.await("QUESTION", WAIT);
        ada.answer(0, "0");
        assertThat(ada.await("ACK", WAIT).get("accepted").asBoolean()).isTrue();

        host.send("/app/games/" + pin + "/host",
                "{\"command\":\"kick\",\"playerId\":\"" + bobJoined.get("playerId").asText() + "\"}");
        // Commands from one connection are handled in order: by the time sync is answered, the kick
        // has been handled, and it must already have closed the question (no 5 s wait, no deadline).
        host.sync();
        JsonNode state = host.await(e -> "STATE".equals(e.path("type").asText()) && e.path("phase").asText()
                .equals("REVEAL"), "STATE in REVEAL after the kick", WAIT);
        assertThat(state.get("phase").asText()).isEqualTo("REVEAL");
        assertThat(ada.await("RESULT", WAIT).get("correct").asBoolean()).isTrue();

        for (String name : List.of("Bob", "BOB", "B\u043Eb")) { // the last with a Cyrillic о
            Api.Response again = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"" + name + "\"}");
            assertThat(again.status()).as(name).isEqualTo(403);
            assertThat(again.body().get("code").asText()).isEqualTo("NICKNAME_REMOVED");
            assertThat(again.body().get("message").asText()).contains("removed");
        }

        host.host("end");
        JsonNode fin = ada.await("FINAL", WAIT);
        assertThat(fin.get("questionCount").asInt()).isEqualTo(1);
        assertThat(fin.get("questionsAnswerable").asInt()).isEqualTo(1);
        assertThat(fin.get("correctCount").asInt()).isEqualTo(1);
    }

    @Test
    void lookAlikeNamesAreTakenAndEmojiNamesAreWelcome() {
        Api api = new Api(port);
        String pin = api.openGame("beats", "{}").get("pin").asText();
        api.join(pin, "Ada");
        Api.Response fake = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"\u0410da\"}");
        assertThat(fake.status()).isEqualTo(409);
        assertThat(fake.body().get("code").asText()).isEqualTo("NICKNAME_TAKEN");
        assertThat(api.join(pin, "Kim \uD83D\uDC69\u200D\uD83D\uDCBB").get("nickname").asText()).isEqualTo("Kim 👩‍💻");
        Api.Response hidden = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"Ki\u200Dm\"}");
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.body().get("code").asText()).isEqualTo("NICKNAME_INVALID");
    }

    @Test
    void aQuestionsPictureIsServedAsAnImageOnlyOnceItsQuestionIsShown() throws Exception {
        Api api = new Api(port);
        JsonNode game = api.openGame("beats", "{\"readingTime\":false}");
        String pin = game.get("pin").asText();
        StompTestClient host = track(StompTestClient.host(port, pin, game.get("hostToken").asText()));
        String url = "/api/games/" + pin + "/questions/1/image";
        Api.Response early = api.get(url);
        assertThat(early.status()).as("not shown yet: the picture could give the question away").isEqualTo(404);
        assertThat(early.body().get("code").asText()).isEqualTo("NO_IMAGE");

        api.join(pin, "Ada"); // Start waits for a player
        host.host("start");
        host.await("QUESTION", WAIT);
        host.host("skip");
        host.await("REVEAL", WAIT);
        host.host("next");
        host.host("next");
        JsonNode q1 = host.await("QUESTION", WAIT);
        assertThat(q1.get("image").get("url").asText()).isEqualTo(url);
        assertThat(q1.get("image").get("alt").asText()).isEqualTo("A one-pixel picture");

        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("sandbox").contains("default-src 'none'").doesNotContain("script-src");
        assertThat(api.get("/api/games/" + pin + "/questions/0/image").status()).as("question 0 has none").isEqualTo(404);
    }

    @Test
    void theHostScreenOfALiveGameCanBeOpenedOnThisComputerWithTheTokenInTheBodyOnly() {
        Api api = new Api(port);
        JsonNode game = api.openGame("beats", "{}");
        String pin = game.get("pin").asText();

        JsonNode listed = api.get("/api/games").body();
        assertThat(listed.findValues("pin").stream().map(JsonNode::asText)).contains(pin);
        for (JsonNode g : listed) {
            if (g.get("pin").asText().equals(pin)) {
                assertThat(g.get("live").asBoolean()).isTrue();
            }
        }

        Api.Response session = api.post("/api/games/" + pin + "/host-session", "");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.body().get("hostToken").asText()).isEqualTo(game.get("hostToken").asText());
        StompTestClient projector = track(StompTestClient.host(port, pin, session.body().get("hostToken").asText()));
        api.join(pin, "Ada"); // Start waits for a player
        projector.host("start");
        assertThat(projector.await("QUESTION", WAIT).get("index").asInt()).isZero();

        assertThat(api.post("/api/games/999999/host-session", "").status()).isEqualTo(404);
        projector.host("end");
        projector.await("FINISHED", WAIT);
        Api.Response finished = api.post("/api/games/" + pin + "/host-session", "");
        assertThat(finished.status()).isEqualTo(409);
        assertThat(finished.body().get("code").asText()).isEqualTo("GAME_FINISHED");
    }

    @Test
    void withoutATeacherPasswordOnlyThisComputerMayTakeTheHostScreenOrSeeTheNetwork() {
        Optional<String> lan = JoinAddresses.find().stream().map(JoinAddresses.Candidate::address).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address");
        Api api = new Api(port);
        String pin = api.openGame("beats", "{}").get("pin").asText();
        // The same server reached through its network address: the request now comes from "another computer".
        Api.Response handover = post("http://" + lan.get() + ":" + port + "/api/games/" + pin + "/host-session");
        assertThat(handover.status()).isEqualTo(403);
        assertThat(handover.body().get("code").asText()).isEqualTo("HOST_HANDOVER_LOCAL_ONLY");
        assertThat(handover.text()).doesNotContain("hst_");
        Api.Response network = get("http://" + lan.get() + ":" + port + "/api/network");
        assertThat(network.status()).isEqualTo(403);
        assertThat(network.body().get("code").asText()).isEqualTo("TEACHER_COMPUTER_ONLY");
    }

    @Test
    void theNetworkApiListsTheAddressesAndSaysWhenTheJoinLinkOnlyWorksHere() {
        Api api = new Api(port);
        Api.Response network = api.get("/api/network");
        assertThat(network.status()).isEqualTo(200);
        // The test server is pinned to loopback (quizroom.join-host=127.0.0.1): phones could not join.
        assertThat(network.body().get("joinLocalOnly").asBoolean()).isTrue();
        assertThat(network.body().get("fixedBy").asText()).isEqualTo("join-host");
        for (JsonNode a : network.body().get("addresses")) {
            assertThat(a.get("address").asText()).doesNotStartWith("127.").doesNotStartWith("169.254.");
        }
        JsonNode game = api.openGame("beats", "{}");
        assertThat(game.get("joinLocalOnly").asBoolean()).isTrue();
        StompTestClient host = track(StompTestClient.host(port, game.get("pin").asText(), game.get("hostToken").asText()));
        assertThat(host.await("LOBBY", WAIT).get("joinLocalOnly").asBoolean()).isTrue();

        Api.Response fixed = put(api, "/api/network", "{\"address\":\"10.1.2.3\"}");
        assertThat(fixed.status()).isEqualTo(409);
        assertThat(fixed.body().get("code").asText()).isEqualTo("JOIN_ADDRESS_FIXED");
    }

    private Api.Response put(Api api, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Api.Response post(String url) {
        // As the dashboard posts: a JSON body (the server refuses state changes a cross-site form could send).
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static Api.Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().startsWith("{") || r.body().startsWith("[")
                    ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()) : null;
            return new Api.Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path writeQuizzes() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "lesson-beats-quizzes")).toAbsolutePath();
            Files.write(dir.resolve("one-pixel.png"), PNG);
            Files.writeString(dir.resolve("beats.yaml"), """
                    title: Lesson beats
                    readingTime: 0
                    questions:
                      - type: single
                        text: Which came first?
                        choices: [The Secret Speech, The Sputnik launch]
                        answer: The Secret Speech
                        readingTime: 20
                        section: Order of events
                        explanation: The speech was in February 1956, Sputnik in October 1957.
                      - type: type
                        text: Name the policy of living side by side with the West.
                        answers: [peaceful coexistence]
                        image: {file: one-pixel.png, alt: A one-pixel picture}
                        section: Peaceful Coexistence
                        explanation: Khrushchev called it peaceful coexistence.
                      - type: number
                        text: In which year did Soviet tanks enter Budapest?
                        answer: 1956
                        readingTime: 1
                        section: Crisis
                        explanation: November 1956.
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
