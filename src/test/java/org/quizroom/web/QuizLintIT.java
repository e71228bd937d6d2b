package org.quizroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code GET /api/quizzes/{id}/lint}: what the dashboard and the editor show a teacher. */
@LiveServerTest
class QuizLintIT {

    private static final Path QUIZZES = writeQuizzes();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    private static Path writeQuizzes() {
        try {
            Path dir = Files.createTempDirectory("quizroom-lint");
            Files.writeString(dir.resolve("shaky.yaml"), """
                    title: Shaky
                    questions:
                      - type: truefalse
                        text: The thaw ended the rivalry for good.
                        answer: false
                        section: S
                        explanation: It flared up again.
                      - type: type
                        text: Name the language.
                        answers: [C++, C]
                        section: S
                        explanation: Because.
                    """);
            Files.writeString(dir.resolve("clean.yaml"), """
                    title: Clean
                    questions:
                      - type: single
                        text: Capital of Australia?
                        choices: [Sydney, Canberra, Melbourne]
                        answer: Canberra
                        section: S
                        explanation: Canberra was built as a compromise.
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void warningsNameTheQuestionRuleSeverityAndFix() {
        Api.Response response = new Api(port).get("/api/quizzes/shaky/lint");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("quizId").asText()).isEqualTo("shaky");
        assertThat(body.get("warnings").asInt()).isEqualTo(2);
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("questions").get(0).asInt()).isEqualTo(1);
        assertThat(first.get("rule").asText()).isEqualTo("absolute-words");
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("message").asText()).contains("for good");
        assertThat(first.get("fix").asText()).isNotBlank();
        JsonNode second = body.get("items").get(1);
        assertThat(second.get("questions").get(0).asInt()).isEqualTo(2);
        assertThat(second.get("rule").asText()).isEqualTo("symbol-only-difference");
        var rules = new ArrayList<String>();
        body.get("items").forEach(i -> rules.add(i.get("rule").asText()));
        assertThat(rules).hasSize(2);
    }

    @Test
    void aCleanQuizHasNoItemsAndAnUnknownQuizIsA404WithACode() {
        JsonNode clean = new Api(port).get("/api/quizzes/clean/lint").body();
        assertThat(clean.get("items")).isEmpty();
        assertThat(clean.get("warnings").asInt()).isZero();
        Api.Response missing = new Api(port).get("/api/quizzes/nope/lint");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("code").asText()).isEqualTo("UNKNOWN_QUIZ");
    }
}
