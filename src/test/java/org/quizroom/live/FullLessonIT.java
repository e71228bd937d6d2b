package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole lesson end to end: the notes quiz, a host and 30 students over real STOMP, every
 * question played with a mix of right, wrong, partial, late and missing answers. Each RESULT is
 * checked against the scoring rules of the README, recomputed here from the response time the
 * server stored; the leaderboards, the podium, the stored answers and the report are checked too.
 */
@LiveServerTest
class FullLessonIT {

    private static final int PLAYERS = 30;
    private static final double TIME_MULTIPLIER = 0.5;
    /** On this question the teacher lets the clock run out instead of skipping. */
    private static final int DEADLINE_QUESTION = 1;
    /** On this question two students answer only after it closed. */
    private static final int LATE_QUESTION = 3;
    private static final Set<String> QUESTION_FIELDS = Set.of("type", "index", "total", "questionType", "text",
            "choices", "timeLimitMs", "remainingMs", "points", "opensInMs", "readingMs", "image");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final List<StompTestClient> clients = new ArrayList<>();

    /** What the test expects of each student, computed independently of the engine. */
    private static final class Expected {
        final String id;
        final String nickname;
        final int joinOrder;
        int score;
        int streak;
        long totalTime;
        int correct;

        Expected(String id, String nickname, int joinOrder) {
            this.id = id;
            this.nickname = nickname;
            this.joinOrder = joinOrder;
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(StompTestClient::close);
    }

    @Test
    void aClassOfThirtyPlaysTheNotesQuizToThePodium() {
        Quiz quiz = new QuizCatalog(Path.of("quizzes")).find("post-stalin-transition").orElseThrow();
        Api api = new Api(port);
        JsonNode game = api.openGame("post-stalin-transition",
                // Reading time off: 36 questions × a few seconds of it would only slow this test down; the
                // reading-time rules have their own tests (ReadingTimeTest, LessonBeatsIT).
                "{\"shuffleAnswers\":true,\"readingTime\":false,\"timeMultiplier\":" + TIME_MULTIPLIER + "}");
        String pin = game.get("pin").asText();
        String hostToken = game.get("hostToken").asText();
        StompTestClient host = track(StompTestClient.host(port, pin, hostToken));
        host.await("STATE");

        List<Expected> expected = new ArrayList<>();
        List<StompTestClient> students = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            JsonNode joined = api.join(pin, "Student " + (i + 1));
            expected.add(new Expected(joined.get("playerId").asText(), joined.get("nickname").asText(), i));
            StompTestClient student = track(StompTestClient.player(port, pin, joined.get("playerToken").asText()));
            students.add(student);
        }
        for (StompTestClient student : students) {
            assertThat(student.await("STATE").path("phase").asText()).isEqualTo("LOBBY");
        }
        host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == PLAYERS
                && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                "all 30 students connected in the roster", Duration.ofSeconds(15));

        int acknowledged = 0;
        host.host("start");
        for (int q = 0; q < quiz.questions().size(); q++) {
            Question question = quiz.questions().get(q);
            JsonNode shown = host.await("QUESTION");
            assertThat(shown.get("index").asInt()).isEqualTo(q);
            assertQuestionHidesTheAnswer(shown, question);
            for (StompTestClient student : students) {
                assertThat(student.await("QUESTION").get("index").asInt()).isEqualTo(q);
            }

            // Each student decides: right, wrong, partial (multi), late, or no answer at all.
            Map<Integer, String> answers = new HashMap<>();
            Map<Integer, String> lateAnswers = new HashMap<>();
            for (int i = 0; i < PLAYERS; i++) {
                String answer = plannedAnswer(question, shown, i, q);
                if (answer == null) {
                    continue;
                }
                if (q == LATE_QUESTION && i < 2) {
                    lateAnswers.put(i, answer);
                } else {
                    answers.put(i, answer);
                }
            }
            answers.forEach((i, answer) -> students.get(i).answer(shownIndex(shown), answer));
            for (int i : answers.keySet()) {
                JsonNode ack = students.get(i).await("ACK");
                assertThat(ack.get("accepted").asBoolean()).as("ACK for student %d on question %d: %s", i, q, ack)
                        .isTrue();
                acknowledged++;
            }
            boolean everyoneAnswered = answers.size() == PLAYERS;
            if (!everyoneAnswered && q != DEADLINE_QUESTION) {
                host.host("skip");
            }
            JsonNode reveal = host.await("REVEAL", Duration.ofSeconds(30));
            assertThat(reveal.get("index").asInt()).isEqualTo(q);
            assertThat(reveal.get("answered").asInt()).isEqualTo(answers.size());
            assertThat(reveal.get("section").asText()).isEqualTo(question.section());

            // Recompute every student's points from the stored response time and the rules.
            applyRules(question, q, expected, answers.keySet());
            List<Expected> ranking = rank(expected);
            for (int i = 0; i < PLAYERS; i++) {
                Expected e = expected.get(i);
                JsonNode result = students.get(i).await("RESULT");
                assertThat(result.get("index").asInt()).isEqualTo(q);
                assertThat(result.get("answered").asBoolean()).isEqualTo(answers.containsKey(i));
                assertThat(result.get("score").asInt()).as("score of %s after question %d", e.nickname, q)
                        .isEqualTo(e.score);
                assertThat(result.get("streak").asInt()).as("streak of %s after question %d", e.nickname, q)
                        .isEqualTo(e.streak);
                assertThat(result.get("rank").asInt()).as("rank of %s after question %d", e.nickname, q)
                        .isEqualTo(ranking.indexOf(e) + 1);
            }

            if (q == LATE_QUESTION) {
                lateAnswers.forEach((i, answer) -> students.get(i).answer(LATE_QUESTION, answer));
                for (int i : lateAnswers.keySet()) {
                    JsonNode ack = students.get(i).await("ACK");
                    assertThat(ack.get("accepted").asBoolean()).isFalse();
                    assertThat(ack.get("code").asText()).isEqualTo("TOO_LATE");
                }
            }

            host.host("next");
            if (q < quiz.questions().size() - 1) {
                JsonNode board = host.await("LEADERBOARD");
                List<String> top = new ArrayList<>();
                board.get("top").forEach(t -> top.add(t.get("nickname").asText()));
                assertThat(top).containsExactlyElementsOf(ranking.stream().limit(5).map(e -> e.nickname).toList());
                host.host("next");
            }
        }

