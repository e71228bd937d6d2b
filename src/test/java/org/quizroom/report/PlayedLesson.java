package org.quizroom.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizroom.support.Api;
import org.quizroom.support.StompTestClient;

/**
 * A short lesson of the test quiz {@code cold-war-check} (src/test/resources/report-quizzes, see
 * {@link #QUIZZES_DIR}) played over real STOMP, with everything a report must get right:
 * a tie, a player removed by the teacher, a question one student left unanswered, a question skipped
 * at once, a typed answer in two spellings, a partly right multi answer and a nickname that a
 * semicolon-locale spreadsheet would run as a formula. Speed scoring and streaks are off so each
 * right answer earns its flat points; the phones' RESULT and FINAL messages are kept for checking.
 *
 * <pre>
 *  Q  section    type       Ada        Bob          Cy        a;=2+5;b    Eve (removed after Q1)
 *  1  Dates      number     1989 ✓     1961 ✗       1961 ✗    1961 ✗      1989 ✓
 *  2  Dates      single     Berlin ✓   Berlin ✓     Vienna ✗  (none)      -
 *  3  Dates      type       détente ✓  Detente! ✓   thaw ✗    Thaw ✗      -
 *  4  Alliances  multi      both ✓     one (part)   both ✓    both ✓      -
 *  5  Alliances  truefalse  True ✓     False ✗      True ✓    True ✓      -
 *  6  Crises     single     skipped at once by the teacher, nobody answers
 * </pre>
 */
public final class PlayedLesson {

    /** Give this to the server as {@code quizroom.quizzes-dir}. */
    public static final String QUIZZES_DIR = "src/test/resources/report-quizzes";
    public static final String QUIZ_ID = "cold-war-check";
    public static final String FORMULA_NICK = "a;=2+5;b";
    public static final List<String> NAMES = List.of("Ada", "Bob", "Cy", FORMULA_NICK);
    static final Duration WAIT = Duration.ofSeconds(30);

    public final String pin;
    public final String hostToken;
    /** Points of each RESULT a phone received, by nickname and question index. */
    public final Map<String, Map<Integer, Integer>> points = new LinkedHashMap<>();
    /** The FINAL message each remaining phone received. */
    public final Map<String, JsonNode> finals = new LinkedHashMap<>();

    private PlayedLesson(String pin, String hostToken) {
        this.pin = pin;
        this.hostToken = hostToken;
    }

    public static PlayedLesson play(int port) {
        Api api = new Api(port);
        JsonNode game = api.openGame(QUIZ_ID,
                "{\"speedScoring\":false,\"streaks\":false,\"shuffleAnswers\":false,\"readingTime\":false}");
        PlayedLesson lesson = new PlayedLesson(game.get("pin").asText(), game.get("hostToken").asText());
        lesson.run(port, api);
        return lesson;
    }

    private void run(int port, Api api) {
        List<StompTestClient> phones = new ArrayList<>();
        try (StompTestClient host = StompTestClient.host(port, pin, hostToken)) {
            host.await("STATE");
            List<String> all = new ArrayList<>(NAMES);
            all.add("Eve");
            String eveId = null;
            for (String name : all) {
                JsonNode joined = api.join(pin, name);
                if (name.equals("Eve")) {
                    eveId = joined.get("playerId").asText();
                }
                StompTestClient phone = StompTestClient.player(port, pin, joined.get("playerToken").asText());
                phone.await("STATE");
                phones.add(phone);
                points.put(name, new LinkedHashMap<>());
            }
            host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == all.size(),
                    "all five in the roster", WAIT);
            StompTestClient ada = phones.get(0);
            StompTestClient bob = phones.get(1);
            StompTestClient cy = phones.get(2);
            StompTestClient dee = phones.get(3);
            StompTestClient eve = phones.get(4);

            host.host("start");
            question(phones);
            answer(ada, 0, "1989");
            answer(bob, 0, "1961");
            answer(cy, 0, "1961");
            answer(dee, 0, "1961");
            answer(eve, 0, "1989");
            reveal(host, phones, 0);
            host.send("/app/games/" + pin + "/host", "{\"command\":\"kick\",\"playerId\":\"" + eveId + "\"}");
            host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 4,
                    "roster without Eve", WAIT);
            phones.remove(eve);
            eve.close();

            next(host, phones);
            JsonNode q2 = question(phones);
            answer(ada, 1, index(q2, "Berlin"));
            answer(bob, 1, index(q2, "Berlin"));
            answer(cy, 1, index(q2, "Vienna"));
            host.host("skip"); // the last student never answers: the teacher moves on
            reveal(host, phones, 1);

            next(host, phones);
            question(phones);
            answer(ada, 2, "\"détente\"");
            answer(bob, 2, "\"Detente!\"");
            answer(cy, 2, "\"thaw\"");
            answer(dee, 2, "\"Thaw\"");
            reveal(host, phones, 2);

            next(host, phones);
            JsonNode q4 = question(phones);
            String france = index(q4, "France");
            String both = "[" + france + "," + index(q4, "Italy") + "]";
            answer(ada, 3, both);
            answer(bob, 3, "[" + france + "]");
            answer(cy, 3, both);
            answer(dee, 3, both);
            reveal(host, phones, 3);

            next(host, phones);
            JsonNode q5 = question(phones);
            answer(ada, 4, index(q5, "True"));
            answer(bob, 4, index(q5, "False"));
            answer(cy, 4, index(q5, "True"));
            answer(dee, 4, index(q5, "True"));
            reveal(host, phones, 4);

            next(host, phones);
            question(phones);
            host.host("end"); // Q6 is closed at once and the game ends
            for (int i = 0; i < phones.size(); i++) {
                finals.put(NAMES.get(i), phones.get(i).await("FINAL", WAIT));
            }
        } finally {
            phones.forEach(StompTestClient::close);
        }
    }

    private JsonNode question(List<StompTestClient> phones) {
        JsonNode q = null;
        for (StompTestClient p : phones) {
            q = p.await("QUESTION", WAIT);
        }
        return q;
    }

    private static void answer(StompTestClient phone, int question, String json) {
        phone.answer(question, json);
        JsonNode ack = phone.await("ACK", WAIT);
        if (!ack.path("accepted").asBoolean()) {
            throw new AssertionError("answer to " + question + " refused: " + ack);
        }
    }

    private void reveal(StompTestClient host, List<StompTestClient> phones, int question) {
        host.await("REVEAL", WAIT);
        for (int i = 0; i < phones.size(); i++) {
            JsonNode result = phones.get(i).await("RESULT", WAIT);
            String name = i < NAMES.size() ? NAMES.get(i) : "Eve";
            if (result.has("points")) {
                points.get(name).put(question, result.get("points").asInt());
            }
        }
    }

    private static void next(StompTestClient host, List<StompTestClient> phones) {
        host.host("next");
        host.await("LEADERBOARD", WAIT);
        host.host("next");
    }

    private static String index(JsonNode question, String choice) {
        JsonNode choices = question.get("choices");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).asText().equals(choice)) {
                return String.valueOf(i);
            }
        }
        throw new AssertionError(choice + " not in " + choices);
    }

    /** Final score a phone was told, by nickname. */
    public int finalScore(String name) {
        return finals.get(name).get("score").asInt();
    }

    public int resultSum(String name) {
        return points.get(name).values().stream().mapToInt(Integer::intValue).sum();
    }
}
