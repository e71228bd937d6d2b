package org.quizroom.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizroom.authoring.interchange.Fixtures;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizParser;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The quiz editor's HTTP API against a running server and a quizzes folder of its own: every
 * question type through the API and the YAML file and back, the loader's problems per question,
 * refused stale saves with both versions kept, versions and restore, trash, comments, pictures,
 * imports and exports, the write-request rules, and a live game that keeps its snapshot.
 */
@LiveServerTest
class AuthoringApiIT {

    static final Path QUIZZES = Path.of("target", "test-quizzes", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void quizzesFolder(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(QUIZZES);
        Files.copy(Path.of("quizzes", "warm-up.yaml"), QUIZZES.resolve("warm-up.yaml"));
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    @LocalServerPort
    int port;

    EditorClient editor;

    @BeforeEach
    void client() {
        editor = new EditorClient(port);
    }

    static final String EVERY_TYPE = """
            {"title": "Every kind of question", "description": "Made in the editor", "questions": [
              {"type": "single", "text": "Which word is written without quotes in YAML 1.1 as a yes?",
               "choices": ["Yes", "No", "1953", "Off"], "answer": "Yes", "time": 15, "points": "double",
               "section": "Words", "explanation": "It stays text here.", "source": "notes.md, line 4", "draft": true},
              {"type": "multi", "text": "Which are mammals?", "choices": ["Whale", "Shark", "Bat", "Trout"],
               "answers": ["Whale", "Bat"], "section": "Animals", "explanation": "Whales and bats feed their young milk."},
              {"type": "truefalse", "text": "The Moon is a planet.", "answer": false, "points": "none",
               "section": "Space", "explanation": "It is a natural satellite."},
              {"type": "type", "text": "What is the capital of France?", "answers": ["Paris", "Paname"],
               "section": "Places", "explanation": "Paris, also called Paname."},
              {"type": "number", "text": "In which year did the Berlin Wall fall?", "answer": 1989, "tolerance": 1,
               "time": 30, "section": "Dates", "explanation": "November 1989."},
              {"type": "order", "text": "Put these from smallest to largest.", "items": ["Atom", "Cell", "Organ", "Body"],
               "section": "Sizes", "explanation": "Atoms make cells, cells make organs."},
              {"type": "poll", "text": "How sure do you feel about this topic?", "choices": ["Very", "A bit", "Not yet"],
               "section": "Reflection"}
            ]}""";

    @Test
    void everyQuestionTypeRoundTripsThroughTheApiAndTheYamlFile() throws IOException {
        // A picture for the first question, uploaded as the editor does.
        EditorClient.Response picture = editor.upload("/api/authoring/images", "wheel.png", "image/png", png(40, 30));
        assertThat(picture.status()).isEqualTo(201);
        String image = picture.body().get("file").asText();
        assertThat(image).matches("img-[0-9a-f]{16}\\.png");
        assertThat(QUIZZES.resolve(image)).as("beside the quiz files, where the loader looks").exists();

        ObjectNode sent = (ObjectNode) EditorClient.JSON.readTree(EVERY_TYPE);
        ((ObjectNode) sent.get("questions").get(0)).putObject("image").put("file", image)
                .put("alt", "A colour wheel with twelve segments");
        EditorClient.Response created = editor.post("/api/authoring/quizzes", EditorClient.JSON.createObjectNode().set("quiz", sent));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(id).isEqualTo("every-kind-of-question");

        // The file: readable YAML the loader itself accepts, without the editor-only markers.
        String yaml = Files.readString(QUIZZES.resolve(id + ".yaml"));
        assertThat(yaml).doesNotContain("source:").doesNotContain("draft:").contains("- type: single");
        Quiz loaded = ((QuizParser.Parsed) QuizParser.parse(id, id + ".yaml", yaml)).quiz();
        assertThat(loaded.questions()).extracting(q -> q.type()).containsExactly(QuestionType.values());
        assertThat(loaded.questions().get(0).choices()).as("YAML 1.1 words stay text").containsExactly("Yes", "No", "1953", "Off");
        assertThat(loaded.questions().get(4).correctNumber()).isEqualTo(1989.0);
        assertThat(loaded.questions().get(0).image().alt()).isEqualTo("A colour wheel with twelve segments");

        // Opened again, the editor gets exactly what it sent (less the markers).
        JsonNode opened = editor.get("/api/authoring/quizzes/" + id).body();
        ObjectNode expected = sent.deepCopy();
        ((ObjectNode) expected.get("questions").get(0)).remove(List.of("source", "draft"));
        assertThat(opened.get("quiz")).isEqualTo(expected);
        assertThat(opened.get("version").asText()).isEqualTo(created.body().get("version").asText());
        assertThat(opened.get("problems")).isEmpty();

        // The dashboard lists it and a game can be hosted from it.
        JsonNode list = new Api(port).get("/api/quizzes").body();
        assertThat(list.findValuesAsText("id")).contains(id);
        assertThat(new Api(port).openGame(id, "{}").get("pin").asText()).matches("\\d{6}");

        // The picture is served back to the editor as it was uploaded.
        EditorClient.Response served = editor.get("/api/authoring/images/" + image);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.bytes()).isEqualTo(png(40, 30));
    }

    @Test
    void theLoadersProblemsComeBackPerQuestionAndFieldAndNothingIsWritten() throws IOException {
        String broken = """
                {"quiz": {"title": "Broken", "questions": [
                  {"type": "single", "text": "Fine?", "choices": ["a", "b"], "answer": "a", "section": "S", "explanation": "E"},
                  {"type": "single", "text": "Which?", "choices": ["a", "b"], "answer": "c", "section": "S", "explanation": "E"},
                  {"type": "number", "text": "How many?", "answer": "lots", "time": 2, "section": "S"}
                ]}}""";
        JsonNode check = editor.post("/api/authoring/validate", broken).body();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("problems").findValuesAsText("field")).containsExactlyInAnyOrder("answer", "explanation", "answer", "time");
        assertThat(check.get("problems").get(0).get("question").asInt()).isEqualTo(2);
        assertThat(check.get("problems").get(0).get("message").asText()).isEqualTo("'c' is not one of the choices");

        EditorClient.Response refused = editor.post("/api/authoring/quizzes", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("INVALID_QUIZ");
        assertThat(refused.body().get("problems")).isEqualTo(check.get("problems"));
        assertThat(Files.exists(QUIZZES.resolve("broken.yaml"))).isFalse();

        assertThat(editor.post("/api/authoring/validate", "{\"quiz\": {}, \"extra\": 1}").status())
                .as("unknown fields are refused").isEqualTo(400);
    }

    @Test
    void theLintersWarningsComeBackBesideTheirQuestionButNeverRefuseASave() {
        // Valid, but a true/false statement hangs on an absolute word: advice, not an error.
        String quiz = """
                {"quiz": {"title": "Tips", "questions": [
                  {"type": "single", "text": "Which gas do plants take in?", "choices": ["Carbon dioxide", "Oxygen"],
                   "answer": "Carbon dioxide", "section": "S", "explanation": "They take in carbon dioxide."},
                  {"type": "truefalse", "text": "Plants always take in oxygen at night.", "answer": false,
                   "section": "S", "explanation": "They respire at night but also by day."}
                ]}}""";
        JsonNode check = editor.post("/api/authoring/validate", quiz).body();
        assertThat(check.get("valid").asBoolean()).isTrue();
        assertThat(check.get("warnings")).anySatisfy(w -> {
            assertThat(w.get("question").asInt()).isEqualTo(2);
            assertThat(w.get("code").asText()).isEqualTo("absolute-words");
            assertThat(w.get("message").asText()).containsIgnoringCase("always");
        });
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndBothVersionsAreKept() throws IOException {
        String id = create("Two tabs", "Original text?");
        JsonNode tab1 = editor.get("/api/authoring/quizzes/" + id).body();
        JsonNode tab2 = editor.get("/api/authoring/quizzes/" + id).body();

        EditorClient.Response first = editor.put("/api/authoring/quizzes/" + id, save(tab1, "Changed in tab one?"));
        assertThat(first.status()).isEqualTo(200);
        EditorClient.Response second = editor.put("/api/authoring/quizzes/" + id, save(tab2, "Changed in tab two?"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("code").asText()).isEqualTo("CHANGED_SINCE_OPENED");
        assertThat(second.body().get("message").asText()).contains("changed since you opened it");
        assertThat(second.body().get("currentVersion").asText()).isEqualTo(first.body().get("version").asText());

        // Tab one's text is in the file; tab two's is kept among the versions, ready to restore.
        assertThat(Files.readString(QUIZZES.resolve(id + ".yaml"))).contains("Changed in tab one?").doesNotContain("tab two");
        String keptAs = second.body().get("keptAs").asText();
        JsonNode kept = editor.get("/api/authoring/quizzes/" + id + "/versions/" + keptAs).body();
        assertThat(kept.at("/quiz/questions/0/text").asText()).isEqualTo("Changed in tab two?");
        assertThat(editor.get("/api/authoring/quizzes/" + id + "/versions").body().findValuesAsText("reason")).contains("conflict");

        // A hand edit of the file in a text editor counts as a newer version too.
        JsonNode tab3 = editor.get("/api/authoring/quizzes/" + id).body();
        Path file = QUIZZES.resolve(id + ".yaml");
        Files.writeString(file, Files.readString(file).replace("Changed in tab one?", "Edited by hand?"));
        EditorClient.Response third = editor.put("/api/authoring/quizzes/" + id, save(tab3, "From the editor?"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(Files.readString(file)).contains("Edited by hand?");
    }

    @Test
    void aPreviousVersionCanBeRestoredAndOnlyTheLastTwentyAreKept() throws IOException {
        String id = create("Versions", "Version zero?");
        JsonNode open = editor.get("/api/authoring/quizzes/" + id).body();
        String version = open.get("version").asText();
        for (int i = 1; i <= 2; i++) {
            version = editor.put("/api/authoring/quizzes/" + id, save(open, version, "Version " + i + "?")).body().get("version").asText();
        }
        JsonNode versions = editor.get("/api/authoring/quizzes/" + id + "/versions").body();
        assertThat(versions).hasSize(2);
        String oldest = versions.get(1).get("name").asText();
        assertThat(editor.get("/api/authoring/quizzes/" + id + "/versions/" + oldest).body().at("/quiz/questions/0/text").asText())
                .isEqualTo("Version zero?");

        EditorClient.Response restored = editor.post("/api/authoring/quizzes/" + id + "/versions/" + oldest + "/restore",
                "{\"version\": \"" + version + "\"}");
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(editor.get("/api/authoring/quizzes/" + id).body().at("/quiz/questions/0/text").asText()).isEqualTo("Version zero?");
        assertThat(editor.get("/api/authoring/quizzes/" + id + "/versions").body().get(0).get("name").asText())
                .as("the replaced file (version 2) is kept as the newest version").isNotEqualTo(oldest);
        assertThat(editor.get("/api/authoring/quizzes/" + id + "/versions/"
                + editor.get("/api/authoring/quizzes/" + id + "/versions").body().get(0).get("name").asText())
                .body().at("/quiz/questions/0/text").asText()).isEqualTo("Version 2?");

        // A restore with a stale version is refused like a save.
        assertThat(editor.post("/api/authoring/quizzes/" + id + "/versions/" + oldest + "/restore",
                "{\"version\": \"" + version + "\"}").status()).isEqualTo(409);

        version = restored.body().get("version").asText();
        for (int i = 3; i <= 25; i++) {
            EditorClient.Response r = editor.put("/api/authoring/quizzes/" + id, save(open, version, "Version " + i + "?"));
            version = r.body().get("version").asText();
        }
        JsonNode all = editor.get("/api/authoring/quizzes/" + id + "/versions").body();
        assertThat(all).hasSize(QuizFiles.KEEP_VERSIONS);
        assertThat(editor.get("/api/authoring/quizzes/" + id + "/versions/" + all.get(0).get("name").asText())
                .body().at("/quiz/questions/0/text").asText()).isEqualTo("Version 24?");
    }

    @Test
    void deleteMovesTheFileToTheTrashAndItCanBeRestored() throws IOException {
        String id = create("Short lived", "Still here?");
        EditorClient.Response deleted = editor.delete("/api/authoring/quizzes/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(Files.exists(QUIZZES.resolve(id + ".yaml"))).isFalse();
        assertThat(new Api(port).get("/api/quizzes").body().findValuesAsText("id")).doesNotContain(id);
        String name = deleted.body().get("name").asText();
        assertThat(editor.get("/api/authoring/trash").body().findValuesAsText("name")).contains(name);

        EditorClient.Response back = editor.post("/api/authoring/trash/" + name + "/restore", "{}");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().get("id").asText()).isEqualTo(id);
        assertThat(new Api(port).get("/api/quizzes").body().findValuesAsText("id")).contains(id);
        assertThat(editor.post("/api/authoring/trash/" + name + "/restore", "{}").status()).isEqualTo(404);
    }

    @Test
    void duplicateMakesACopyUnderANewName() {
        String id = create("Original quiz", "Copied?");
        EditorClient.Response copy = editor.post("/api/authoring/quizzes/" + id + "/duplicate", "{}");
        assertThat(copy.status()).isEqualTo(201);
        String copyId = copy.body().get("id").asText();
        assertThat(copyId).isEqualTo("original-quiz-copy");
        JsonNode opened = editor.get("/api/authoring/quizzes/" + copyId).body();
        assertThat(opened.at("/quiz/title").asText()).isEqualTo("Original quiz (copy)");
        assertThat(opened.at("/quiz/questions/0/text").asText()).isEqualTo("Copied?");
    }

    @Test
    void commentsAtTheTopAreKeptAndTheOthersAreAnnouncedBeforeTheFirstSave() throws IOException {
        Path file = QUIZZES.resolve("commented.yaml");
        Files.writeString(file, """
                # Hand-written for period 3.
                # Question 1 comes back in Friday's test.

                title: Commented quiz
                questions:
                  # the easy one first
                  - type: truefalse
                    text: "Water boils at 100 °C at sea level. # not a comment"
                    answer: true   # obviously
                    section: Basics
                    explanation: At standard pressure it does.
                """);
        new Api(port).post("/api/quizzes/reload", "");
        JsonNode opened = editor.get("/api/authoring/quizzes/commented").body();
        assertThat(opened.get("keptComments").asInt()).isEqualTo(2);
        assertThat(opened.get("lostComments").asInt()).as("two comments inside, not the # in the quoted text").isEqualTo(2);

        assertThat(editor.put("/api/authoring/quizzes/commented", save(opened, "Water boils at 100 °C at sea level. # still text"))
                .status()).isEqualTo(200);
        String saved = Files.readString(file);
        assertThat(saved).startsWith("# Hand-written for period 3.\n# Question 1 comes back in Friday's test.\n\ntitle:");
        assertThat(saved).doesNotContain("obviously").contains("# still text");
        assertThat(editor.get("/api/authoring/quizzes/commented").body().get("lostComments").asInt()).isZero();
    }

    @Test
    void changesWithoutTheCustomHeaderOrFromAnotherSiteAreRefused() {
        String body = "{\"quiz\": {\"title\": \"x\"}}";
        EditorClient.Response plain = editor.with(false).post("/api/authoring/validate", body);
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body().get("code").asText()).isEqualTo("HEADER_REQUIRED");
        EditorClient.Response foreign = editor.with(true, "Origin", "http://quiz.example.org").post("/api/authoring/validate", body);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("code").asText()).isEqualTo("CROSS_ORIGIN");
        assertThat(editor.with(true, "Origin", "http://127.0.0.1:" + port).post("/api/authoring/validate", body).status())
                .isEqualTo(200);
        assertThat(editor.with(false).delete("/api/authoring/quizzes/warm-up").status()).isEqualTo(403);
        assertThat(Files.exists(QUIZZES.resolve("warm-up.yaml"))).isTrue();
    }

    @Test
    void picturesMustBePngJpegOrWebpAndUnderTheLimit() {
        EditorClient.Response svg = editor.upload("/api/authoring/images", "map.svg", "image/svg+xml",
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.body().get("message").asText()).isEqualTo("map.svg is not a PNG, JPEG or WebP picture.");
        byte[] huge = new byte[2 * 1024 * 1024 + 1]; // over the loader's 1 MB
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, huge, 0, 8);
        EditorClient.Response large = editor.upload("/api/authoring/images", "scan.png", "image/png", huge);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body().get("message").asText()).startsWith("scan.png is 2049 KB; pictures may be at most 1024 KB");
        assertThat(editor.get("/api/authoring/images/..%2Fwarm-up.yaml").status()).isIn(400, 404);
        assertThat(editor.get("/api/authoring/images/warm-up.yaml").status()).isEqualTo(404);

        // A picture named in a quiz but missing from the folder is the loader's problem, so the editor's too.
        String missing = """
                {"quiz": {"title": "Missing picture", "questions": [{"type": "truefalse", "text": "Is this a map?",
                  "image": {"file": "gone.png", "alt": "A map"}, "answer": true, "section": "S", "explanation": "E"}]}}""";
        JsonNode check = editor.post("/api/authoring/validate", missing).body();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("problems").get(0).get("field").asText()).isEqualTo("image.file");
        assertThat(check.get("problems").get(0).get("message").asText()).contains("'gone.png' was not found");
    }

