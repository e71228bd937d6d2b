package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fresh tester's marking complaints, over the wire: a year typed the European way
 * ({@code 1.953}) is right and stored as 1953, a decimal comma is still a decimal, while a typed
 * phrase with one whole word wrong or missing ({@code existence}, {@code collective readership})
 * is wrong and a real typo in the same phrase is still forgiven.
 */
@LiveServerTest
class AnsweredAsMeantIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path QUIZZES = writeQuiz();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    private static Path writeQuiz() {
        try {
            Path dir = Files.createTempDirectory("quizroom-meant");
            Files.writeString(dir.resolve("meant.yaml"), """
                    title: As meant
                    questions:
                      - type: number
                        text: In what year did Stalin die?
                        answer: 1953
                        section: Years
                        explanation: March 1953.
                      - type: number
                        text: Pi to three decimal places?
                        answer: 3.142
                        section: Maths
                        explanation: 3.14159 rounds to 3.142.
                      - type: type
                        text: What did Khrushchev call living side by side with the West?
                        answers: [peaceful coexistence, coexistence]
                        section: Words
                        explanation: Competition without war.
                      - type: type
                        text: What was the shared rule after Stalin called?
                        answers: [collective leadership]
                        section: Words
                        explanation: No single leader at first.
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void studentsAreMarkedOnWhatTheyMeantNotOnHowTheirSchoolWritesNumbersNorOnAWrongWord() {
        Api api = new Api(port);
        JsonNode game = api.openGame("meant", "{\"readingTime\":false,\"shuffleAnswers\":false}");
        String pin = game.get("pin").asText();
        List<String> names = List.of("Ada", "Bob", "Cy");
        // question index -> what each of Ada, Bob and Cy types, and whether it is right
        Map<Integer, List<String>> typed = Map.of(
                0, List.of("\"1.953\"", "\"1953\"", "\"1.954\""),
                1, List.of("\"3,142\"", "\"3.142\"", "\"3142\""),
                2, List.of("\"existence\"", "\"peacefull coexistance\"", "\"peaceful existence\""),
                3, List.of("\"collective readership\"", "\"colective leadreship\"", "\"leadership\""));
        Map<Integer, List<Boolean>> right = Map.of(
                0, List.of(true, true, false),
                1, List.of(true, true, false),
                2, List.of(false, true, false),
                3, List.of(false, true, false));
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            var players = names.stream().map(n -> api.join(pin, n)).toList();
            var clients = players.stream()
                    .map(p -> StompTestClient.player(port, pin, p.get("playerToken").asText())).toList();
            try {
                clients.forEach(c -> c.await("STATE"));
                host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 3
                        && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                        "three connected players", WAIT);
                host.host("start");
                for (int q = 0; q < 4; q++) {
                    int index = q;
                    for (StompTestClient c : clients) {
                        c.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == index,
                                "question " + index, WAIT);
                    }
                    for (int p = 0; p < 3; p++) {
                        clients.get(p).answer(index, typed.get(index).get(p));
                    }
                    for (int p = 0; p < 3; p++) {
                        JsonNode result = clients.get(p).await(
                                e -> "RESULT".equals(e.path("type").asText()) && e.path("index").asInt() == index,
                                "result of " + index, WAIT);
                        assertThat(result.path("correct").asBoolean())
                                .as("%s typed %s for question %d", names.get(p), typed.get(index).get(p), index)
                                .isEqualTo(right.get(index).get(p));
                        if (index == 2 && p == 1) {
                            assertThat(result.path("acceptedAs").asText()).as("the typo is forgiven and named")
                                    .isEqualTo("peaceful coexistence");
                        }
                    }
                    host.await("REVEAL", WAIT);
                    host.host("next");
                    host.await(index < 3 ? "LEADERBOARD" : "FINISHED", WAIT);
                    host.clearInbox();
                    if (index < 3) {
                        host.host("next");
                    }
                }
                assertThat(storedAnswer(players.get(0), 0)).as("Ada's 1.953 is stored as the year she meant")
                        .isEqualTo("1953");
                assertThat(storedAnswer(players.get(0), 1)).as("Ada's 3,142 is a decimal comma").isEqualTo("3.142");
                assertThat(storedAnswer(players.get(2), 0)).as("wrong both ways: kept as first read")
                        .isEqualTo("1.954");
            } finally {
                clients.forEach(StompTestClient::close);
            }
        }
    }

    private String storedAnswer(JsonNode player, int question) {
        return jdbc.queryForObject("select answer_text from answer where player_id = ? and question_index = ?",
                String.class, player.get("playerId").asText(), question);
    }
}
