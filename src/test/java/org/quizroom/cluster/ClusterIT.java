package org.quizroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.quizroom.bench.StompBot;
import org.quizroom.support.Api;
import org.quizroom.support.TestDatabase;

/**
 * The cluster as deployed (docs/deploy.md): nginx with deploy/nginx/quizroom.conf in front of three
 * packaged nodes sharing one PostgreSQL database. Three games of 200 bot phones each play the
 * warm-up quiz at once through nginx; in the middle of a question the node that runs one of them is
 * killed with SIGKILL. Its phones and host reconnect through nginx with their tokens, another node
 * takes the game's lease when it expires and restores the game from the database, and the game
 * finishes. Asserted: every game finishes; in every game each phone's acknowledged answers are in
 * the report exactly once and its final score is the sum of the points it was shown; the two games
 * on other nodes never lost a connection or had an answer refused. Printed: the time from the kill
 * to the first phone back in the game.
 *
 * <p>Runs in the PostgreSQL half of {@code mvn verify} (.ci/run); skipped, saying why, without
 * PostgreSQL or nginx.
 */
@ExtendWith(ClusterIT.NeedsPostgresqlAndNginx.class)
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int GAMES = 3;
    private static final int PLAYERS = 200;
    private static final int QUESTIONS = 5;
    /** The question in which the victim game's node is killed (0-based). */
    private static final int KILL_QUESTION = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PLAY_TIMEOUT = Duration.ofMinutes(8);
    private static final long RECONNECT_DELAY_MS = 250;
    private static final long LEASE_MS = 4000;
    private static final long RENEW_MS = 1000;

    private LocalCluster cluster;
    private final List<Phone> phones = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile long killNanos;
    private final AtomicLong firstBackNanos = new AtomicLong();
    private final AtomicLong firstDropNanos = new AtomicLong();

    @AfterEach
    void stopEverything() throws InterruptedException {
        phones.forEach(Phone::stop);
        timer.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingANodeMidQuestionMovesItsGameWithoutLosingAnAnswerWhileTheOtherGamesPlayOn() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "cluster", UUID.randomUUID().toString())).toAbsolutePath();
        List<String> database = TestDatabase.freshPostgresqlArguments();
        cluster = LocalCluster.start(work, NODES, database, new LocalCluster.NodeSettings("256m", true, LEASE_MS,
                RENEW_MS, List.of(
                        // Every bot joins from 127.0.0.1 through nginx.
                        "--quizroom.joins-per-minute=100000",
                        "--quizroom.join-burst=100000",
                        "--quizroom.messages-per-second=1000",
                        "--quizroom.message-burst=1000",
                        "--quizroom.ping-interval-ms=600000",
                        "--spring.datasource.hikari.maximum-pool-size=5")));
        int[] nodePorts = cluster.nodePorts();
        int proxyPort = cluster.proxyPort();
        Api proxy = new Api(proxyPort);
        String ws = "ws://127.0.0.1:" + proxyPort + "/ws?pin=";

        // Games are opened through nginx (any node); the host screen's connection then brings each game
        // to the node nginx hashes its PIN to. Open games until one node runs one game and the other two
        // run elsewhere, so killing that node takes down exactly one game.
        List<Game> candidates = new ArrayList<>();
        Map<String, Integer> owner = new HashMap<>();
        List<Game> games = null;
        for (int attempt = 0; attempt < 12 && games == null; attempt++) {
            JsonNode opened = proxy.openGame("warm-up", "{\"timeMultiplier\":3,\"readingTime\":false}"); // bots answer at once
            Game g = new Game(opened.get("pin").asText(), opened.get("hostToken").asText());
            g.host = new Phone(g, "host-token", g.hostToken, -1, ws);
            phones.add(g.host);
            g.host.connect();
            await("host of " + g.pin + " connected", Duration.ofSeconds(60), () -> g.host.state != null);
            await("game " + g.pin + " on one node", Duration.ofSeconds(30),
                    () -> owner(g.pin, nodePorts, owner) >= 0);
            candidates.add(g);
            games = pick(candidates, owner);
        }
        assertThat(games).as("three games of which exactly one runs on a node of its own (owners %s)", owner)
                .isNotNull();
        Game victim = games.get(0);
        int victimNode = owner.get(victim.pin);
        System.out.printf("Cluster: games %s on nodes %s; node %d (game %s) will be killed%n",
                games.stream().map(g -> g.pin).toList(), games.stream().map(g -> owner.get(g.pin) + 1).toList(),
                victimNode + 1, victim.pin);

        // 200 players join each game through nginx and connect their phones.
        ExecutorService joiners = Executors.newFixedThreadPool(6);
        List<Future<JsonNode>> joins = new ArrayList<>();
        for (Game g : games) {
            for (int i = 0; i < PLAYERS; i++) {
                String name = "P" + (i + 1);
                joins.add(joiners.submit(() -> joinRetrying(proxy, g.pin, name)));
            }
        }
        int j = 0;
        for (Game g : games) {
            for (int i = 0; i < PLAYERS; i++) {
                JsonNode joined = joins.get(j++).get(2, TimeUnit.MINUTES);
                Phone p = new Phone(g, "player-token", joined.get("playerToken").asText(), i, ws);
                g.players.add(p);
                phones.add(p);
            }
        }
        joiners.shutdown();
        for (Game g : games) {
            for (Phone p : g.players) {
                p.connect();
            }
        }
        for (Game g : games) {
            await(PLAYERS + " phones of game " + g.pin + " in the lobby", START_TIMEOUT,
                    () -> g.players.stream().allMatch(p -> "LOBBY".equals(p.state)));
        }

        // The hand-over of each new game to its node (the host's first connections were told to retry) is
        // over; from here on, the games on surviving nodes must not notice anything.
        for (Phone p : phones) {
            p.drops.set(0);
            p.dropReasons.clear();
        }

        // Play. The victim's node dies once half of its players have their ACK for the kill question.
        for (Game g : games) {
            g.host.command("start", null);
        }
        await("half of game " + victim.pin + " acknowledged in question " + (KILL_QUESTION + 1), PLAY_TIMEOUT,
                () -> victim.players.stream().filter(p -> p.acked.contains(KILL_QUESTION)).count() >= PLAYERS / 2);
        Process killed = cluster.node(victimNode);
        killNanos = System.nanoTime();
        System.out.printf("Cluster: killing node %d at %s%n", victimNode + 1, java.time.Instant.now());
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        await("a phone of game " + victim.pin + " back after the kill", PLAY_TIMEOUT, () -> firstBackNanos.get() != 0);
        Map<String, Integer> after = leaseOwners(nodePorts, victimNode, new HashMap<>());
        System.out.printf("Cluster: after the kill the surviving nodes run %s (game -> node)%n", after);
        assertThat(after).as("the killed node's game runs on a surviving node").containsKey(victim.pin);
        for (Game g : games) {
            await("game " + g.pin + " finished on every phone", PLAY_TIMEOUT,
                    () -> g.players.stream().allMatch(p -> p.finalScore != null));
        }
        double backMs = (firstBackNanos.get() - killNanos) / 1e6;
        System.out.printf("Cluster: node %d killed mid-question; first player back in game %s after %.0f ms "
                        + "(lease %d ms, renewal %d ms, phones retry every %d ms)%n",
                victimNode + 1, victim.pin, backMs, LEASE_MS, RENEW_MS, RECONNECT_DELAY_MS);
        assertThat(firstBackNanos.get()).as("a player came back after the kill").isGreaterThan(killNanos);

        for (int i = 0; i < NODES; i++) {
            if (i != victimNode) {
                JsonNode health = new Api(nodePorts[i]).get("/api/health").body();
                assertThat(health.get("status").asText()).isEqualTo("UP");
            }
        }

        for (Game g : games) {
            checkEveryAcknowledgedAnswerCountedOnce(proxy, g);
        }
        for (Game g : games.subList(1, GAMES)) {
            List<Phone> all = new ArrayList<>(g.players);
            all.add(g.host);
            assertThat(all.stream().flatMap(p -> p.dropReasons.stream().map(r -> p.nickname() + ": " + r)).toList())
                    .as("connections lost in game %s, which ran on a surviving node", g.pin).isEmpty();
            assertThat(g.players.stream().mapToInt(p -> p.refused.get()).sum())
                    .as("answers refused in game %s", g.pin).isZero();
            assertThat(g.players).allSatisfy(p -> assertThat(p.acked).hasSize(QUESTIONS));
        }
        long victimDrops = victim.players.stream().filter(p -> p.drops.get() > 0).count();
        System.out.printf("Cluster: %d of %d phones of game %s reconnected after the kill; the other games lost 0%n",
                victimDrops, PLAYERS, victim.pin);
        assertThat(victimDrops).as("phones of the killed node's game that had to reconnect").isEqualTo(PLAYERS);
    }

    /** Per phone: the report has exactly the answers the phone knows were stored, and the score it was shown. */
    private static void checkEveryAcknowledgedAnswerCountedOnce(Api api, Game g) {
        Api.Response report = api.get("/api/games/" + g.pin + "/report", "X-Host-Token", g.hostToken);
        assertThat(report.status()).as("report of %s", g.pin).isEqualTo(200);
        assertThat(report.body().get("state").asText()).isEqualTo("FINISHED");
        Map<String, JsonNode> rows = new HashMap<>();
        report.body().get("players").forEach(r -> rows.put(r.get("nickname").asText(), r));
        int stored = 0;
        for (Phone p : g.players) {
            JsonNode row = rows.get(p.nickname());
            assertThat(row).as("%s of game %s in the report", p.nickname(), g.pin).isNotNull();
            Set<Integer> known = p.knownStored();
            assertThat(known).as("every question of %s answered and stored", p.nickname()).hasSize(QUESTIONS);
            assertThat(row.get("answeredCount").asInt()).as("stored answers of %s in game %s", p.nickname(), g.pin)
                    .isEqualTo(known.size());
            int shown = p.points.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(p.finalScore).as("FINAL score of %s in game %s", p.nickname(), g.pin).isEqualTo(shown);
            assertThat(row.get("score").asInt()).as("reported score of %s in game %s", p.nickname(), g.pin)
                    .isEqualTo(shown);
            stored += known.size();
        }
        assertThat(report.body().get("answerCount").asInt()).as("answers stored for game %s", g.pin)
                .isEqualTo(stored).isEqualTo(PLAYERS * QUESTIONS);
    }

    // ------------------------------------------------------------------ the phones

    private final class Game {
        final String pin;
        final String hostToken;
        Phone host;
        final List<Phone> players = new ArrayList<>();

        Game(String pin, String hostToken) {
            this.pin = pin;
            this.hostToken = hostToken;
        }
    }

    /** A phone (or the host screen) that reconnects with its token whenever its connection ends, as live.js does. */
    private final class Phone implements StompBot.Handler {
        final Game game;
        final String header;
        final String token;
        final int index;
        final String url;
        volatile StompBot bot;
        volatile String state;
        volatile boolean stopped;
        final AtomicInteger drops = new AtomicInteger();
        final List<String> dropReasons = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        final Set<Integer> acked = ConcurrentHashMap.newKeySet();
        final Set<Integer> storedBefore = ConcurrentHashMap.newKeySet();
        final Set<Integer> sent = ConcurrentHashMap.newKeySet();
        final Map<Integer, Integer> points = new ConcurrentHashMap<>();
        volatile Integer finalScore;
        volatile boolean reconnecting;

        Phone(Game game, String header, String token, int index, String url) {
            this.game = game;
            this.header = header;
            this.token = token;
            this.index = index;
            this.url = url + game.pin;
        }

        String nickname() {
            return index < 0 ? "host" : "P" + (index + 1);
        }

        Set<Integer> knownStored() {
            Set<Integer> all = new java.util.HashSet<>(acked);
            all.addAll(storedBefore);
            return all;
        }

        void connect() {
            if (stopped) {
                return;
            }
            StompBot b = new StompBot(game.pin, header, token, this);
            bot = b;
            b.open(http, url);
        }

        void stop() {
            stopped = true;
            StompBot b = bot;
            if (b != null) {
                b.close();
            }
        }

        void command(String command, Integer question) {
            StompBot b = bot;
            if (b == null) {
                return; // reconnecting: the phase event comes again after the sync, and the command with it
            }
            b.sendJson("/app/games/" + game.pin + "/host", "{\"command\":\"" + command + "\""
                    + (question == null ? "" : ",\"question\":" + question) + "}");
        }

        @Override
        public void connected(StompBot b) {
            b.subscribe("t", "/topic/games/" + game.pin);
            b.subscribe("u", "/user/queue/events");
            b.sendJson("/app/games/" + game.pin + "/sync", "{}");
        }

        @Override
        public void message(StompBot b, String destination, String body, long receivedNanos) {
            if (b != bot) {
                return;
            }
            JsonNode e;
            try {
                e = JSON.readTree(body);
            } catch (IOException ex) {
                return;
            }
            switch (e.path("type").asText()) {
                case "STATE" -> {
                    state = e.get("phase").asText();
                    if (reconnecting) {
                        reconnecting = false;
                        if (killNanos != 0 && index >= 0 && firstBackNanos.compareAndSet(0, System.nanoTime())) {
                            System.out.printf("Cluster: first phone back at %s%n", java.time.Instant.now());
                        }
                    }
                }
                case "PING" -> b.sendJson("/app/games/" + game.pin + "/pong", "{\"seq\":" + e.get("seq").asLong() + "}");
                case "QUESTION" -> {
                    state = "QUESTION";
                    int q = e.get("index").asInt();
                    if (index < 0) {
                        return;
                    }
                    if (e.path("answered").asBoolean(false)) {
                        storedBefore.add(q); // stored before a crash, its ACK lost with the node
                    } else if (!acked.contains(q) && !storedBefore.contains(q)) {
                        sent.add(q);
                        String answer = answerFor(e);
                        timer.schedule(() -> {
                            if (b == bot) {
                                b.sendJson("/app/games/" + game.pin + "/answer",
                                        "{\"question\":" + q + ",\"answer\":" + answer + "}");
                            }
                        }, ThreadLocalRandom.current().nextInt(800), TimeUnit.MILLISECONDS);
                    }
                }
                case "ACK" -> {
                    int q = e.get("question").asInt();
                    if (e.get("accepted").asBoolean()) {
                        acked.add(q);
                    } else if ("ALREADY_ANSWERED".equals(e.path("code").asText())) {
                        storedBefore.add(q);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                case "RESULT" -> points.put(e.get("index").asInt(), e.get("points").asInt());
                case "FINAL" -> finalScore = e.get("score").asInt();
                case "REVEAL" -> {
                    state = "REVEAL";
                    if (index < 0) {
                        command("next", e.get("index").asInt());
                    }
                }
                case "LEADERBOARD" -> {
                    state = "LEADERBOARD";
                    if (index < 0) {
                        command("next", e.get("index").asInt());
                    }
                }
                case "FINISHED" -> state = "FINISHED";
                default -> {
                }
            }
        }

        @Override
        public void failed(StompBot b, String what) {
            synchronized (this) {
                if (b != bot || stopped) {
                    return; // an old connection's late news, or the test is over
                }
                bot = null;
            }
            b.close();
            if (finalScore != null || index < 0 && "FINISHED".equals(state)) {
                return; // the game is over for this phone
            }
            if (drops.incrementAndGet() == 1 && killNanos != 0 && firstDropNanos.compareAndSet(0, System.nanoTime())) {
                System.out.printf("Cluster: first phone noticed the drop at %s: %s%n", java.time.Instant.now(), what);
            }
            dropReasons.add(what);
            reconnecting = true;
            timer.schedule(this::connect, RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** A right or wrong answer of the right shape for a warm-up question. */
    private static String answerFor(JsonNode question) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int choices = question.path("choices").size();
        return switch (question.get("questionType").asText()) {
            case "multi" -> r.nextBoolean() ? "[" + r.nextInt(choices) + "]" : "[0," + Math.max(1, choices - 1) + "]";
            case "type" -> r.nextBoolean() ? "\"carbon dioxide\"" : "\"oxygen\"";
            case "number" -> String.valueOf(6 + r.nextInt(4));
            default -> String.valueOf(r.nextInt(Math.max(choices, 1)));
        };
    }

    // ------------------------------------------------------------------ cluster plumbing

    /** Three games: the first alone on its node, the other two on other nodes; null if the candidates don't allow it yet. */
    private static List<Game> pick(List<Game> candidates, Map<String, Integer> owner) {
        for (Game victim : candidates) {
            List<Game> others = candidates.stream().filter(g -> !owner.get(g.pin).equals(owner.get(victim.pin))).toList();
            if (others.size() >= GAMES - 1) {
                List<Game> chosen = new ArrayList<>();
                chosen.add(victim);
                chosen.addAll(others.subList(0, GAMES - 1));
                return chosen;
            }
        }
        return null;
    }

    /** The index of the one node whose health lists {@code pin}, or -1 while none or several do. */
    private int owner(String pin, int[] nodePorts, Map<String, Integer> owners) {
        int found = -1;
        for (int i = 0; i < nodePorts.length; i++) {
            JsonNode games = new Api(nodePorts[i]).get("/api/health").body().get("games");
            for (JsonNode g : games) {
                if (g.asText().equals(pin)) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                }
            }
        }
        if (found >= 0) {
            owners.put(pin, found);
        }
        return found;
    }

    private static Map<String, Integer> leaseOwners(int[] nodePorts, int dead, Map<String, Integer> into) {
        for (int i = 0; i < nodePorts.length; i++) {
            if (i == dead) {
                continue;
            }
            for (JsonNode g : new Api(nodePorts[i]).get("/api/health").body().get("games")) {
                into.put(g.asText(), i + 1);
            }
        }
        return into;
    }

    private static JsonNode joinRetrying(Api api, String pin, String name) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Api.Response r = api.post("/api/games/" + pin + "/players", "{\"nickname\":\"" + name + "\"}");
            if (r.status() == 201) {
                return r.body();
            }
            // 503 GAME_MOVING while the game is handed to the node nginx sends its PIN to.
            if (r.status() != 503 || attempt > 100) {
                throw new AssertionError("join " + name + " to " + pin + ": " + r.status() + " " + r.text());
            }
            Thread.sleep(200);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Runs only in the PostgreSQL half, with a PostgreSQL database configured and nginx installed. */
    static final class NeedsPostgresqlAndNginx implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            ConditionEvaluationResult database = new TestDatabase.Condition().evaluateExecutionCondition(context);
            if (database.isDisabled()) {
                return database;
            }
            if (!TestDatabase.postgresqlRun()) {
                return ConditionEvaluationResult.disabled("ClusterIT runs in the PostgreSQL half only "
                        + "(failsafe execution 'postgresql')");
            }
            if (LocalCluster.nginxBinary() == null) {
                String why = "ClusterIT skipped: nginx is not installed (apt-get install nginx-light; .ci/run does)";
                System.out.println("[cluster] " + why);
                return ConditionEvaluationResult.disabled(why);
            }
            return ConditionEvaluationResult.enabled("PostgreSQL and nginx present");
        }
    }
}
