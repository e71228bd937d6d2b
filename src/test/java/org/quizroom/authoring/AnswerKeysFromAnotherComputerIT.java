package org.quizroom.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quizroom.live.JoinAddresses;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a teacher password, everyone on the classroom Wi-Fi reaches the server: whatever shows a
 * quiz's answers (the editor and its API, notes to draft, broken files' problems) must then answer
 * only the computer running Quizroom, or a student could read the key of the quiz being played.
 * Found by a fresh tester: GET /api/authoring/quizzes/warm-up gave the answers to a laptop on the LAN.
 */
@LiveServerTest
class AnswerKeysFromAnotherComputerIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutATeacherPasswordAnotherComputerGetsNoAnswerKey() throws Exception {
        Optional<String> lan = JoinAddresses.find().stream().map(JoinAddresses.Candidate::address).findFirst();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address");
        // The same server reached through its network address: the request comes from "another computer".
        String other = "http://" + lan.get() + ":" + port;
        for (String path : new String[] {"/api/authoring/quizzes/warm-up", "/api/authoring/quizzes/warm-up/export?format=gift",
                "/api/authoring/quizzes", "/api/quizzes/problems", "/editor", "/draft.html", "/api/authoring/%71uizzes/warm-up"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(other + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(new ObjectMapper().readTree(r.body()).get("code").asText()).as(path).isEqualTo("TEACHER_COMPUTER_ONLY");
            assertThat(r.body()).as(path).doesNotContain("Canberra");
        }
        // A browser that navigates there gets a page that says so, not raw JSON, and still no answer.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(other + "/editor?id=warm-up"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("This page is for the teacher", "only work on the computer running Quizroom",
                "href=\"/play\"").doesNotContain("Canberra", "\"code\"");
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(other + "/api/authoring/quizzes/warm-up"))
                .header("X-Quizroom", "1").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
        HttpResponse<String> draft = http.send(HttpRequest.newBuilder(URI.create(other + "/api/drafts"))
                .header("X-Quizroom", "1").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Notes")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(draft.statusCode()).isEqualTo(403);
        // Hosting a game is a teacher action too: a student hosting the quiz and skipping through it would see
        // every answer at its reveal.
        HttpResponse<String> host = http.send(HttpRequest.newBuilder(URI.create(other + "/api/games"))
                .header("Content-Type", "application/json").header("Origin", other)
                .POST(HttpRequest.BodyPublishers.ofString("{\"quizId\":\"warm-up\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(host.statusCode()).as("POST /api/games from another computer").isEqualTo(403);
        assertThat(new ObjectMapper().readTree(host.body()).get("code").asText()).isEqualTo("TEACHER_COMPUTER_ONLY");
        HttpResponse<String> hostHere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/games"))
                .header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("{\"quizId\":\"warm-up\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hostHere.statusCode()).as("POST /api/games on the teacher's computer").isEqualTo(201);
        String livePin = new ObjectMapper().readTree(hostHere.body()).get("pin").asText();

        // The games list holds live PINs: a student who read it could join another class's game.
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(other + "/api/games")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as("GET /api/games from another computer").isEqualTo(403);
        assertThat(new ObjectMapper().readTree(list.body()).get("code").asText()).isEqualTo("TEACHER_COMPUTER_ONLY");
        assertThat(list.body()).doesNotContain(livePin);
        // The health check is open to anyone (load balancers, monitoring), but the PINs in it are not (fresh tester).
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(other + "/api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(health.body()).get("gameCount").asInt()).isPositive();
        assertThat(health.body()).doesNotContain(livePin).doesNotContain("\"games\"");
        HttpResponse<String> healthHere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(healthHere.body()).contains(livePin);
        HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(other + "/api/quizzes/reload"))
                .header("Content-Type", "application/json").header("Origin", other)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reload.statusCode()).as("POST /api/quizzes/reload from another computer").isEqualTo(403);
        assertThat(new ObjectMapper().readTree(reload.body()).get("code").asText()).isEqualTo("TEACHER_COMPUTER_ONLY");
        HttpResponse<String> listHere = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/games")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listHere.statusCode()).isEqualTo(200);
        assertThat(listHere.body()).contains(livePin);

        // The teacher's own computer still opens the editor; students' pages stay open to everyone.
        HttpResponse<String> here = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/authoring/quizzes/warm-up")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(here.body()).contains("Canberra");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(other + "/play")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