        List<Expected> ranking = rank(expected);
        JsonNode finished = host.await("FINISHED");
        List<String> podium = new ArrayList<>();
        finished.get("podium").forEach(p -> podium.add(p.get("nickname").asText()));
        assertThat(podium).containsExactlyElementsOf(ranking.stream().limit(3).map(e -> e.nickname).toList());
        for (int i = 0; i < PLAYERS; i++) {
            JsonNode fin = students.get(i).await("FINAL");
            assertThat(fin.get("rank").asInt()).isEqualTo(ranking.indexOf(expected.get(i)) + 1);
            assertThat(fin.get("score").asInt()).isEqualTo(expected.get(i).score);
            assertThat(fin.get("correctCount").asInt()).isEqualTo(expected.get(i).correct);
        }

        // One stored row per acknowledged answer, and nothing else.
        Integer rows = jdbc.queryForObject("select count(*) from answer where game_pin = ?", Integer.class, pin);
        assertThat(rows).isEqualTo(acknowledged);
        assertThat(jdbc.queryForObject("select phase from game where pin = ?", String.class, pin)).isEqualTo("FINISHED");

        Api.Response report = api.get("/api/games/" + pin + "/report", "X-Host-Token", hostToken);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("answerCount").asInt()).isEqualTo(acknowledged);
        List<String> reportOrder = new ArrayList<>();
        report.body().get("players").forEach(p -> reportOrder.add(p.get("nickname").asText()));
        assertThat(reportOrder).containsExactlyElementsOf(ranking.stream().map(e -> e.nickname).toList());
        assertThat(report.body().get("questions").size()).isEqualTo(quiz.questions().size());
        Set<String> reportSections = new TreeSet<>();
        report.body().get("sections").forEach(s -> reportSections.add(s.get("section").asText()));
        assertThat(reportSections).isNotEmpty();
        // Without the key only the computer running Quizroom reads it; a laptop on the network may not.
        Api.fromAnotherComputer(port).ifPresent(laptop ->
                assertThat(laptop.get("/api/games/" + pin + "/report").status()).isEqualTo(403));
    }

    private void assertQuestionHidesTheAnswer(JsonNode shown, Question question) {
        Set<String> fields = new TreeSet<>();
        for (Iterator<String> it = shown.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertThat(QUESTION_FIELDS).containsAll(fields);
        String text = shown.toString();
        for (String accepted : question.acceptedAnswers()) {
            assertThat(text).doesNotContainIgnoringCase("\"" + accepted + "\"");
        }
        if (question.type() == QuestionType.NUMBER) {
            assertThat(text).doesNotContain(String.valueOf(question.correctNumber().longValue()));
        }
        if (question.type() == QuestionType.ORDER) {
            List<String> shownOrder = new ArrayList<>();
            shown.get("choices").forEach(c -> shownOrder.add(c.asText()));
            assertThat(shownOrder).containsExactlyInAnyOrderElementsOf(question.choices())
                    .isNotEqualTo(question.choices());
        }
    }

    /** The JSON answer student {@code i} sends to question {@code q}, or null for no answer. */
    private static String plannedAnswer(Question question, JsonNode shown, int i, int q) {
        if (q == DEADLINE_QUESTION && i % 2 == 1) {
            return null;
        }
        if (q != DEADLINE_QUESTION && (i + q) % 7 == 0) {
            return null;
        }
        List<String> choices = new ArrayList<>();
        shown.get("choices").forEach(c -> choices.add(c.asText()));
        boolean wrong = (i + q) % 5 == 0;
        switch (question.type()) {
            case POLL:
                return String.valueOf(i % choices.size());
            case SINGLE:
            case TRUEFALSE: {
                int right = choices.indexOf(question.choices().get(question.correctChoices().iterator().next()));
                return String.valueOf(wrong ? (right + 1) % choices.size() : right);
            }
            case MULTI: {
                List<Integer> right = question.correctChoices().stream().sorted()
                        .map(c -> choices.indexOf(question.choices().get(c))).toList();
                int aWrongOne = IntStream.range(0, choices.size()).filter(c -> !right.contains(c)).findFirst()
                        .orElseThrow();
                if (wrong) {
                    return "[" + right.get(0) + "," + aWrongOne + "]";
                }
                if ((i + q) % 3 == 0) {
                    return "[" + right.get(0) + "]";
                }
                return right.toString().replace(" ", "");
            }
            case ORDER: {
                List<Integer> order = question.choices().stream().map(choices::indexOf).toList();
                if (wrong) {
                    order = new ArrayList<>(order);
                    java.util.Collections.reverse(order);
                }
                return order.toString().replace(" ", "");
            }
            case TYPE:
                // Typed answers are forgiving about case, accents and spacing.
                return wrong ? "\"no idea\"" : "\"  " + question.acceptedAnswers().get(0).toUpperCase() + " \"";
            case NUMBER: {
                double n = question.correctNumber() + (wrong ? question.tolerance() + 7 : 0);
                return String.valueOf((long) n);
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static int shownIndex(JsonNode shown) {
        return shown.get("index").asInt();
    }

    /** The README's scoring rules, applied to what the server stored for each answer. */
    private void applyRules(Question question, int q, List<Expected> expected, Set<Integer> answered) {
        long timeLimit = Math.round(question.timeSeconds() * 1000 * TIME_MULTIPLIER);
        int base = question.type() == QuestionType.POLL ? 0 : question.points().basePoints();
        boolean streakCounts = question.type() != QuestionType.POLL && base > 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            if (!answered.contains(i)) {
                if (streakCounts) {
                    e.streak = 0;
                }
                if (question.type() != QuestionType.POLL) {
                    e.totalTime += timeLimit; // a missed question counts its full time in the tie-break
                }
                continue;
            }
            Map<String, Object> row = jdbc.queryForMap(
                    "select correct, points, response_ms, answer_json from answer where player_id = ? and question_index = ?",
                    e.id, q);
            long t = ((Number) row.get("RESPONSE_MS")).longValue();
            boolean correct = (Boolean) row.get("CORRECT");
            assertThat(t).isBetween(0L, timeLimit);
            double credit = correct ? 1.0 : 0.0;
            if (question.type() == QuestionType.MULTI && !correct) {
                credit = multiCredit(question, row.get("ANSWER_JSON").toString());
            }
            int speed = (int) Math.round(base * (1 - ((double) t / timeLimit) / 2));
            int points = (int) Math.round(speed * credit);
            if (streakCounts) {
                e.streak = correct ? e.streak + 1 : 0;
                if (correct) {
                    points += Math.min(100 * (e.streak - 1), 500);
                }
            }
            assertThat(((Number) row.get("POINTS")).intValue()).as("stored points of %s on question %d", e.nickname, q)
                    .isEqualTo(points);
            e.score += points;
            if (question.type() != QuestionType.POLL) {
                e.totalTime += t;
                if (correct) {
                    e.correct++;
                }
            }
        }
    }

    private static double multiCredit(Question question, String storedJson) {
        String[] picks = storedJson.replaceAll("[\\[\\] ]", "").split(",");
        int right = 0;
        int wrong = 0;
        for (String pick : picks) {
            if (question.correctChoices().contains(Integer.parseInt(pick))) {
                right++;
            } else {
                wrong++;
            }
        }
        return Math.max(0.0, (double) (right - wrong) / question.correctChoices().size());
    }

    private static List<Expected> rank(List<Expected> expected) {
        return expected.stream().sorted(Comparator.comparingInt((Expected e) -> -e.score)
                .thenComparingLong(e -> e.totalTime).thenComparingInt(e -> e.joinOrder)).toList();
    }

    private StompTestClient track(StompTestClient client) {
        clients.add(client);
        return client;
    }
}
