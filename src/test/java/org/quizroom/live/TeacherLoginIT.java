package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With a teacher password set, the teacher's side (dashboard, hosting, the games list, reloading
 * quizzes) needs HTTP Basic login as "teacher", while everything a student does works without it.
 * Reports open with the game's host token or the teacher login. Tokens are long and random.
 */
@LiveServerTest
@TestPropertySource(properties = "quizroom.teacher-password=Tr0ub4dor&3")
class TeacherLoginIT {

    private static final String LOGIN = basic("teacher", "Tr0ub4dor&3");

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/index.html", "/host", "/host.html", "/report", "/report.html", "/api/games",
            "/api/quizzes/problems"})
    void teacherPagesAndTheGamesListNeedTheLogin(String path) {
        Api api = new Api(port);
        assertLoginRequired(api.get(path));
        assertLoginRequired(api.get(path, "Authorization", basic("teacher", "wrong")));
        assertLoginRequired(api.get(path, "Authorization", basic("student", "Tr0ub4dor&3")));
        assertLoginRequired(api.get(path, "Authorization", "Basic not-base64!"));
        assertLoginRequired(api.get(path, "Authorization", "Bearer Tr0ub4dor&3"));
        assertThat(api.get(path, "Authorization", LOGIN).status()).isEqualTo(200);
    }

    @Test
    void openingGamesAndReloadingQuizzesNeedTheLogin() {
        Api api = new Api(port);
        int before = api.get("/api/games", "Authorization", LOGIN).body().size();
        assertLoginRequired(api.post("/api/games", "{\"quizId\":\"warm-up\"}"));
        assertLoginRequired(api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", basic("teacher", "")));
        assertLoginRequired(api.post("/api/games;x", "{\"quizId\":\"warm-up\"}"));
        assertLoginRequired(api.post("/api/quizzes/reload", ""));
        assertThat(api.get("/api/games", "Authorization", LOGIN).body().size())
                .as("no game was opened by the refused requests").isEqualTo(before);

        assertThat(api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).status()).isEqualTo(201);
        assertThat(api.post("/api/quizzes/reload", "", "Authorization", LOGIN).status()).isEqualTo(200);
        assertThat(api.get("/api/games", "Authorization", LOGIN).body().size()).isEqualTo(before + 1);
    }

    @Test
    void withAPasswordTheHostScreenCanBeHandedToAnotherComputerAfterTheLoginOnly() throws Exception {
        Api api = new Api(port);
        JsonNode game = api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).body();
        String pin = game.get("pin").asText();
        String path = "/api/games/" + pin + "/host-session";
        assertLoginRequired(api.post(path, ""));
        assertLoginRequired(api.post(path + ";x", ""));
        assertLoginRequired(api.post(path, "", "Authorization", basic("teacher", "wrong")));
        assertLoginRequired(api.get("/api/network"));

        // From another computer (the server's own network address stands in for the projector PC).
        var lan = JoinAddresses.find().stream().map(JoinAddresses.Candidate::address).findFirst();
        String base = lan.map(a -> "http://" + a + ":" + port).orElse("http://127.0.0.1:" + port);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(base + path)).header("Authorization", LOGIN)
                        .header("Content-Type", "application/json") // as the dashboard sends it
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(game.get("hostToken").asText());
        assertThat(api.get("/api/network", "Authorization", LOGIN).status()).isEqualTo(200);
    }

    /** Spellings of the same address that a path check on the raw URI would miss. */
    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/games;x=1", "/api/games;jsessionid=1", "/api/%67ames", "/api/games/", "//api/games",
            "/api/./games", "/api/x/../games", "/API/games", "/index.html;x", "/%68ost", "/host;x"})
    void noOtherSpellingOfATeacherAddressGetsInWithoutTheLogin(String path) {
        Api api = new Api(port);
        // The games list holds every game's PIN: it must not leak under another spelling.
        api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN);
        Api.Response response = api.get(path);
        assertThat(response.status()).as("GET %s -> %s %s", path, response.status(), response.text())
                .isNotEqualTo(200);
        assertThat(response.text()).as("GET %s", path).doesNotContain("\"pin\"").doesNotContain("<html");
    }

    @Test
    void studentsJoinAndPlayWithoutTheLogin() {
        Api api = new Api(port);
        JsonNode game = api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).body();
        String pin = game.get("pin").asText();

        assertThat(api.get("/play").status()).isEqualTo(200);
        assertThat(api.get("/play.html").status()).isEqualTo(200);
        assertThat(api.get("/play?pin=" + pin).status()).isEqualTo(200);
        assertThat(api.get("/js/play.js").status()).isEqualTo(200);
        assertThat(api.get("/api/games/" + pin).status()).isEqualTo(200);
        assertThat(api.get("/api/games/" + pin + "/qr.svg").status()).isEqualTo(200);
        Api.Response joined = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"Ada\"}");
        assertThat(joined.status()).isEqualTo(201);

        // STOMP needs the tokens, not the teacher login: the host runs the game and the player answers.
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient ada = StompTestClient.player(port, pin, joined.body().get("playerToken").asText())) {
            assertThat(ada.await("STATE").get("you").get("nickname").asText()).isEqualTo("Ada");
            host.await("STATE");
            host.host("start");
            JsonNode question = ada.await("QUESTION");
            ada.answer(0, String.valueOf(WarmUpGameIT.indexOf(question, "Canberra")));
            assertThat(ada.await("ACK").get("accepted").asBoolean()).isTrue();
            assertThat(ada.await("RESULT").get("correct").asBoolean()).isTrue();
        }
    }

    @Test
    void reportsNeedTheHostTokenOrTheTeacherLogin() {
        Api api = new Api(port);
        JsonNode game = api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).body();
        JsonNode other = api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).body();
        String pin = game.get("pin").asText();
        JsonNode ada = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"Ada\"}").body();
        String report = "/api/games/" + pin + "/report";

        for (String path : List.of(report, report + ".csv")) {
            assertForbidden(api.get(path));
            assertForbidden(api.get(path, "Authorization", basic("teacher", "wrong")));
            assertForbidden(api.get(path, "X-Host-Token", ada.get("playerToken").asText()));
            assertForbidden(api.get(path, "X-Host-Token", other.get("hostToken").asText()));
            assertForbidden(api.get(path + "?hostToken=" + other.get("hostToken").asText()));
            assertThat(api.get(path, "X-Host-Token", game.get("hostToken").asText()).status()).isEqualTo(200);
            // The host key is never taken from an address (history, logs, Referer): header or login only.
            assertForbidden(api.get(path + "?hostToken=" + game.get("hostToken").asText()));
            assertThat(api.get(path, "Authorization", LOGIN).status()).isEqualTo(200);
        }
        assertThat(api.get(report, "X-Host-Token", game.get("hostToken").asText()).body().get("pin").asText())
                .isEqualTo(pin);
        assertThat(api.get("/api/games/000000/report", "Authorization", LOGIN).status()).isEqualTo(404);
    }

    @Test
    void tokensAreLongRandomAndNeverSequential() {
        Api api = new Api(port);
        List<String> hostTokens = new ArrayList<>();
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode game = api.post("/api/games", "{\"quizId\":\"warm-up\"}", "Authorization", LOGIN).body();
            hostTokens.add(game.get("hostToken").asText());
            pins.add(game.get("pin").asText());
        }
        List<String> playerTokens = new ArrayList<>();
        List<String> playerIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode p = api.post("/api/games/" + pins.get(0) + "/players", "{\"nickname\":\"Student " + i + "\"}").body();
            playerTokens.add(p.get("playerToken").asText());
            playerIds.add(p.get("playerId").asText());
        }
        // 24 random bytes (192 bits) in URL-safe Base64 after a readable prefix.
        assertThat(hostTokens).allMatch(t -> t.matches("hst_[A-Za-z0-9_-]{32}"));
        assertThat(playerTokens).allMatch(t -> t.matches("plr_[A-Za-z0-9_-]{32}"));
        assertThat(playerIds).allMatch(t -> t.matches("p_[A-Za-z0-9_-]{12}"));
        assertThat(pins).allMatch(p -> p.matches("[1-9]\\d{5}"));
        assertThat(new HashSet<>(hostTokens)).hasSize(hostTokens.size());
        assertThat(new HashSet<>(playerTokens)).hasSize(playerTokens.size());
        assertThat(new HashSet<>(playerIds)).hasSize(playerIds.size());
        for (List<String> tokens : List.of(hostTokens, playerTokens, playerIds)) {
            for (int i = 1; i < tokens.size(); i++) {
                String a = tokens.get(i - 1);
                String b = tokens.get(i);
                int prefix = a.indexOf('_') + 1;
                assertThat(differingPositions(a.substring(prefix), b.substring(prefix)))
                        .as("consecutive tokens %s and %s differ almost everywhere", a, b)
                        .isGreaterThan((a.length() - prefix) * 3 / 4);
            }
        }
        // Only their owner ever sees a token: not the roster, the game info, the games list or the report.
        String everythingShared = api.get("/api/games", "Authorization", LOGIN).text()
                + api.get("/api/games/" + pins.get(0)).text()
                + api.get("/api/games/" + pins.get(0) + "/report", "Authorization", LOGIN).text()
                + api.get("/api/games/" + pins.get(0) + "/report.csv", "Authorization", LOGIN).text();
        Set<String> secrets = new HashSet<>(hostTokens);
        secrets.addAll(playerTokens);
        assertThat(secrets).noneMatch(everythingShared::contains);
        try (StompTestClient host = StompTestClient.host(port, pins.get(0), hostTokens.get(0))) {
            String roster = host.await("PLAYERS").toString();
            assertThat(secrets).noneMatch(roster::contains);
        }
    }

    private static int differingPositions(String a, String b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                n++;
            }
        }
        return n;
    }

    private static void assertLoginRequired(Api.Response response) {
        assertThat(response.status()).as("%s", response.text()).isEqualTo(401);
        assertThat(response.body().get("code").asText()).isEqualTo("TEACHER_LOGIN");
        assertThat(response.body().get("message").asText()).isNotBlank();
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as("%s", response.text()).isEqualTo(403);
        assertThat(response.body().get("code").asText()).isEqualTo("HOST_ONLY");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
