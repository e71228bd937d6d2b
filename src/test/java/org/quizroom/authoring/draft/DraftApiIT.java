package org.quizroom.authoring.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizroom.quiz.QuizParser;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/drafts on a running server: pasted text, an uploaded .docx, and refusals. */
@LiveServerTest
class DraftApiIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Posts as the draft page does: with the X-Quizroom header a cross-site form cannot send. */
    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/drafts"))
                .header("Content-Type", contentType).header("X-Quizroom", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void pastedTextGivesADraftWithSourcesAndAQuiz() throws Exception {
        byte[] notes;
        try (var in = getClass().getResourceAsStream("/notes/photosynthesis.md")) {
            notes = in.readAllBytes();
        }
        var response = post("text/plain; charset=UTF-8", notes);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode draft = json.readTree(response.body());
        assertThat(draft.get("title").asText()).isEqualTo("Photosynthesis");
        JsonNode first = draft.get("questions").get(0);
        assertThat(first.get("status").asText()).isEqualTo("draft");
        assertThat(first.get("source").asText()).isNotBlank();
        assertThat(first.get("rule").asText()).isNotBlank();
        assertThat(first.get("question").get("section").asText()).isEqualTo(first.get("section").asText());
        assertThat(draft.get("quiz").get("questions")).hasSize(draft.get("questions").size());
        assertThat(draft.get("quiz").get("questions").get(0).has("source")).isFalse();
        assertThat(QuizParser.parse("d", "d.yaml", draft.get("yaml").asText())).isInstanceOf(QuizParser.Parsed.class);

        // The review page saves the kept questions (with their sources) as a quiz file without them.
        var kept = json.createObjectNode();
        kept.put("title", "Photosynthesis");
        var list = kept.putArray("questions");
        var withSource = ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("question").deepCopy());
        withSource.put("source", first.get("source").asText());
        list.add(withSource);
        var saved = post("application/json", json.writeValueAsBytes(kept));
        assertThat(saved.statusCode()).isEqualTo(415); // only /yaml takes JSON
        var yaml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/drafts/yaml"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(kept))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).doesNotContain("source:").contains("section: " + first.get("section").asText());
        assertThat(QuizParser.parse("k", "k.yaml", yaml.body())).isInstanceOf(QuizParser.Parsed.class);
    }

    @Test
    void labelledFaqPairsAreAskedWithTheirOwnAnswersNotAsPolls() throws Exception {
        var response = post("text/plain; charset=UTF-8", FaqPairsTest.volcanoNotes().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode draft = json.readTree(response.body());
        var byText = new java.util.LinkedHashMap<String, JsonNode>();
        draft.get("questions").forEach(q -> byText.put(q.get("question").get("text").asText(), q));
        assertThat(byText).containsKeys("Can a dormant volcano erupt again?",
                "Does molten rock always creep along slowly?", "What pushes molten rock up towards the surface?");

        JsonNode yes = byText.get("Can a dormant volcano erupt again?");
        assertThat(yes.get("rule").asText()).isEqualTo("faq");
        assertThat(yes.get("section").asText()).isEqualTo("FAQ");
        assertThat(yes.get("question").get("type").asText()).isEqualTo("single");
        assertThat(yes.get("question").get("choices")).extracting(JsonNode::asText).containsExactly("Yes", "No");
        assertThat(yes.get("question").get("answer").asText()).isEqualTo("Yes");
        JsonNode no = byText.get("Does molten rock always creep along slowly?").get("question");
        assertThat(no.get("answer").asText()).isEqualTo("No");
        assertThat(no.get("explanation").asText()).isEqualTo("No, it can race downhill on steep slopes.");
        JsonNode typed = byText.get("What pushes molten rock up towards the surface?").get("question");
        assertThat(typed.get("type").asText()).isEqualTo("type");
        assertThat(typed.get("answers")).extracting(JsonNode::asText).contains("Trapped gas");

        // Not one practice poll, and no "Q:"/"A:" label in any stem, choice or explanation.
        assertThat(draft.get("counts").has("poll")).isFalse();
        for (JsonNode q : draft.get("questions")) {
            JsonNode question = q.get("question");
            var shown = new java.util.ArrayList<String>(java.util.List.of(question.get("text").asText()));
            if (question.has("choices")) {
                question.get("choices").forEach(c -> shown.add(c.asText()));
            }
            if (question.has("explanation")) {
                shown.add(question.get("explanation").asText());
            }
            assertThat(shown).noneMatch(t -> FaqPairsTest.LABEL.matcher(t).find());
        }
        assertThat(QuizParser.parse("d", "d.yaml", draft.get("yaml").asText())).isInstanceOf(QuizParser.Parsed.class);
    }

    @Test
    void anUploadedWordFileGivesADraft() throws Exception {
        var response = post("multipart/form-data; boundary=XyZ", multipart("XyZ", "acids.docx",
                TestDocuments.chemistryHandout()));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode draft = json.readTree(response.body());
        assertThat(draft.get("title").asText()).isEqualTo("Acids and Alkalis");
        assertThat(draft.get("sections").findValuesAsText("heading")).contains("Indicators", "Common acids");
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("org.quizroom.authoring.draft.TitleCases#files")
    void anUploadIsTitledByTheDocumentsOwnTitleElseItsFileName(String fileName, byte[] content, String title,
                                                               String section) throws Exception {
        var response = post("multipart/form-data; boundary=XyZ", multipart("XyZ", fileName, content));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode draft = json.readTree(response.body());
        assertThat(draft.get("title").asText()).isEqualTo(title);
        assertThat(draft.get("quiz").get("title").asText()).isEqualTo(title);
        // The first section keeps its heading and its questions whether or not it is the title.
        assertThat(draft.get("sections").get(0).get("heading").asText()).isEqualTo(section);
        assertThat(draft.get("sections").get(0).get("proposed").asInt()).isPositive();
    }

    @ParameterizedTest(name = "pasted → {1}")
    @MethodSource("org.quizroom.authoring.draft.TitleCases#pasted")
    void pastedNotesAreTitledByTheirOwnTitleElseANeutralOne(String notes, String title) throws Exception {
        var response = post("text/plain; charset=UTF-8", notes.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode draft = json.readTree(response.body());
        assertThat(draft.get("title").asText()).isEqualTo(title);
        assertThat(draft.get("sections").findValuesAsText("heading")).startsWith("Photosynthesis basics")
                .doesNotContain(title);
    }

    @Test
    void badUploadsGetACodeAndAMessage() throws Exception {
        var scanned = post("multipart/form-data; boundary=XyZ", multipart("XyZ", "scan.pdf", TestDocuments.scannedPdf()));
        assertThat(scanned.statusCode()).isEqualTo(422);
        assertThat(json.readTree(scanned.body()).get("code").asText()).isEqualTo("PDF_NO_TEXT");

        var empty = post("text/plain", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("code").asText()).isEqualTo("NOTES_EMPTY");

        var huge = post("text/plain", new byte[6 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(huge.body()).get("code").asText()).isEqualTo("NOTES_TOO_LARGE");
        // Text and multipart are what an HTML form on another site can post: without the header, refused.
        var forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/drafts"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Notes")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).get("code").asText()).isEqualTo("HEADER_REQUIRED");
    }
}
