package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.RawClient;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What a fresh tester did as a mischievous student, through the real join endpoint and real STOMP: joining as
 * the teacher, flooding the lobby from one laptop, and sending numbers no student types; and what a student
 * who reloads their phone mid-question or mid-reveal gets back. The join burst is the default (40); the refill
 * is slowed to one a minute so the 41st join is refused however slowly the machine runs.
 */
@LiveServerTest
@TestPropertySource(properties = {
        "quizroom.join-burst=40",
        "quizroom.joins-per-minute=1",
        // No periodic PINGs: the test client answers them from its receiving thread, racing the test's sends.
        "quizroom.ping-interval-ms=600000"})
class MischievousStudentIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static String joinBody(String nickname) {
        return "{\"nickname\":" + JSON.valueToTree(nickname) + "}";
    }

    @Test
    void namesThatReadAsTheTeacherOrQuizroomAreRefusedWithAMessageThePhoneShows() {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        for (String name : List.of("Teacher", "teacher 1", "T\u0435acher!" /* Cyrillic e */, "HOST", "Admin",
                "The Teacher", "Sir")) {
            Api.Response r = api.post("/api/games/" + pin + "/players", joinBody(name));
            assertThat(r.status()).as("%s: %s", name, r.text()).isEqualTo(400);
            assertThat(r.body().path("code").asText()).isEqualTo("NICKNAME_RESERVED");
            assertThat(r.body().path("message").asText()).isEqualTo("That name belongs to the teacher: pick your own.");
        }
        Api.Response product = api.post("/api/games/" + pin + "/players", joinBody("Quiz Room"));
        assertThat(product.status()).isEqualTo(400);
        assertThat(product.body().path("message").asText()).contains("belongs to Quizroom");

        api.join(pin, "Miss Piggy");
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            JsonNode players = host.await("PLAYERS", WAIT).get("players");
            assertThat(players.findValuesAsText("nickname")).as("the roster the projector shows")
                    .containsExactly("Miss Piggy");
        }
    }

    @Test
    void aScriptFromOneAddressGetsFortyPlayersThenAClearRefusalAndNothingJoinedIsLost() {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        String path = "/api/games/" + pin + "/players";
        // One laptop (127.0.9.40; 127.0.0.1 is exempt as this machine) joining as fast as it can.
        List<String> joined = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            Api.Response r = RawClient.postJson("127.0.9.40", port, path, joinBody("Bot " + i));
            assertThat(r.status()).as("join %d of the burst: %s", i, r.text()).isEqualTo(201);
            joined.add(r.body().get("playerToken").asText());
        }
        Api.Response refused = RawClient.postJson("127.0.9.40", port, path, joinBody("Bot 41"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("code").asText()).isEqualTo("TOO_MANY_JOINS");
        assertThat(refused.body().path("message").asText()).contains("Too many joins from this device");
        // A classmate on another address is not held up by the script.
        assertThat(RawClient.postJson("127.0.9.41", port, path, joinBody("Real Student")).status()).isEqualTo(201);

        assertThat(api.get("/api/games/" + pin).body().get("playerCount").asInt()).isEqualTo(41);
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient first = StompTestClient.player(port, pin, joined.get(0))) {
            JsonNode players = host.await("PLAYERS", WAIT).get("players");
            assertThat(players.findValuesAsText("nickname")).hasSize(41).contains("Bot 1", "Bot 40", "Real Student")
                    .doesNotContain("Bot 41");
            assertThat(first.await("STATE", WAIT).path("you").path("nickname").asText())
                    .as("a player who joined before the refusal still plays").isEqualTo("Bot 1");
        }
    }

    @Test
    void joinsRefusedOnPurposeDoNotUseUpTheAllowanceOfTheClassBehindTheSameAddress() {
        Api api = api();
        String pin = api.openGame("warm-up", "{}").get("pin").asText();
        String path = "/api/games/" + pin + "/players";
        assertThat(RawClient.postJson("127.0.9.50", port, path, joinBody("Ada")).status()).isEqualTo(201);
        // One student behind the school's address asks for a taken name, and the teacher's, over and over.
        for (int i = 1; i <= 60; i++) {
            Api.Response r = RawClient.postJson("127.0.9.50", port, path, joinBody(i % 2 == 0 ? "Ada" : "Teacher"));
            assertThat(r.status()).as("refused join %d: %s", i, r.text()).isIn(400, 409);
        }
        Api.Response classmate = RawClient.postJson("127.0.9.50", port, path, joinBody("Ben"));
        assertThat(classmate.status()).as("a classmate behind the same address: %s", classmate.text()).isEqualTo(201);
        // A wrong PIN still costs a token (guessing PINs stays limited).
        int wrongPins = 0;
        while (wrongPins < 100 && RawClient.postJson("127.0.9.51", port, "/api/games/000000/players",
                joinBody("Guess")).status() != 429) {
            wrongPins++;
        }
        assertThat(wrongPins).as("wrong-PIN joins before the limit").isBetween(40, 45);
    }

    @Test
    void anAnswerForAQuestionNotYetOpenIsRefusedForThatAndNeverForItsFormat() {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        JsonNode ada = api.join(pin, "Ada");
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText());
             StompTestClient phone = StompTestClient.player(port, pin, ada.get("playerToken").asText())) {
            phone.await("STATE", WAIT);
            phone.answer(1, "\"words\"");
            JsonNode inLobby = phone.await("ACK", WAIT);
            assertThat(inLobby.get("code").asText()).isEqualTo("WRONG_QUESTION");
            assertThat(inLobby.get("message").asText()).isEqualTo("No question is open right now.");

            host.await("STATE", WAIT);
            host.host("start");
            phone.await("QUESTION", WAIT);
            phone.clearInbox();
            // Question 2 takes several choices and question 5 a number: a format error for either would say so
            // while question 1 is still open.
            for (String[] sent : new String[][] {{"1", "\"words\""}, {"4", "[0, 1]"}, {"1", "[0]"}}) {
                phone.answer(Integer.parseInt(sent[0]), sent[1]);
                JsonNode ack = phone.await("ACK", WAIT);
                assertThat(ack.get("accepted").asBoolean()).isFalse();
                assertThat(ack.get("code").asText()).as(sent[1]).isEqualTo("WRONG_QUESTION");
                assertThat(ack.get("message").asText()).as(sent[1]).isEqualTo("That answer was for question "
                        + (Integer.parseInt(sent[0]) + 1) + ", but question 1 is open now.");
            }
            phone.answer(77, "[0]");
            JsonNode none = phone.await("ACK", WAIT);
            assertThat(none.get("code").asText()).isEqualTo("WRONG_QUESTION");
            assertThat(none.get("message").asText()).isEqualTo("That question is not in this quiz.");
        }
    }

    @Test
    void aFrameLongerThanTheReceiveBufferArrivesWholeEvenWithEmojiAcrossThePartBoundary() {
        // The server takes text in parts of WebSocketConfig.RECEIVE_BUFFER_CHARS chars; Spring's STOMP decoder
        // joins them. JSON whitespace pushes 90 two-char emoji across the first boundary (the frame's header is
        // under 150 chars), so a pair split between parts would come back as "?".
        String planets = "\uD83E\uDE90".repeat(90);
        int padding = WebSocketConfig.RECEIVE_BUFFER_CHARS - 120;
        try (AdaPlaying at = adaAtQuestion(3)) { // the typed question
            StompTestClient host = at.host();
            StompTestClient phone = at.phone();
            phone.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 3,
                    "the typed question", WAIT);
            phone.answer(3, " ".repeat(padding) + "\"" + planets + "\"");
            JsonNode ack = phone.await("ACK", WAIT);
            assertThat(ack.get("accepted").asBoolean()).as("ACK %s", ack).isTrue();
            host.host("skip");
            JsonNode result = phone.await("RESULT", WAIT);
            assertThat(result.get("answer").asText()).as("the answer as stored").isEqualTo(planets);
        }
    }

    @Test
    void numbersNoStudentTypesGetThePlainNumberHintAndTheStudentCanStillAnswer() {
        try (AdaPlaying at = adaAtQuestion(4)) { // the spider question: a number, answer 8
            StompTestClient host = at.host();
            StompTestClient phone = at.phone();
            JsonNode question = phone.await(e -> "QUESTION".equals(e.path("type").asText())
                    && e.path("index").asInt() == 4, "the number question", WAIT);
            assertThat(question.get("questionType").asText()).isEqualTo("number");
            phone.clearInbox();

            for (String sent : List.of("\"1e308\"", "\"Infinity\"", "\"NaN\"", "\"0x10\"", "\"1e5\"", "1e308",
                    "\"" + "9".repeat(30) + "\"", "9".repeat(300))) {
                phone.answer(4, sent);
                JsonNode ack = phone.await("ACK", WAIT);
                assertThat(ack.get("accepted").asBoolean()).as(sent).isFalse();
                assertThat(ack.get("code").asText()).isEqualTo("BAD_ANSWER");
                assertThat(ack.get("message").asText()).as(sent).contains("type a number like 1989 or 3.5");
            }
            phone.answer(4, "\"8\"");
            assertThat(phone.await("ACK", WAIT).get("accepted").asBoolean()).as("still open for a real answer").isTrue();
            host.host("skip");
            JsonNode reveal = phone.await("REVEAL", WAIT);
            assertThat(reveal.get("topAnswers").findValues("answer")).as("nothing huge was stored or shown")
                    .extracting(JsonNode::asText).containsExactly("8");
            JsonNode result = phone.await("RESULT", WAIT);
            assertThat(result.get("correct").asBoolean()).isTrue();
            assertThat(result.get("answer").asDouble()).isEqualTo(8);
        }
    }

    @Test
    void aRudeTypedAnswerIsHiddenFromTheClassAndALongOneIsCutOnTheReveal() {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        String longAnswer = "détente ".repeat(25).strip(); // 199 characters, under the 200 a phone may send
        // Also a Cyrillic "с" in place of the Latin one, and "kcuf ffo" behind a right-to-left override.
        List<String> typed = List.of("F.u.c.k off", "carbon dioxide", longAnswer, "sh1t", "fu\u0441k you",
                "\u202Ekcuf ffo");
        List<StompTestClient> phones = new ArrayList<>();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            for (int i = 0; i < typed.size(); i++) {
                phones.add(StompTestClient.player(port, pin, api.join(pin, "Student " + i).get("playerToken").asText()));
                phones.get(i).await("STATE", WAIT);
            }
            host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == typed.size()
                    && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                    "everyone connected", WAIT);
            host.host("start");
            advanceTo(host, 3); // the typed question: the gas plants take in
            for (int i = 0; i < typed.size(); i++) {
                StompTestClient phone = phones.get(i);
                phone.await(e -> "QUESTION".equals(e.path("type").asText()) && e.path("index").asInt() == 3,
                        "the typed question", WAIT);
                phone.answer(3, JSON.valueToTree(typed.get(i)).toString());
                assertThat(phone.await("ACK", WAIT).get("accepted").asBoolean()).as(typed.get(i)).isTrue();
            }
            JsonNode reveal = host.await("REVEAL", WAIT);
            List<String> shown = reveal.get("topAnswers").findValues("answer").stream().map(JsonNode::asText).toList();
            assertThat(shown).as("what the projector lists").contains("carbon dioxide",
                    Events.Reveal.HIDDEN_ANSWER).noneMatch(a -> a.toLowerCase().contains("off") || a.contains("sh1t")
                            || a.contains("you") || a.contains("\u202E"));
            assertThat(reveal.get("topAnswers").findValues("count").stream().mapToInt(JsonNode::asInt).sum())
                    .as("every answer still counted").isEqualTo(typed.size());
            String cut = shown.stream().filter(a -> a.startsWith("détente")).findFirst().orElseThrow();
            assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(Events.Reveal.MAX_SHOWN_ANSWER + 1);
            assertThat(phones.get(1).await("REVEAL", WAIT).get("topAnswers")).as("the phones get the same list")
                    .isEqualTo(reveal.get("topAnswers"));
            JsonNode own = phones.get(0).await("RESULT", WAIT);
            assertThat(own.get("answer").asText()).as("the student's own RESULT keeps what they typed")
                    .isEqualTo("F.u.c.k off");
        } finally {
            phones.forEach(StompTestClient::close);
        }
    }

    @Test
    void aPhoneReloadedMidQuestionRevealOrLeaderboardGetsItsOwnAnswerBack() {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{\"shuffleAnswers\": true}");
        String pin = game.get("pin").asText();
        String adaToken = api.join(pin, "Ada").get("playerToken").asText();
        String bobToken = api.join(pin, "Bob").get("playerToken").asText();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            StompTestClient ada = StompTestClient.player(port, pin, adaToken);
            try (StompTestClient bob = StompTestClient.player(port, pin, bobToken)) {
                bob.await("STATE", WAIT);
                host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 2
                                && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                        "both connected", WAIT);
                host.host("start");
                JsonNode q0 = ada.await("QUESTION", WAIT);
                int picked = WarmUpGameIT.indexOf(q0, "Sydney"); // wrong, so the line is not just "the right answer"
                ada.answer(0, String.valueOf(picked));
                assertThat(ada.await("ACK", WAIT).get("accepted").asBoolean()).isTrue();

                // Reload during the question: answered, and which choice.
                ada.close();
                ada = StompTestClient.player(port, pin, adaToken);
                JsonNode again = ada.await("QUESTION", WAIT);
                assertThat(again.get("answered").asBoolean()).isTrue();
                assertThat(again.get("yourAnswer").asInt()).isEqualTo(picked);

                host.host("skip");
                host.await("REVEAL", WAIT);
                // Reload during the reveal: STATE, REVEAL, then RESULT with the answer given.
                ada.close();
                ada = StompTestClient.player(port, pin, adaToken);
                assertThat(ada.await("STATE", WAIT).get("phase").asText()).isEqualTo("REVEAL");
                ada.await("REVEAL", WAIT);
                JsonNode result = ada.await("RESULT", WAIT);
                assertThat(result.get("answered").asBoolean()).isTrue();
                assertThat(result.get("correct").asBoolean()).isFalse();
                assertThat(result.get("answer").asInt()).isEqualTo(picked);

                bob.close();
                try (StompTestClient bobAgain = StompTestClient.player(port, pin, bobToken)) {
                    JsonNode silent = bobAgain.await("RESULT", WAIT);
                    assertThat(silent.get("answered").asBoolean()).isFalse();
                    assertThat(silent.has("answer")).as("no answer, no answer line").isFalse();
                }

                host.host("next");
                host.await("LEADERBOARD", WAIT);
                ada.close();
                ada = StompTestClient.player(port, pin, adaToken);
                assertThat(ada.await("STATE", WAIT).get("phase").asText()).isEqualTo("LEADERBOARD");
                assertThat(ada.await("RESULT", WAIT).get("answer").asInt()).isEqualTo(picked);
                ada.await("LEADERBOARD", WAIT);
            } finally {
                ada.close();
            }
        }
    }

    /** From the first question, skips and steps through until question {@code index} is open. */
    /** A warm-up game's host screen and Ada's phone, both connected. */
    private record AdaPlaying(StompTestClient host, StompTestClient phone) implements AutoCloseable {
        @Override
        public void close() {
            phone.close();
            host.close();
        }
    }

    /** Opens a warm-up game, connects its host and Ada's phone, starts it and moves on to question {@code index}. */
    private AdaPlaying adaAtQuestion(int index) {
        Api api = api();
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        JsonNode ada = api.join(pin, "Ada");
        AdaPlaying at = new AdaPlaying(StompTestClient.host(port, pin, game.get("hostToken").asText()),
                StompTestClient.player(port, pin, ada.get("playerToken").asText()));
        try {
            at.phone().await("STATE", WAIT);
            at.host().await(e -> "PLAYERS".equals(e.path("type").asText())
                    && e.path("players").path(0).path("connected").asBoolean(), "Ada connected", WAIT);
            at.host().host("start");
            advanceTo(at.host(), index);
            return at;
        } catch (RuntimeException | Error e) {
            at.close();
            throw e;
        }
    }

    private static void advanceTo(StompTestClient host, int index) {
        for (int q = 0; q < index; q++) {
            host.await(e -> "QUESTION".equals(e.path("type").asText()), "question " + q, WAIT);
            host.host("skip");
            host.await("REVEAL", WAIT);
            host.host("next");
            host.await("LEADERBOARD", WAIT);
            host.host("next");
        }
    }
}
