package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Thousands of random and mutated STOMP frames thrown at /ws from several raw WebSocket
 * connections while a real game with real players runs. The server must stay up, keep serving
 * new clients, and finish the game with exactly the scores the real players' ACKs and RESULTs imply.
 */
@LiveServerTest
// A raised frame limit (default 4 KB): the fuzz runs around it, and one test shows it is honoured.
@TestPropertySource(properties = "quizroom.message-size-limit=24576")
class StompFuzzIT {

    private static final int FRAME_LIMIT = 24576;

    private static final long SEED = 0x5EED_F00DL;
    private static final int FUZZ_THREADS = 4;
    private static final int MIN_FRAMES = 3000;
    private static final int MAX_FRAMES = 6000;
    private static final Duration MAX_FUZZ_TIME = Duration.ofSeconds(50);

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        // At the levels the server runs with: a student's garbage must not flood the teacher's log.
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** Ways to be unreadable (UnreadableFramesTest's), and a well-formed frame sent before CONNECT. */
    static Stream<Arguments> unreadableFrames() {
        return Stream.concat(UnreadableFramesTest.malformed(), Stream.of(
                Arguments.of("a well-formed SEND", "SEND\ndestination:/app/games/000000/answer\n\n{}\0",
                        "No STOMP session on this connection")));
    }

    @ParameterizedTest(name = "{0}, before and after CONNECT")
    @MethodSource("unreadableFrames")
    void anUnreadableFrameGetsAPlainErrorAndLeavesNoStackTraceInTheLog(String what, String frame, String reply) {
        Api api = new Api(port);
        String pin = api.openGame("warm-up", "{}").get("pin").asText();
        String token = api.join(pin, "Mallory").get("playerToken").asText();
        // A well-formed frame is refused only before CONNECT; after it, the gatekeeper judges it (ForgedFramesIT).
        boolean[] cases = reply.startsWith("No STOMP session") ? new boolean[] {false} : new boolean[] {false, true};
        for (boolean connected : cases) {
            try (RawStomp raw = RawStomp.open(port)) {
                if (connected) {
                    assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
                }
                raw.send(frame);
                String error = raw.await(f -> RawStomp.command(f).equals("ERROR"), Duration.ofSeconds(10));
                assertThat(error).as("ERROR frame for %s; closed %s", what, raw.closeCode()).isNotNull();
                assertThat(RawStomp.header(error, "message")).as("reply to %s", what).startsWith(reply)
                        .doesNotContain("org.", "java.", "Exception", "enum", "garbage");
                assertThat(raw.awaitClosed(Duration.ofSeconds(10))).as("closed after %s", what).isTrue();
            }
        }
        assertThat(logs.list).as("log lines with a stack trace")
                .noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void aRaisedFrameLimitIsHonouredAndFramesOverItGetAStompError() throws InterruptedException {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        String token = api.join(pin, "Big").get("playerToken").asText();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            host.host("start");
            // Wait out the reading time, so the big answer is judged as an answer (not TOO_EARLY).
            Thread.sleep(host.await("QUESTION").path("opensInMs").asLong(0));
        }
        // 20 KB: over the default but under the configured 24 KB, so it reaches the game (and is refused as an answer).
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.subscribe("q", "/user/queue/events");
            raw.send(RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(20_000) + "\"}",
                    "destination", "/app/games/" + pin + "/answer"));
            assertThat(raw.awaitEvent("ACK", "BAD_ANSWER", Duration.ofSeconds(10)))
                    .as("ACK for a 20 KB frame; closed %s %s", raw.closeCode(), raw.closeReason()).isNotNull();
        }
        // Just over 24 KB: a STOMP ERROR frame naming the configured limit, then the connection closes.
        try (RawStomp raw = RawStomp.open(port)) {
            assertThat(RawStomp.command(raw.connect("player-token", token))).isEqualTo("CONNECTED");
            raw.send(RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(FRAME_LIMIT) + "\"}",
                    "destination", "/app/games/" + pin + "/answer"));
            String error = raw.await(f -> RawStomp.command(f).equals("ERROR"), Duration.ofSeconds(10));
            assertThat(error).as("ERROR frame; closed %s %s", raw.closeCode(), raw.closeReason()).isNotNull();
            assertThat(RawStomp.header(error, "message")).contains(String.valueOf(FRAME_LIMIT));
            assertThat(raw.awaitClosed(Duration.ofSeconds(10))).isTrue();
        }
    }

    /** What one real player meant to do on each question: answer JSON and whether it is right. */
    private record Plan(String answer, boolean correct) {
    }

    @Test
    void garbageOnTheSocketNeitherCrashesTheServerNorChangesTheRealPlayersScores() throws Exception {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        JsonNode other = api.openGame("warm-up", "{}");
        String otherPin = other.get("pin").asText();
        JsonNode otherPlayer = api.join(otherPin, "Elsewhere");

        // Tokens the fuzzers may use: two fuzz players in the real game, and another game's host and player.
        List<Identity> fuzzIds = List.of(
                new Identity("player-token", api.join(pin, "Fuzz1").get("playerToken").asText(), pin),
                new Identity("player-token", api.join(pin, "Fuzz2").get("playerToken").asText(), pin),
                new Identity("host-token", other.get("hostToken").asText(), otherPin),
                new Identity("player-token", otherPlayer.get("playerToken").asText(), otherPin),
                new Identity("player-token", "plr_not-a-real-token", pin),
                new Identity("host-token", game.get("hostToken").asText().substring(0, 10), pin));

        String[] names = {"Ana", "Ben", "Cleo"};
        List<StompTestClient> players = new ArrayList<>();
        Map<Integer, List<JsonNode>> acks = new HashMap<>();
        Map<Integer, List<JsonNode>> results = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(FUZZ_THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Stats>> fuzzers = new ArrayList<>();
        long fuzzStart = System.nanoTime();
        try (StompTestClient host = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            host.await("STATE");
            for (String name : names) {
                JsonNode joined = api.join(pin, name);
                StompTestClient client = StompTestClient.player(port, pin, joined.get("playerToken").asText());
                client.await("STATE");
                players.add(client);
            }
            for (int t = 0; t < FUZZ_THREADS; t++) {
                Random random = new Random(SEED + t);
                fuzzers.add(pool.submit(() -> fuzz(random, fuzzIds, pin, otherPin, stop, MAX_FRAMES / FUZZ_THREADS)));
            }

            host.host("start");
            for (int q = 0; q < 5; q++) {
                List<JsonNode> questions = new ArrayList<>();
                for (StompTestClient p : players) {
                    questions.add(p.await("QUESTION", Duration.ofSeconds(20)));
                }
                assertThat(questions).allSatisfy(e -> assertThat(e.path("index").asInt()).isEqualTo(questions.get(0).path("index").asInt()));
                int index = questions.get(0).path("index").asInt();
                assertThat(index).isEqualTo(q);
                List<Plan> plans = new ArrayList<>();
                for (int i = 0; i < players.size(); i++) {
                    Plan plan = plan(questions.get(i), i);
                    plans.add(plan);
                    players.get(i).answer(index, plan.answer());
                }
                List<JsonNode> qAcks = new ArrayList<>();
                for (StompTestClient p : players) {
                    // Not from the inbox in order: a RESULT may overtake the ACK (see the report), so look at all seen.
                    JsonNode ack = seen(p, e -> "ACK".equals(e.path("type").asText()) && e.path("question").asInt() == index,
                            "ACK of question " + index, Duration.ofSeconds(20));
                    assertThat(ack.get("accepted").asBoolean()).as("ACK %s", ack).isTrue();
                    qAcks.add(ack);
                }
                acks.put(index, qAcks);
                // The fuzz players may be connected and silent; close the question by hand.
                if (host.seen("REVEAL").stream().noneMatch(r -> r.path("index").asInt() == index)) {
                    host.host("skip");
                }
                host.await(e -> "REVEAL".equals(e.path("type").asText()) && e.path("index").asInt() == index,
                        "REVEAL " + index, Duration.ofSeconds(20));
                List<JsonNode> qResults = new ArrayList<>();
                for (int i = 0; i < players.size(); i++) {
                    JsonNode result = seen(players.get(i), e -> "RESULT".equals(e.path("type").asText())
                            && e.path("index").asInt() == index, "RESULT " + index, Duration.ofSeconds(20));
                    assertThat(result.get("answered").asBoolean()).as("answered %s", names[i]).isTrue();
                    assertThat(result.get("correct").asBoolean()).as("correct %s q%d", names[i], index)
                            .isEqualTo(plans.get(i).correct());
                    qResults.add(result);
                }
                results.put(index, qResults);
                host.host("next");
                if (q < 4) {
                    host.await("LEADERBOARD", Duration.ofSeconds(20));
                    host.host("next");
                }
            }
            host.await("FINISHED", Duration.ofSeconds(20));

            // Let the fuzzers reach their minimum before judging the aftermath.
            long deadline = fuzzStart + MAX_FUZZ_TIME.toNanos();
            while (System.nanoTime() < deadline && sent.get() < MIN_FRAMES) {
                Thread.sleep(100);
            }
            stop.set(true);
            List<Stats> stats = new ArrayList<>();
            for (Future<Stats> f : fuzzers) {
                stats.add(f.get(60, TimeUnit.SECONDS));
            }
            int frames = stats.stream().mapToInt(Stats::frames).sum();
            int connections = stats.stream().mapToInt(Stats::connections).sum();
            int refusals = stats.stream().mapToInt(Stats::refusals).sum();
            System.out.printf("Fuzz: %d frames over %d connections in %d ms; %d refusals received%n", frames,
                    connections, (System.nanoTime() - fuzzStart) / 1_000_000, refusals);
            assertThat(frames).as("fuzz frames sent").isGreaterThanOrEqualTo(MIN_FRAMES);
            // Garbage is answered with errors, not silently swallowed.
            assertThat(refusals).as("STOMP ERROR frames and ERROR events sent back").isGreaterThan(connections / 4);

            // Every real player's final score is exactly what their RESULTs said, which their ACKs made.
            for (int i = 0; i < players.size(); i++) {
                StompTestClient p = players.get(i);
                JsonNode fin = p.await("FINAL", Duration.ofSeconds(20));
                int sum = 0;
                for (int q = 0; q < 5; q++) {
                    sum += results.get(q).get(i).get("points").asInt();
                }
                assertThat(fin.get("score").asInt()).as("FINAL of %s", names[i]).isEqualTo(sum)
                        .isEqualTo(results.get(4).get(i).get("score").asInt());
            }
            Api.Response report = api.get("/api/games/" + pin + "/report", "X-Host-Token", game.get("hostToken").asText());
            assertThat(report.status()).isEqualTo(200);
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                JsonNode row = find(report.body().get("players"), name);
                int sum = 0;
                for (int q = 0; q < 5; q++) {
                    sum += results.get(q).get(i).get("points").asInt();
                }
                assertThat(row.get("score").asInt()).as("stored score of %s", name).isEqualTo(sum);
                assertThat(row.get("answeredCount").asInt()).as("stored answers of %s", name).isEqualTo(5);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            players.forEach(StompTestClient::close);
        }

        // Still serving: HTTP answers, and a brand-new client can connect and sync.
        assertThat(api.get("/api/quizzes").status()).isEqualTo(200);
        try (StompTestClient again = StompTestClient.host(port, pin, game.get("hostToken").asText())) {
            assertThat(again.await("STATE").get("phase").asText()).isEqualTo("FINISHED");
        }
        JsonNode late = api.openGame("warm-up", "{}");
        assertThat(late.get("pin").asText()).hasSize(6);

        // Garbage is refused with a STOMP ERROR, never by an application handler blowing up.
        List<String> unhandled = logs.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .filter(e -> e.getLoggerName().startsWith("org.quizroom")
                        || e.getFormattedMessage().contains("Unhandled exception")
                        || e.getLoggerName().contains("SimpAnnotationMethodMessageHandler"))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).distinct().limit(10).toList();
        assertThat(unhandled).as("unexpected server errors").isEmpty();
        // Thousands of unreadable frames, yet no stack trace, and a line at most every ten seconds.
        assertThat(logs.list).as("log lines with a stack trace").noneMatch(e -> e.getThrowableProxy() != null);
        long seconds = (System.nanoTime() - fuzzStart) / 1_000_000_000L;
        assertThat(logs.list.stream().filter(e -> e.getLoggerName().equals(UnreadableFrames.class.getName())))
                .as("lines about unreadable frames in %d s", seconds)
                .hasSizeLessThanOrEqualTo((int) (seconds * 1000 / UnreadableFrames.LOG_EVERY_MS) + 1);
    }

    /** The first event ever received that matches, waiting up to {@code timeout}; ignores inbox order. */
    static JsonNode seen(StompTestClient client, Predicate<JsonNode> match, String what, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode e : client.seen()) {
                if (match.test(e)) {
                    return e;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No " + what + " within " + timeout + "; seen: " + client.seen().stream()
                        .map(JsonNode::toString).map(t -> t.length() > 140 ? t.substring(0, 140) : t).toList());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode find(JsonNode players, String nickname) {
        for (JsonNode p : players) {
            if (p.path("nickname").asText().equals(nickname)) {
                return p;
            }
        }
        throw new AssertionError(nickname + " not in " + players);
    }

    /** Player i's answer: Ana always right, Ben always wrong, Cleo right on even questions. */
    private static Plan plan(JsonNode question, int player) {
        boolean right = player == 0 || (player == 2 && question.get("index").asInt() % 2 == 0);
        int index = question.get("index").asInt();
        return switch (index) {
            case 0 -> {
                int c = WarmUpGameIT.indexOf(question, "Canberra");
                yield new Plan(String.valueOf(right ? c : (c + 1) % 4), right);
            }
            case 1 -> right
                    ? new Plan("[" + WarmUpGameIT.indexOf(question, "Mars") + "," + WarmUpGameIT.indexOf(question, "Neptune") + "]", true)
                    : new Plan("[" + WarmUpGameIT.indexOf(question, "Pluto") + "]", false);
            case 2 -> {
                int t = WarmUpGameIT.indexOf(question, "True");
                yield new Plan(String.valueOf(right ? t : 1 - t), right);
            }
            case 3 -> new Plan(right ? "\"Carbon Dioxide\"" : "\"oxygen\"", right);
            case 4 -> new Plan(right ? "8" : "6", right);
            default -> throw new AssertionError(index);
        };
    }

    // ------------------------------------------------------------------ the fuzzer

    private record Identity(String header, String token, String pin) {
    }

    /** Frames sent, connections used, and STOMP ERROR frames or ERROR/refused-ACK events received back. */
    private record Stats(int frames, int connections, int refusals) {
    }

    private final AtomicInteger sent = new AtomicInteger();

    private Stats fuzz(Random random, List<Identity> ids, String pin, String otherPin, AtomicBoolean stop, int max) {
        int frames = 0;
        int connections = 0;
        int refusals = 0;
        long end = System.nanoTime() + MAX_FUZZ_TIME.toNanos();
        while (!stop.get() && frames < max && System.nanoTime() < end) {
            connections++;
            Identity id = ids.get(random.nextInt(ids.size()));
            try (RawStomp ws = RawStomp.open(port)) {
                if (random.nextInt(10) < 8) {
                    ws.send(RawStomp.frame("CONNECT", "", "accept-version", "1.2", "host", "127.0.0.1",
                            id.header(), id.token()));
                    frames++;
                    sent.incrementAndGet();
                }
                int burst = 1 + random.nextInt(40);
                for (int i = 0; i < burst && !stop.get() && frames < max && !ws.isClosed(); i++) {
                    boolean ok = random.nextInt(10) == 0
                            ? ws.sendBinary(randomBytes(random, random.nextInt(3000)))
                            : ws.send(mutant(random, id, pin, otherPin));
                    frames++;
                    sent.incrementAndGet();
                    if (!ok) {
                        break;
                    }
                }
                if (random.nextBoolean()) {
                    ws.await(f -> false, Duration.ofMillis(30));
                    ws.abort();
                } else {
                    ws.awaitClosed(Duration.ofMillis(30));
                }
                refusals += (int) ws.received().stream().filter(f -> RawStomp.command(f).equals("ERROR")
                        || RawStomp.body(f).contains("\"type\":\"ERROR\"")
                        || RawStomp.body(f).contains("\"accepted\":false")).count();
            } catch (RuntimeException e) {
                // A refused or reset connection is an expected outcome of garbage; carry on.
            }
        }
        return new Stats(frames, connections, refusals);
    }

    private static final String[] COMMANDS = {"SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK", "BEGIN", "COMMIT",
            "ABORT", "DISCONNECT", "CONNECT", "STOMP", "MESSAGE", "ERROR", "CONNECTED", "RECEIPT", "send", "FOO", "",
            "SEND SEND", "\u0000", "SUBSCRIBE\r"};
    private static final String[] BODIES = {"{\"question\":0,\"answer\":1}", "{\"question\":1,\"answer\":[0,2]}",
            "{\"question\":3,\"answer\":\"co2\"}", "{\"question\":4,\"answer\":8}", "{\"command\":\"start\"}",
            "{\"command\":\"next\"}", "{\"command\":\"skip\"}", "{\"command\":\"end\"}", "{\"command\":\"kick\",\"playerId\":\"p_x\"}",
            "{\"command\":\"lock\"}", "{}", "{\"seq\":1}", "[]", "null", "\"text\"", "12", "{\"question\":1e99,\"answer\":-1}",
            "{\"question\":2147483648,\"answer\":[]}", "{\"question\":0,\"answer\":{\"a\":[{\"b\":null}]}}"};

    private static String mutant(Random r, Identity id, String pin, String otherPin) {
        String[] suffixes = {"answer", "host", "sync", "pong", "nope", "answer/../host", ""};
        String gamePin = r.nextInt(4) == 0 ? otherPin : id.pin();
        String destination = switch (r.nextInt(10)) {
            case 0 -> "/topic/games/" + gamePin;
            case 1 -> "/user/queue/events";
            case 2 -> "/app/games/" + r.nextInt(1_000_000) + "/answer";
            case 3 -> "/queue/events-user" + r.nextInt(100);
            case 4 -> randomText(r, r.nextInt(200));
            default -> "/app/games/" + gamePin + "/" + suffixes[r.nextInt(suffixes.length)];
        };
        String body = mutateJson(r, BODIES[r.nextInt(BODIES.length)]);
        return switch (r.nextInt(14)) {
            // Valid frames to real destinations with mutated JSON bodies: the bulk of the load.
            case 0, 1, 2, 3 -> RawStomp.frame("SEND", body, "destination", destination, "content-type", "application/json");
            case 4 -> RawStomp.frame("SUBSCRIBE", "", "id", "sub-" + r.nextInt(5), "destination", destination);
            case 5 -> RawStomp.frame(COMMANDS[r.nextInt(COMMANDS.length)], body, "destination", destination,
                    "receipt", "r" + r.nextInt(9));
            // Huge, negative or lying content-length.
            case 6 -> RawStomp.frame("SEND", body, "destination", destination, "content-length",
                    switch (r.nextInt(5)) {
                        case 0 -> "99999999";
                        case 1 -> "-5";
                        case 2 -> "abc";
                        case 3 -> String.valueOf(body.length() + 1 + r.nextInt(50));
                        default -> String.valueOf(Math.max(0, body.length() - 3));
                    });
            // Truncated frame: no NUL, cut anywhere.
            case 7 -> {
                String f = RawStomp.frame("SEND", body, "destination", destination);
                yield f.substring(0, r.nextInt(f.length()));
            }
            // Broken headers: no colon, bad escapes, very many, very long.
            case 8 -> "SEND\ndestination:" + destination + "\n" + switch (r.nextInt(4)) {
                case 0 -> "no-colon-here\n";
                case 1 -> "bad\\xescape:\\q\n";
                case 2 -> "x:y\n".repeat(200 + r.nextInt(2000));
                default -> "long:" + "h".repeat(r.nextInt(20_000)) + "\n";
            } + "\n" + body + "\u0000";
            // Oversized body around and over the 16 KB frame limit.
            case 9 -> RawStomp.frame("SEND", "{\"question\":0,\"answer\":\"" + "A".repeat(8_000 + r.nextInt(FRAME_LIMIT)) + "\"}",
                    "destination", destination);
            case 10 -> randomText(r, r.nextInt(500));
            // Several frames in one WebSocket message, or heart-beats only.
            case 11 -> RawStomp.frame("SEND", body, "destination", destination).repeat(1 + r.nextInt(5));
            case 12 -> "\n".repeat(1 + r.nextInt(5));
            default -> RawStomp.frame("CONNECT", "", "accept-version", r.nextBoolean() ? "1.2" : "9.9",
                    "heart-beat", r.nextBoolean() ? "0,0" : r.nextInt(100) + "," + r.nextInt(100), id.header(), id.token());
        };
    }

    private static String mutateJson(Random r, String json) {
        StringBuilder b = new StringBuilder(json);
        int edits = r.nextInt(4);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "{}[],:\"0-9eE.\\ntruefalsnul".charAt(r.nextInt(26)));
                case 2 -> b.setCharAt(at, (char) (32 + r.nextInt(95)));
                case 3 -> b.insert(at, "[".repeat(r.nextInt(3000)));
                default -> b.append(",\"extra\":").append(r.nextInt());
            }
        }
        return b.toString();
    }

    private static String randomText(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = r.nextInt(8) == 0 ? r.nextInt(0xD000) : 32 + r.nextInt(95);
            b.append((char) c);
        }
        return b.toString();
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------ a raw STOMP socket

    /**
     * STOMP by hand over a plain WebSocket: sends exactly the bytes it is given (frames need not be
     * valid), and collects whole frames received. Used where the real client would refuse to send.
     */
    static final class RawStomp implements AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private volatile String closeReason;
        private final StringBuilder pending = new StringBuilder();
        private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        private WebSocket ws;

        static RawStomp open(int port) {
            RawStomp raw = new RawStomp();
            try {
                raw.ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), raw.listener())
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("WebSocket handshake failed: " + e, e);
            }
            return raw;
        }

        /** A frame: command, header name/value pairs, blank line, body, NUL. */
        static String frame(String command, String body, String... headers) {
            StringBuilder b = new StringBuilder(command).append('\n');
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.append(headers[i]).append(':').append(headers[i + 1]).append('\n');
            }
            return b.append('\n').append(body).append('\u0000').toString();
        }

        /** Sends CONNECT with one token header (none if {@code header} is null); returns the reply frame. */
        String connect(String header, String token) {
            send(header == null ? frame("CONNECT", "", "accept-version", "1.2", "host", "127.0.0.1")
                    : frame("CONNECT", "", "accept-version", "1.2", "host", "127.0.0.1", header, token));
            return await(f -> true, Duration.ofSeconds(10));
        }

        void subscribe(String id, String destination) {
            send(frame("SUBSCRIBE", "", "id", id, "destination", destination));
        }

        boolean send(String text) {
            try {
                ws.sendText(text, true).get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        boolean sendBinary(byte[] bytes) {
            try {
                ws.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        /** The next frame matching {@code match}, or null after {@code timeout}. */
        String await(Predicate<String> match, Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long left = end - System.nanoTime();
                    String frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                    if (frame == null || match.test(frame)) {
                        return frame;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** The next MESSAGE whose JSON body has this type (and code, if given). */
        String awaitEvent(String type, String code, Duration timeout) {
            return await(f -> command(f).equals("MESSAGE") && body(f).contains("\"type\":\"" + type + "\"")
                    && (code == null || body(f).contains("\"code\":\"" + code + "\"")), timeout);
        }

        List<String> received() {
            return List.copyOf(all);
        }

        boolean awaitClosed(Duration timeout) {
            try {
                closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return closed.isDone();
            }
        }

        /** The close code the server sent, or -1 after an abrupt end; null while open. */
        Integer closeCode() {
            return closed.getNow(null);
        }

        /** The reason the server gave when it closed the WebSocket, if it did. */
        String closeReason() {
            return closeReason;
        }

        boolean isClosed() {
            return closed.isDone() || ws.isOutputClosed();
        }

        void abort() {
            ws.abort();
        }

        @Override
        public void close() {
            if (!ws.isOutputClosed()) {
                try {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // already gone
                }
            }
            ws.abort();
        }

        static String command(String frame) {
            int nl = frame.indexOf('\n');
            return nl < 0 ? frame : frame.substring(0, nl).strip();
        }

        static String header(String frame, String name) {
            int bodyStart = frame.indexOf("\n\n");
            String head = bodyStart < 0 ? frame : frame.substring(0, bodyStart);
            for (String line : head.split("\n")) {
                if (line.startsWith(name + ":")) {
                    return line.substring(name.length() + 1);
                }
            }
            return null;
        }

        static String body(String frame) {
            int bodyStart = frame.indexOf("\n\n");
            return bodyStart < 0 ? "" : frame.substring(bodyStart + 2);
        }

        private WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                @Override
                public void onOpen(WebSocket webSocket) {
                    webSocket.request(1);
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    pending.append(data);
                    if (last) {
                        split(pending.toString());
                        pending.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    pendingBytes.writeBytes(bytes);
                    if (last) {
                        split(pendingBytes.toString(StandardCharsets.UTF_8));
                        pendingBytes.reset();
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closeReason = reason;
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    closed.complete(-1);
                }
            };
        }

        private void split(String text) {
            for (String part : text.split("\u0000")) {
                String frame = part.replaceFirst("^[\r\n]+", "");
                if (!frame.isEmpty()) {
                    all.add(frame);
                    frames.add(frame);
                }
            }
        }
    }
}