    @Test
    void importsArePreviewsWithEveryProblemListedAndExportsComeBackTheSame() throws IOException {
        EditorClient.Response gift = editor.upload("/api/authoring/import", "year9-science-revision.gift", "text/plain",
                Fixtures.bytes("year9-science-revision.gift"));
        assertThat(gift.status()).as(gift.text()).isEqualTo(200);
        assertThat(gift.body().get("format").asText()).isEqualTo("gift");
        assertThat(gift.body().at("/quiz/questions")).hasSize(11);
        assertThat(gift.body().get("issues")).hasSize(9);
        assertThat(gift.body().get("issues").get(1).get("message").asText()).contains("essay");
        assertThat(gift.body().get("problems")).as("the loader accepts every converted question").isEmpty();
        assertThat(Files.exists(QUIZZES.resolve("year9-science-revision.yaml"))).as("a preview saves nothing").isFalse();

        EditorClient.Response created = editor.post("/api/authoring/quizzes",
                EditorClient.JSON.createObjectNode().set("quiz", gift.body().get("quiz")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();

        EditorClient.Response exported = editor.get("/api/authoring/quizzes/" + id + "/export?format=gift");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.raw().headers().firstValue("Content-Disposition").orElse("")).contains(id + ".gift.txt");
        assertThat(exported.raw().headers().firstValue("X-Quizroom-Not-Exported")).hasValue("1");
        EditorClient.Response again = editor.upload("/api/authoring/import", id + ".gift", "text/plain", exported.bytes());
        assertThat(again.body().at("/quiz/questions")).hasSize(10);
        for (int i = 0; i < 10; i++) {
            JsonNode a = again.body().at("/quiz/questions/" + i);
            JsonNode b = gift.body().at("/quiz/questions/" + i);
            assertThat(a.get("text")).isEqualTo(b.get("text"));
            assertThat(a.get("type")).isEqualTo(b.get("type"));
            assertThat(a.get("answer")).isEqualTo(b.get("answer"));
            assertThat(a.get("answers")).isEqualTo(b.get("answers"));
        }

        EditorClient.Response xlsx = editor.get("/api/authoring/quizzes/" + id + "/export?format=xlsx");
        assertThat(xlsx.raw().headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(xlsx.raw().headers().firstValue("X-Quizroom-Not-Exported")).hasValue("4");
        JsonNode sheet = editor.upload("/api/authoring/import", id + ".xlsx", "application/octet-stream", xlsx.bytes()).body();
        assertThat(sheet.get("format").asText()).isEqualTo("xlsx");
        assertThat(sheet.at("/quiz/questions")).hasSize(7);
        EditorClient.Response csv = editor.get("/api/authoring/quizzes/" + id + "/export?format=csv");
        assertThat(csv.text()).startsWith("Question - max 120 characters");
        assertThat(editor.upload("/api/authoring/import", id + ".csv", "text/csv", csv.bytes()).body().at("/quiz/questions"))
                .hasSize(7);

        JsonNode aiken = editor.upload("/api/authoring/import", "geography-aiken.txt", "text/plain",
                Fixtures.bytes("geography-aiken.txt")).body();
        assertThat(aiken.get("format").asText()).isEqualTo("aiken");
        assertThat(aiken.at("/quiz/questions")).hasSize(4);
        assertThat(aiken.get("issues")).hasSize(4);

        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        EditorClient.Response tooBig = editor.upload("/api/authoring/import", "huge.gift", "text/plain", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body().get("message").asText()).startsWith("huge.gift is 1025 KB");
        EditorClient.Response unknown = editor.upload("/api/authoring/import", "notes.docx", "application/octet-stream",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText()).startsWith("notes.docx: cannot tell the format");
    }

    @Test
    void aGameKeepsTheQuizItOpenedWithWhileTheQuizIsEdited() {
        String id = create("Snapshot", "Before the edit?");
        Api api = new Api(port);
        JsonNode game = api.openGame(id, "{}");
        String pin = game.get("pin").asText();

        JsonNode open = editor.get("/api/authoring/quizzes/" + id).body();
        assertThat(editor.put("/api/authoring/quizzes/" + id, save(open, "After the edit?")).status()).isEqualTo(200);

        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            JsonNode ada = api.join(pin, "Ada");
            try (StompTestClient player = StompTestClient.player(port, pin, ada.get("playerToken").asText())) {
                player.await("STATE");
                host.host("start");
                assertThat(player.await("QUESTION").get("text").asText()).isEqualTo("Before the edit?");
            }
        }
        // A game opened after the edit gets the new text.
        JsonNode later = api.openGame(id, "{}");
        try (StompTestClient host = StompTestClient.host(port, later.get("pin").asText(), later.get("hostToken").asText())) {
            host.await("STATE");
            api.join(later.get("pin").asText(), "Bea"); // a game starts only with someone in it
            host.host("start");
            assertThat(host.await("QUESTION").get("text").asText()).isEqualTo("After the edit?");
        }
    }

    // ------------------------------------------------------------------------------------------

    private String create(String title, String text) {
        String body = """
                {"quiz": {"title": %s, "questions": [
                  {"type": "single", "text": %s, "choices": ["Yes", "No"], "answer": "Yes", "section": "S", "explanation": "Because."}
                ]}}""".formatted(EditorClient.JSON.valueToTree(title), EditorClient.JSON.valueToTree(text));
        EditorClient.Response created = editor.post("/api/authoring/quizzes", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static ObjectNode save(JsonNode opened, String newText) {
        return save(opened, opened.get("version").asText(), newText);
    }

    private static ObjectNode save(JsonNode opened, String version, String newText) {
        ObjectNode quiz = opened.get("quiz").deepCopy();
        ((ObjectNode) quiz.get("questions").get(0)).put("text", newText);
        ObjectNode body = EditorClient.JSON.createObjectNode();
        body.put("version", version);
        body.set("quiz", quiz);
        return body;
    }

    private static byte[] png(int width, int height) {
        try {
            var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < width; x++) {
                image.setRGB(x, x % height, 0xCC3333);
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
