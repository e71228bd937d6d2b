package org.quizroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Load tool: one game, N bot players and a host bot speaking the real protocol (HTTP API plus
 * STOMP over WebSocket, docs/protocol.md) against a server on loopback.
 *
 * <p>Run it with {@code mvn -Pbench verify -Dbench.players=2000} (several sizes:
 * {@code -Dbench.players=100,500,1000,2000,5000}); each size gets a fresh server process
 * started from the packaged jar. Options (system properties):
 * <ul>
 * <li>{@code bench.players} – comma-separated player counts (default 2000)</li>
 * <li>{@code bench.thinkMs} – each bot answers after a uniform random 0..thinkMs after QUESTION (default 1000)</li>
 * <li>{@code bench.profile} – a file name: the server's CPU over the measured game's questions is recorded there
 * (async-profiler, JFR format; docs/benchmarks.md, "Where a question's CPU goes")</li>
 * <li>{@code bench.thinkFromMs} – added to every bot's think time (default 0): with it above the fan-out, no answer
 * arrives while a QUESTION is still being delivered, which shows the fan-out's own cost (a diagnostic)</li>
 * <li>{@code bench.quiz} – quiz id (default warm-up: five questions of five types)</li>
 * <li>{@code bench.serverXmx} – server heap cap (default 512m; empty for none)</li>
 * <li>{@code bench.serverJvmArgs} – extra server JVM options, space-separated</li>
 * <li>{@code bench.warmupPlayers}, {@code bench.warmupGames} – size (default 200, 0 for none) and number (default 1)
 * of the unmeasured games played first to warm the server's JIT</li>
 * <li>{@code bench.clients} – HttpClients the bots' WebSockets are shared over, each with its own selector
 * thread (default 4; 1 before stop 11)</li>
 * <li>{@code bench.url} – test a server that is already running (no process started, no heap/CPU figures)</li>
 * <li>{@code bench.jar}, {@code bench.quizzes} – the jar and quizzes folder (default target/quizroom-*.jar, quizzes/)</li>
 * <li>{@code bench.keep} – keep the server's temp dir (log, database)</li>
 * <li>{@code bench.delays} – one-way delays in ms, e.g. {@code 0,50,150,250}: bot i sits behind a simulated
 *     slow link of delays[i % k] each way, and the run prints a fairness figure: per delay, the time the
 *     server charged beyond what the bot itself spent between seeing the question and answering</li>
 * </ul>
 *
 * <p>What is measured: QUESTION and LEADERBOARD fan-out from the moment the host bot sends
 * {@code start}/{@code next} to each bot's receipt (an upper bound on server send → receipt:
 * it includes the host command's own trip); answer latency from a bot's SEND to its ACK;
 * RESULT from the last answer sent in a question to each bot's RESULT; answers acknowledged
 * versus rows stored (the report's {@code answerCount}); the order of events each bot saw.
 */
public final class LoadBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one run is shaped. */
    public record Config(int players, long thinkMs, String quizId, int joinConcurrency, int connectConcurrency,
                         Duration phaseTimeout, long settleMs) {
        public static Config of(int players) {
            return new Config(players, 1000, "warm-up", 8, 64, Duration.ofSeconds(90), 300);
        }

        public Config withThinkMs(long ms) {
            return new Config(players, ms, quizId, joinConcurrency, connectConcurrency, phaseTimeout, settleMs);
        }

        public Config withQuiz(String id) {
            return new Config(players, thinkMs, id, joinConcurrency, connectConcurrency, phaseTimeout, settleMs);
        }

        public Config withPhaseTimeout(Duration timeout) {
            return new Config(players, thinkMs, quizId, joinConcurrency, connectConcurrency, timeout, settleMs);
        }
    }

    /** Everything one run found. */
    public static final class Result {
        public int players;
        public int questions;
        public double joinsPerSecond;
        public double connectsPerSecond;
        public final Stats questionFanOut = new Stats();
        /** The first question's fan-out alone: the one that follows the lobby (class mode's weak point). */
        public final Stats firstQuestionFanOut = new Stats();
        /** Class mode: seconds from the first join to the last player's STATE (everyone in). */
        public double allJoinedSeconds = Double.NaN;
        public String mode = "locked";
        /** The game's PIN (the cluster bench finds its node by it). */
        public String pin;
        /** Slow-clients mode: fan-out to the other bots while the slow ones stall, and to the slow ones. */
        public final Stats fanOutOthersDuringStall = new Stats();
        public final Stats fanOutStalled = new Stats();
        public int slowBots;
        /** Reconnect storm: first drop to last STATE back (s), bots back, and the storm question's ACKs. */
        public double stormSeconds = Double.NaN;
        public int stormBack = -1;
        public final Stats stormAck = new Stats();
        public final Stats leaderboardFanOut = new Stats();
        public final Stats ackLatency = new Stats();
        public final Stats resultAfterLastAnswer = new Stats();
        public final List<String> perQuestion = new ArrayList<>();
        /** The fairness lines (with bench.delays), or empty. */
        public final List<String> fairness = new ArrayList<>();
        public int answersSent;
        public int acksAccepted;
        public int acksRefused;
        public int answersStored = -1;
        public int missingQuestion;
        public int missingAck;
        public int missingReveal;
        public int missingResult;
        public int missingLeaderboard;
        public int missingFinished;
        public int missingFinal;
        public int orderViolations;
        public final List<String> orderExamples = new CopyOnWriteArrayList<>();
        public final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        public final List<String> failures = new CopyOnWriteArrayList<>();
        public int failureCount;
        public int syncRetries;
        /** Why the run stopped early, or null. */
        public String aborted;
        public double maxAnswerRatePerSecond;
        // server process figures (NaN / -1 when the server runs in this JVM)
        public double serverCpuGameSeconds = Double.NaN;
        public double serverCpuGameCores = Double.NaN;
        public double serverPeakCpuCores = Double.NaN;
        public double serverPeakHeapMb = -1;
        public double serverLiveHeapMb = -1;
        public String serverRss = "?";
        public String serverThreads = "?";
        public double clientCpuSeconds;
        public double clientCpuGameCores;
        public double gameSeconds;
        /** CPU used by everything else on the machine during the game (other users' builds and tests), in cores. */
        public double backgroundCores = Double.NaN;
        public double serverCpuPerJoinMs = Double.NaN;
        public double serverCpuPerConnectMs = Double.NaN;
        /** Server CPU from the host's start/next to the last RESULT, per question. */
        public final List<Double> questionServerCpuSeconds = new ArrayList<>();
        public final List<Double> questionBackgroundCores = new ArrayList<>();

        /** All bots saw every event, in order, and every acknowledged answer is stored. */
        public boolean correct() {
            return missingQuestion + missingAck + missingReveal + missingResult + missingLeaderboard + missingFinished
                    + missingFinal + orderViolations == 0 && acksRefused == 0 && acksAccepted == answersSent
                    && answersStored == acksAccepted && failureCount == 0 && aborted == null;
        }

        public List<String> problems() {
            List<String> p = new ArrayList<>();
            if (acksAccepted != answersSent) {
                p.add("answers sent " + answersSent + " but accepted ACKs " + acksAccepted);
            }
            if (answersStored != acksAccepted) {
                p.add("accepted ACKs " + acksAccepted + " but stored " + answersStored);
            }
            if (acksRefused > 0) {
                p.add("refused ACKs " + acksRefused + " " + refusals);
            }
            addIf(p, missingQuestion, "QUESTION");
            addIf(p, missingAck, "ACK");
            addIf(p, missingReveal, "REVEAL");
            addIf(p, missingResult, "RESULT");
            addIf(p, missingLeaderboard, "LEADERBOARD");
            addIf(p, missingFinished, "FINISHED");
            addIf(p, missingFinal, "FINAL");
            if (orderViolations > 0) {
                p.add(orderViolations + " events out of order, e.g. " + orderExamples);
            }
            if (aborted != null) {
                p.add("run stopped early: " + aborted);
            }
            if (failureCount > 0) {
                p.add(failureCount + " client failures, e.g. " + failures);
            }
            return p;
        }

        private static void addIf(List<String> p, int n, String what) {
            if (n > 0) {
                p.add(n + " missing " + what);
            }
        }
    }

    // ------------------------------------------------------------------ per-bot state

    private static final int Q_MAX = 64;

    /** What one player bot saw; written on the executor thread that handles its frames. */
    private static final class Bot {
        final int n;
        final String nickname;
        String token;
        StompBot stomp;
        volatile boolean ready;
        volatile boolean sawLocked;
        volatile boolean finished;
        volatile boolean fin;
        /** bench.slowShare: this phone stalls (stops reading its socket) for bench.stallMs at QUESTION bench.stallAt. */
        boolean slow;
        /** bench.storm: this phone already dropped and came back in the storm. */
        volatile boolean stormed;
        volatile long droppedAt;
        final boolean[] answerScheduled = new boolean[Q_MAX];
        int seq;
        final long[] qRecv = new long[Q_MAX];
        final long[] ansSent = new long[Q_MAX];
        final long[] ackRecv = new long[Q_MAX];
        final long[] revRecv = new long[Q_MAX];
        final long[] resRecv = new long[Q_MAX];
        final long[] lbRecv = new long[Q_MAX];
        final int[] qSeq = new int[Q_MAX];
        final int[] ackSeq = new int[Q_MAX];
        final int[] revSeq = new int[Q_MAX];
        final int[] resSeq = new int[Q_MAX];
        final int[] lbSeq = new int[Q_MAX];

        Bot(int n) {
            this.n = n;
            this.nickname = "Bot " + n;
        }
    }

    private final String base;
    private final String wsUrl;
    private final Config cfg;
    /** One-way delays of the simulated slow links (bench.delays), empty for plain loopback. */
    private final long[] delays = Arrays.stream(System.getProperty("bench.delays", "").split(","))
            .filter(s -> !s.isBlank()).mapToLong(s -> Long.parseLong(s.strip())).toArray();
    /**
     * {@code bench.mode}: {@code locked} (default) joins everyone over HTTP, then connects everyone, locks the
     * lobby and waits for it to settle before {@code start}; {@code class} behaves like a class: each bot
     * joins and connects at once ({@code bench.inFlight} students at a time, default 50) and the host
     * presses Start the moment the last one is in.
     */
    /** bench.thinkFromMs: the shortest think time, ms (a diagnostic: answers kept out of the fan-out). */
    private static final long thinkFromMs = Long.getLong("bench.thinkFromMs", 0);
    private final boolean classMode = "class".equals(System.getProperty("bench.mode", "locked").strip());
    private final int classInFlight = Integer.getInteger("bench.inFlight", 50);
    /**
     * Slow clients: {@code bench.slowShare} of the bots (0..1) stop reading their socket for {@code bench.stallMs}
     * (default 10,000) right after receiving QUESTION {@code bench.stallAt} (default 1), like phones on weak Wi-Fi
     * or put in a pocket. They answer that question at once, and every later one when they read it. The host
     * and the figures follow the other bots: the point is that a stalled phone delays no one else.
     */
    private final double slowShare = Double.parseDouble(System.getProperty("bench.slowShare", "0"));
    private final long stallMs = Long.getLong("bench.stallMs", 10_000);
    private final int stallAt = Integer.getInteger("bench.stallAt", 1);
    /**
     * Reconnect storm: at QUESTION {@code bench.storm} (default -1, none) every bot drops its socket without a
     * word instead of answering, and comes back within {@code bench.stormSpreadMs} (default 3,000): a new
     * WebSocket, CONNECT with its token, sync, and it answers the question it is shown again.
     */
    private final int stormAt = Integer.getInteger("bench.storm", -1);
    private final long stormSpreadMs = Long.getLong("bench.stormSpreadMs", 3_000);
    private final AtomicInteger stormBack = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong stormFirstDrop = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong stormLastBack = new java.util.concurrent.atomic.AtomicLong();
    /** Bots the host waits for at each step: all but the slow ones. */
    private int normal;
    /** Runs every slow link's held frames, one at a time, so each bot's frames keep their order. */
    private final java.util.concurrent.ScheduledExecutorService linkLine =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-slow-links");
                t.setDaemon(true);
                return t;
            });
    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final List<ExecutorService> extraExecutors = new ArrayList<>();
    private final HttpClient[] wsClients;
    private final ScheduledExecutorService timer;
    private final PrintStream out;
    private final Result result = new Result();

    private String pin;
    private String hostToken;
    private StompBot host;
    private Bot[] bots;
    private int questionCount;
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicInteger lockedCount = new AtomicInteger();
    private final AtomicInteger finishedCount = new AtomicInteger();
    private final AtomicInteger finalCount = new AtomicInteger();
    private final AtomicIntegerArray questionCounts = new AtomicIntegerArray(Q_MAX);
    private final AtomicIntegerArray resultCounts = new AtomicIntegerArray(Q_MAX);
    private final AtomicIntegerArray leaderboardCounts = new AtomicIntegerArray(Q_MAX);
    private final LongAdder acceptedAcks = new LongAdder();
    private final LongAdder refusedAcks = new LongAdder();
    private final LongAdder answersSent = new LongAdder();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger syncRetries = new AtomicInteger();
    private volatile boolean closing;
    /** Set when the run cannot go on (the host's connection or many players' connections lost). */
    private volatile String aborted;
    private final AtomicInteger lostBots = new AtomicInteger();
    private final List<String> hostErrors = new CopyOnWriteArrayList<>();
    private volatile boolean hostConnected;
    private volatile boolean hostState;

    private LoadBench(String base, Config cfg, PrintStream out) {
        this.base = base;
        this.wsUrl = base.replaceFirst("^http", "ws") + "/ws";
        this.cfg = cfg;
        this.out = out;
        this.httpExecutor = Executors.newFixedThreadPool(2, daemon("bench-http"));
        this.http = httpClient(httpExecutor);
        // Each HttpClient reads all its WebSockets on one selector thread: with one for 5,000 bots, that thread
        // and not the server could decide how fast a question reaches the last bot. bench.clients shares the
        // bots' sockets over several clients (the HTTP joins and the host stay on the first).
        int clients = Math.max(1, Integer.getInteger("bench.clients", 4));
        this.wsClients = new HttpClient[clients];
        this.wsClients[0] = http;
        for (int i = 1; i < clients; i++) {
            ExecutorService executor = Executors.newFixedThreadPool(2, daemon("bench-ws" + i));
            extraExecutors.add(executor);
            wsClients[i] = httpClient(executor);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("bench-timer"));
    }

    /** An HTTP/1.1 client (one selector thread of its own) whose callbacks run on {@code executor}. */
    private static HttpClient httpClient(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** Optional view of a server process, for CPU and heap figures. */
    interface ServerProbe {
        double cpuSeconds();

        /** CPU time so far of the server's JIT compiler and of its garbage collector, thread by thread. */
        default BenchServer.CpuSplit cpuSplit() {
            return new BenchServer.CpuSplit(java.util.Map.of(), java.util.Map.of());
        }

        double peakHeapMb(long fromNanos, long toNanos);

        double peakCpuCores(long fromNanos, long toNanos);

        double liveHeapAfterGcMb();

        default String histogram() {
            return "";
        }

        /** The measured game's questions begin (bench.profile starts the server's profiler here). */
        default void questionsBegin() {
        }

        /** The measured game is over (bench.profile writes its recording here). */
        default void questionsEnd() {
        }

        String status(String field);
    }

    /** Plays one game of {@code cfg.players()} bots against the server at {@code baseUrl}. */
    public static Result run(String baseUrl, Config cfg, PrintStream log) throws Exception {
        return run(baseUrl, cfg, log, null);
    }

    static Result run(String baseUrl, Config cfg, PrintStream log, ServerProbe probe) throws Exception {
        LoadBench bench = new LoadBench(baseUrl, cfg, log);
        try {
            return bench.play(probe);
        } finally {
            bench.shutdown();
        }
    }

    private ServerProbe probe;

    private Result play(ServerProbe probe) throws Exception {
        this.probe = probe;
        long cpu0 = clientCpuNanos();
        int n = cfg.players();
        result.players = n;
        bots = new Bot[n];
        for (int i = 0; i < n; i++) {
            bots[i] = new Bot(i + 1);
        }
        int slowEvery = slowShare > 0 ? (int) Math.max(1, Math.round(1 / slowShare)) : 0;
        for (Bot b : bots) {
            b.slow = slowEvery > 0 && b.n % slowEvery == 0;
            result.slowBots += b.slow ? 1 : 0;
        }
        normal = n - result.slowBots;

        // -- open the game and connect the host
        JsonNode game = post("/api/games", "{\"quizId\":\"" + cfg.quizId() + "\",\"options\":{\"readingTime\":false}}", 201);
        pin = game.get("pin").asText();
        result.pin = pin;
        hostToken = game.get("hostToken").asText();
        JsonNode quizzes = get("/api/quizzes");
        for (JsonNode q : quizzes) {
            if (q.get("id").asText().equals(cfg.quizId())) {
                questionCount = q.get("questionCount").asInt();
            }
        }
        if (questionCount <= 0 || questionCount > Q_MAX) {
            throw new IllegalStateException("Quiz " + cfg.quizId() + " has " + questionCount + " questions");
        }
        result.questions = questionCount;
        host = new StompBot(pin, "host-token", hostToken, new HostHandler());
        settleOnItsNode();
        host.open(http, wsUrl()).get(30, TimeUnit.SECONDS);
        await(() -> hostState, Duration.ofSeconds(30), "host STATE");

        if (classMode) {
            result.mode = "class";
            joinLikeAClass();
        } else {
            joinThenConnectThenLock();
        }

        // -- the game
        double serverCpu0 = probe == null ? Double.NaN : probe.cpuSeconds();
        long clientCpu0 = clientCpuNanos();
        long[] machine0 = machineTicks();
        long game0 = System.nanoTime();
        if (probe != null) {
            probe.questionsBegin();
        }
        for (int q = 0; q < questionCount; q++) {
            playQuestion(q);
        }
        long t0 = System.nanoTime();
        host.sendJson(hostDest(), "{\"command\":\"next\"}");
        await(() -> finishedCount.get() >= n && finalCount.get() >= n,
                cfg.phaseTimeout().plusMillis(result.slowBots > 0 ? stallMs : 0), "FINISHED and FINAL");
        long finishedMs = (System.nanoTime() - t0) / 1_000_000;
        long game1 = System.nanoTime();
        long[] machine1 = machineTicks();
        double serverCpu1 = probe == null ? Double.NaN : probe.cpuSeconds();
        result.gameSeconds = (game1 - game0) / 1e9;
        result.clientCpuGameCores = (clientCpuNanos() - clientCpu0) / 1e9 / result.gameSeconds;
        log("game over: FINISHED+FINAL on every bot %d ms after the last next", finishedMs);
        if (probe != null) {
            probe.questionsEnd();
            result.serverCpuGameSeconds = serverCpu1 - serverCpu0;
            result.serverCpuGameCores = result.serverCpuGameSeconds / result.gameSeconds;
            if (machine0 != null && machine1 != null) {
                double busyCores = (machine1[0] - machine0[0]) / 100.0 / result.gameSeconds;
                result.backgroundCores = Math.max(0, busyCores - result.serverCpuGameCores - result.clientCpuGameCores);
            }
            result.serverPeakCpuCores = probe.peakCpuCores(game0, game1);
            result.serverPeakHeapMb = probe.peakHeapMb(0, Long.MAX_VALUE);
            result.serverRss = probe.status("VmRSS");
            result.serverThreads = probe.status("Threads");
            result.serverLiveHeapMb = probe.liveHeapAfterGcMb();
            if (Boolean.getBoolean("bench.histo")) {
                log("server heap histogram (live objects, %d players connected):%n%s", n, probe.histogram());
            }
            log("server CPU: %.2f ms per join, %.2f ms per connect, %.2f s in the game (%.2f cores); client %.2f cores;"
                            + " everything else on the machine %.2f cores", result.serverCpuPerJoinMs,
                    result.serverCpuPerConnectMs, result.serverCpuGameSeconds, result.serverCpuGameCores,
                    result.clientCpuGameCores, result.backgroundCores);
        }

        // -- what was stored
        JsonNode report = get("/api/games/" + pin + "/report", "X-Host-Token", hostToken);
        result.answersStored = report.get("answerCount").asInt();
        if (stormAt >= 0) {
            result.stormBack = stormBack.get();
            result.stormSeconds = stormFirstDrop.get() == 0 ? Double.NaN
                    : (stormLastBack.get() - stormFirstDrop.get()) / 1e9;
        }
        tally();
        fairness(report);
        result.clientCpuSeconds = (clientCpuNanos() - cpu0) / 1e9;
        closeAll();
        return result;
    }

    /** The project's own shape: everyone joins over HTTP, then everyone connects, then the lobby is locked and settles. */
    private void joinThenConnectThenLock() throws InterruptedException {
        int n = cfg.players();
        // -- join over HTTP
        double serverCpuJoin0 = probe == null ? Double.NaN : probe.cpuSeconds();
        long t = System.nanoTime();
        join();
        result.joinsPerSecond = n / ((System.nanoTime() - t) / 1e9);
        log("joined %d players in %.2f s (%.0f/s)", n, (System.nanoTime() - t) / 1e9, result.joinsPerSecond);

        // -- connect over STOMP: CONNECT, SUBSCRIBE x2, SEND sync, wait for STATE
        double serverCpuConnect0 = probe == null ? Double.NaN : probe.cpuSeconds();
        result.serverCpuPerJoinMs = (serverCpuConnect0 - serverCpuJoin0) * 1000 / n;
        t = System.nanoTime();
        connect();
        if (probe != null) {
            result.serverCpuPerConnectMs = (probe.cpuSeconds() - serverCpuConnect0) * 1000 / n;
        }
        result.connectsPerSecond = n / ((System.nanoTime() - t) / 1e9);
        log("connected %d players in %.2f s (%.0f/s)", n, (System.nanoTime() - t) / 1e9, result.connectsPerSecond);

        // -- lock: the LOBBY broadcast that follows proves every topic subscription is live
        host.sendJson(hostDest(), "{\"command\":\"lock\"}");
        await(() -> lockedCount.get() >= n, cfg.phaseTimeout(), "LOBBY locked broadcast on every bot");
        pause(cfg.settleMs() * 2);

    }

    /** The HttpClient that carries bot {@code b}'s WebSocket ({@code bench.clients}). */
    private HttpClient wsClient(Bot b) {
        return wsClients[b.n % wsClients.length];
    }

    /**
     * Class mode: each student joins over HTTP and connects at once, {@code bench.inFlight} at a time; the
     * host presses Start the moment the last one is in, with no lock and no pause, as a teacher would.
     */
    private void joinLikeAClass() throws InterruptedException {
        int n = cfg.players();
        Semaphore inFlight = new Semaphore(classInFlight);
        PlayerHandler handler = new PlayerHandler(inFlight);
        AtomicInteger failedJoins = new AtomicInteger();
        double cpu0 = probe == null ? Double.NaN : probe.cpuSeconds();
        BenchServer.CpuSplit split0 = probe == null ? null : probe.cpuSplit();
        long t = System.nanoTime();
        for (Bot b : bots) {
            inFlight.acquire();
            joinAsync(b, b.nickname, 0).whenComplete((x, e) -> {
                if (e != null) {
                    fail("join " + b.nickname + ": " + e);
                    failedJoins.incrementAndGet();
                    inFlight.release();
                    return;
                }
                b.stomp = new StompBot(pin, "player-token", b.token, handler);
                b.stomp.state = b;
                if (delays.length > 0) {
                    b.stomp.slowLink(delays[b.n % delays.length], linkLine);
                }
                b.stomp.open(wsClient(b), wsUrl()); // its failure reaches the handler, which frees the slot
            });
        }
        Duration patience = Duration.ofSeconds(Math.max(cfg.phaseTimeout().toSeconds(), n / 10));
        await(() -> readyCount.get() + failedJoins.get() >= n, patience, "every student in (STATE)");
        double seconds = (System.nanoTime() - t) / 1e9;
        result.allJoinedSeconds = seconds;
        result.joinsPerSecond = n / seconds;
        result.connectsPerSecond = n / seconds;
        String cpu = "";
        if (probe != null) {
            double serverCpu = probe.cpuSeconds() - cpu0;
            double[] split = probe.cpuSplit().since(split0);
            result.serverCpuPerJoinMs = serverCpu * 1000 / n;
            cpu = String.format(Locale.ROOT, "; server CPU %.1f s (JIT %.1f, GC %.1f)", serverCpu, split[0], split[1]);
        }
        log("class mode: %d students joined and connected in %.2f s (%.0f/s), %d in flight%s", n, seconds,
                result.joinsPerSecond, classInFlight, cpu);
    }

    private void playQuestion(int q) {
        int n = cfg.players();
        log("Q%d: host sends %s", q, q == 0 ? "start" : "next");
        double cpu0 = probe == null ? Double.NaN : probe.cpuSeconds();
        BenchServer.CpuSplit split0 = probe == null ? null : probe.cpuSplit();
        long[] machine0 = machineTicks();
        long client0 = clientCpuNanos();
        long t0 = System.nanoTime();
        host.sendJson(hostDest(), "{\"command\":\"" + (q == 0 ? "start" : "next") + "\"}");
        await(() -> questionCounts.get(q) >= normal, cfg.phaseTimeout(), "QUESTION " + q + " on every bot");
        // Who used the two cores while the QUESTION went out: the server, or the bots receiving it (and answering).
        double fanWallMs = (System.nanoTime() - t0) / 1e6;
        double fanServerMs = probe == null ? Double.NaN : (probe.cpuSeconds() - cpu0) * 1000;
        double fanBotsMs = (clientCpuNanos() - client0) / 1e6;
        Stats fan = new Stats();
        for (Bot b : bots) {
            if (b.qRecv[q] != 0 && !b.slow) {
                fan.add(b.qRecv[q] - t0);
            }
        }
        if (result.slowBots > 0 && q > stallAt) {
            // The question after the stall began: were the others served while the slow ones held the line?
            if (q == stallAt + 1) {
                result.fanOutOthersDuringStall.addAll(fan);
            }
            await(() -> java.util.Arrays.stream(bots).filter(b -> b.slow).allMatch(b -> b.qRecv[q] != 0),
                    cfg.phaseTimeout().plusMillis(stallMs), "QUESTION " + q + " on the slow bots");
            for (Bot b : bots) {
                if (b.slow && b.qRecv[q] != 0) {
                    result.fanOutStalled.add(b.qRecv[q] - t0);
                }
            }
        }
        // The question closes by itself once every connected player answered.
        await(() -> resultCounts.get(q) >= normal, cfg.phaseTimeout().plusMillis(result.slowBots > 0 ? stallMs : 0),
                "RESULT " + q + " on every bot");
        double wall = (System.nanoTime() - t0) / 1e9;
        double serverCpu = probe == null ? Double.NaN : probe.cpuSeconds() - cpu0;
        double[] split = probe == null ? null : probe.cpuSplit().since(split0);
        long[] machine1 = machineTicks();
        double others = machine0 == null || machine1 == null ? Double.NaN
                : Math.max(0, (machine1[0] - machine0[0]) / 100.0 - serverCpu - (clientCpuNanos() - client0) / 1e9) / wall;
        result.questionServerCpuSeconds.add(serverCpu);
        result.questionBackgroundCores.add(others);
        pause(cfg.settleMs());
        long firstAnswer = Long.MAX_VALUE;
        long lastAnswer = 0;
        Stats ack = new Stats();
        for (Bot b : bots) {
            if (b.ansSent[q] != 0) {
                firstAnswer = Math.min(firstAnswer, b.ansSent[q]);
                lastAnswer = Math.max(lastAnswer, b.ansSent[q]);
                if (b.ackRecv[q] != 0) {
                    ack.add(b.ackRecv[q] - b.ansSent[q]);
                    if (q == stormAt) {
                        result.stormAck.add(b.ackRecv[q] - b.ansSent[q]);
                    }
                }
            }
        }
        Stats res = new Stats();
        for (Bot b : bots) {
            if (b.resRecv[q] != 0 && lastAnswer != 0) {
                res.add(Math.max(0, b.resRecv[q] - lastAnswer));
            }
        }
        double window = (lastAnswer - firstAnswer) / 1e9;
        double rate = window > 0 ? ack.count() / window : 0;
        result.maxAnswerRatePerSecond = Math.max(result.maxAnswerRatePerSecond, rate);
        Stats lb = new Stats();
        if (q < questionCount - 1) {
            long t1 = System.nanoTime();
            host.sendJson(hostDest(), "{\"command\":\"next\"}");
            await(() -> leaderboardCounts.get(q) >= normal, cfg.phaseTimeout(), "LEADERBOARD " + q + " on every bot");
            for (Bot b : bots) {
                if (b.lbRecv[q] != 0) {
                    lb.add(b.lbRecv[q] - t1);
                }
            }
            pause(cfg.settleMs());
        }
        result.questionFanOut.addAll(fan);
        if (q == 0) {
            result.firstQuestionFanOut.addAll(fan);
        }
        result.ackLatency.addAll(ack);
        result.resultAfterLastAnswer.addAll(res);
        result.leaderboardFanOut.addAll(lb);
        String line = String.format(Locale.ROOT,
                "Q%d: QUESTION first %s / p50 / p99 / max %s ms | %d answers over %.2f s (%.0f/s), ACK %s ms | RESULT after last answer %s ms"
                        + " | LEADERBOARD %s ms", q, Stats.ms(fan.percentileMs(0)), fan.summary(), ack.count(), window, rate, ack.summary(),
                res.summary(), lb.count() == 0 ? "–" : lb.summary());
        if (probe != null) {
            line += String.format(Locale.ROOT, " | server CPU %.0f ms (JIT %.0f, GC %.0f) over %.1f s, other load %.2f cores"
                            + " | until the last QUESTION (%.0f ms): server CPU %.0f ms, bots %.0f ms",
                    serverCpu * 1000, split[0] * 1000, split[1] * 1000, wall, others, fanWallMs, fanServerMs, fanBotsMs);
        }
        result.perQuestion.add(line);
        log("%s", line);
    }

    // ------------------------------------------------------------------ joining and connecting

    private void join() throws InterruptedException {
        Semaphore inFlight = new Semaphore(cfg.joinConcurrency());
        AtomicInteger done = new AtomicInteger();
        for (Bot b : bots) {
            inFlight.acquire();
            joinAsync(b, b.nickname, 0).whenComplete((x, e) -> {
                if (e != null) {
                    fail("join " + b.nickname + ": " + e);
                }
                done.incrementAndGet();
                inFlight.release();
            });
        }
        await(() -> done.get() >= bots.length, cfg.phaseTimeout(), "joins");
    }

    private CompletableFuture<Void> joinAsync(Bot b, String nickname, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/games/" + pin + "/players"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"nickname\":\"" + nickname + "\"}")).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() == 201) {
                b.token = readTree(r.body()).get("playerToken").asText();
                return CompletableFuture.completedFuture(null);
            }
            if ((r.statusCode() == 400 || r.statusCode() == 409) && attempt < 3) {
                return joinAsync(b, "Bot " + b.n + "-" + (attempt + 1), attempt + 1);
            }
            return CompletableFuture.failedFuture(new IllegalStateException(r.statusCode() + " " + r.body()));
        });
    }

    private void connect() throws InterruptedException {
        Semaphore inFlight = new Semaphore(cfg.connectConcurrency());
        PlayerHandler handler = new PlayerHandler(inFlight);
        int opened = 0;
        for (Bot b : bots) {
            if (b.token == null) {
                continue;
            }
            inFlight.acquire();
            b.stomp = new StompBot(pin, "player-token", b.token, handler);
            b.stomp.state = b;
            if (delays.length > 0) {
                b.stomp.slowLink(delays[b.n % delays.length], linkLine);
            }
            b.stomp.open(wsClient(b), wsUrl()).whenComplete((ws, e) -> {
                if (e != null) {
                    inFlight.release();
                }
            });
            opened++;
        }
        int expected = opened;
        await(() -> readyCount.get() >= expected, cfg.phaseTimeout(), "STATE on every bot");
    }

    // ------------------------------------------------------------------ frame handling

    private final class PlayerHandler implements StompBot.Handler {
        private final Semaphore connecting;

        PlayerHandler(Semaphore connecting) {
            this.connecting = connecting;
        }

        @Override
        public void connected(StompBot stomp) {
            stomp.subscribe("0", "/topic/games/" + pin);
            stomp.subscribe("1", "/user/queue/events");
            syncUntilState(stomp, (Bot) stomp.state, 0);
        }

        /**
         * Sends sync, and again if no STATE came back in time (a tenth of the phase timeout, at least
         * a second: on a busy machine a STATE can take longer than a second, which is not a loss): the
         * server may handle a client's SEND before its SUBSCRIBE (frames of one connection run on a
         * thread pool), and then the reply goes nowhere. Counted, so the table shows when that happens.
         */
        private void syncUntilState(StompBot stomp, Bot b, int attempt) {
            if ((b.ready && b.droppedAt == 0) || attempt > 10 || stomp != b.stomp) {
                return; // in, and not coming back from a storm's drop; or a socket the storm replaced
            }
            if (attempt > 0) {
                syncRetries.incrementAndGet();
            }
            stomp.sendJson("/app/games/" + pin + "/sync", "{}");
            long patienceMs = Math.max(1_000, cfg.phaseTimeout().toMillis() / 10);
            timer.schedule(() -> syncUntilState(stomp, b, attempt + 1), patienceMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void message(StompBot stomp, String destination, String body, long now) {
            Bot b = (Bot) stomp.state;
            String type = type(body);
            b.seq++;
            switch (type) {
                case "STATE" -> {
                    if (!b.ready) {
                        b.ready = true;
                        readyCount.incrementAndGet();
                        connecting.release();
                    } else if (b.stormed && b.droppedAt != 0) {
                        b.droppedAt = 0;
                        stormBack.incrementAndGet();
                        stormLastBack.accumulateAndGet(now, Math::max);
                    }
                }
                case "LOBBY" -> {
                    if (destination != null && destination.startsWith("/topic/") && body.contains("\"locked\":true")
                            && !b.sawLocked) {
                        b.sawLocked = true;
                        lockedCount.incrementAndGet();
                    }
                }
                case "PING" -> stomp.sendJson("/app/games/" + pin + "/pong",
                        "{\"seq\":" + readTree(body).get("seq").asLong() + "}");
                case "QUESTION" -> {
                    JsonNode e = readTree(body);
                    int q = e.get("index").asInt();
                    if (b.qRecv[q] == 0) {
                        b.qRecv[q] = now;
                        b.qSeq[q] = b.seq;
                        if (!b.slow) {
                            questionCounts.incrementAndGet(q);
                        }
                    }
                    if (q == stormAt && !b.stormed) {
                        b.stormed = true;
                        drop(b);
                        return;
                    }
                    if (!b.answerScheduled[q] && !e.path("answered").asBoolean(false)) {
                        b.answerScheduled[q] = true;
                        String answer = answerFor(e);
                        long think = thinkFromMs
                                + (cfg.thinkMs() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cfg.thinkMs() + 1));
                        timer.schedule(() -> {
                            b.ansSent[q] = System.nanoTime();
                            answersSent.increment();
                            stomp.sendJson("/app/games/" + pin + "/answer",
                                    "{\"question\":" + q + ",\"answer\":" + answer + "}");
                        }, think, TimeUnit.MILLISECONDS);
                    }
                    if (b.slow && q == stallAt) {
                        stomp.stallAfterThisFrame(stallMs);
                    }
                }
                case "ACK" -> {
                    JsonNode e = readTree(body);
                    int q = e.get("question").asInt();
                    if (e.get("accepted").asBoolean()) {
                        acceptedAcks.increment();
                    } else {
                        refusedAcks.increment();
                        result.refusals.merge(e.path("code").asText(), 1, Integer::sum);
                    }
                    if (b.ackRecv[q] == 0) {
                        b.ackRecv[q] = now;
                        b.ackSeq[q] = b.seq;
                    }
                }
                case "REVEAL" -> {
                    int q = intField(body, "\"index\":");
                    if (b.revRecv[q] == 0) {
                        b.revRecv[q] = now;
                        b.revSeq[q] = b.seq;
                    }
                }
                case "RESULT" -> {
                    int q = intField(body, "\"index\":");
                    if (b.resRecv[q] == 0) {
                        b.resRecv[q] = now;
                        b.resSeq[q] = b.seq;
                        if (!b.slow) {
                            resultCounts.incrementAndGet(q);
                        }
                    }
                }
                case "LEADERBOARD" -> {
                    int q = intField(body, "\"index\":");
                    if (b.lbRecv[q] == 0) {
                        b.lbRecv[q] = now;
                        b.lbSeq[q] = b.seq;
                        if (!b.slow) {
                            leaderboardCounts.incrementAndGet(q);
                        }
                    }
                }
                case "FINISHED" -> {
                    if (!b.finished) {
                        b.finished = true;
                        finishedCount.incrementAndGet();
                    }
                }
                case "FINAL" -> {
                    if (!b.fin) {
                        b.fin = true;
                        finalCount.incrementAndGet();
                    }
                }
                case "ERROR" -> fail(b.nickname + " got " + body);
                default -> {
                }
            }
        }

        /** The storm: this phone's socket dies without a word, and a new one comes back within the spread. */
        private void drop(Bot b) {
            long at = System.nanoTime();
            b.droppedAt = at;
            stormFirstDrop.compareAndSet(0, at);
            b.stomp.abort();
            long back = ThreadLocalRandom.current().nextLong(stormSpreadMs + 1);
            timer.schedule(() -> {
                StompBot fresh = new StompBot(pin, "player-token", b.token, this);
                fresh.state = b;
                b.stomp = fresh;
                fresh.open(wsClient(b), wsUrl());
            }, back, TimeUnit.MILLISECONDS);
        }

        @Override
        public void failed(StompBot stomp, String what) {
            Bot b = (Bot) stomp.state;
            if (!b.ready) {
                connecting.release();
            }
            fail(b.nickname + ": " + what);
            if ((what.startsWith("closed") || what.startsWith("transport") || what.startsWith("open"))
                    && lostBots.incrementAndGet() > Math.max(10, bots.length / 20) && aborted == null && !closing) {
                aborted = lostBots.get() + " player connections lost";
            }
        }
    }

    private final class HostHandler implements StompBot.Handler {
        @Override
        public void connected(StompBot stomp) {
            hostConnected = true;
            stomp.subscribe("0", "/topic/games/" + pin);
            stomp.subscribe("1", "/user/queue/events");
            stomp.sendJson("/app/games/" + pin + "/sync", "{}");
        }

        @Override
        public void message(StompBot stomp, String destination, String body, long now) {
            String type = type(body);
            if (type.equals("STATE")) {
                hostState = true;
            } else if (type.equals("ERROR")) {
                hostErrors.add(body);
                fail("host got " + body);
            }
        }

        @Override
        public void failed(StompBot stomp, String what) {
            fail("host: " + what);
            if (!closing && (what.startsWith("closed") || what.startsWith("transport"))) {
                aborted = "the host's connection was lost (" + what + ")";
            }
        }
    }

    /** A plausible answer of the right shape for the question, right or wrong at random. */
    private static String answerFor(JsonNode question) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int choices = question.path("choices").size();
        return switch (question.get("questionType").asText()) {
            case "multi" -> r.nextBoolean() ? "[" + r.nextInt(choices) + "]"
                    : "[0," + Math.max(1, choices - 1) + "]";
            case "order" -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < choices; i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, r);
                yield order.toString().replace(" ", "");
            }
            case "type" -> r.nextBoolean() ? "\"carbon dioxide\"" : "\"oxygen\"";
            case "number" -> String.valueOf(6 + r.nextInt(4));
            default -> String.valueOf(r.nextInt(Math.max(choices, 1)));
        };
    }

    // ------------------------------------------------------------------ tallying

    /**
     * Equal thinking should earn equal points whatever the link (issue 16). For each answer: what the bot
     * spent between the QUESTION reaching it and its answer leaving it, against the time the server scored;
     * the difference is what the server charged for the network and its own queues. Printed per one-way
     * delay as mean / p50 / p90 ms, and as points on a 20 s question (1 point = 40 ms). Answers sent
     * within 50 ms are left out (the score's clamp at 0 would hide what was charged).
     */
    private void fairness(JsonNode report) {
        if (delays.length == 0) {
            return;
        }
        Map<String, Bot> byName = new java.util.HashMap<>();
        for (Bot b : bots) {
            byName.put(b.nickname, b);
        }
        Map<Long, List<Double>> charged = new java.util.TreeMap<>();
        for (JsonNode p : report.get("players")) {
            Bot b = byName.get(p.get("nickname").asText());
            if (b == null) {
                continue;
            }
            for (JsonNode a : p.get("answers")) {
                int q = a.get("question").asInt();
                if (a.path("responseMs").isMissingNode() || a.get("responseMs").isNull() || b.qRecv[q] == 0
                        || b.ansSent[q] == 0) {
                    continue;
                }
                double spentMs = (b.ansSent[q] - b.qRecv[q]) / 1e6;
                if (spentMs < 50) {
                    continue;
                }
                charged.computeIfAbsent(b.stomp.oneWayMs(), d -> new ArrayList<>())
                        .add(a.get("responseMs").asLong() - spentMs);
            }
        }
        charged.forEach((delay, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            String line = String.format(Locale.ROOT,
                    "fairness: one-way %d ms: %d answers, charged beyond thinking mean %.0f / p50 %.0f / p90 %.0f ms"
                            + " = %.1f points on a 20 s question",
                    delay, v.length, mean, v[(v.length - 1) / 2], v[(int) Math.ceil(0.9 * v.length) - 1], mean / 40);
            result.fairness.add(line);
            log("%s", line);
        });
    }

    private void tally() {
        int last = questionCount - 1;
        for (Bot b : bots) {
            for (int q = 0; q < questionCount; q++) {
                if (b.qRecv[q] == 0) {
                    result.missingQuestion++;
                }
                if (b.ansSent[q] != 0 && b.ackRecv[q] == 0) {
                    result.missingAck++;
                }
                if (b.revRecv[q] == 0) {
                    result.missingReveal++;
                }
                if (b.resRecv[q] == 0) {
                    result.missingResult++;
                }
                if (q < last && b.lbRecv[q] == 0) {
                    result.missingLeaderboard++;
                }
                // QUESTION → ACK → REVEAL → RESULT → LEADERBOARD → next QUESTION
                int[] order = q < last
                        ? new int[] {b.qSeq[q], b.ackSeq[q], b.revSeq[q], b.resSeq[q], b.lbSeq[q], b.qSeq[q + 1]}
                        : new int[] {b.qSeq[q], b.ackSeq[q], b.revSeq[q], b.resSeq[q]};
                for (int i = 1; i < order.length; i++) {
                    if (order[i - 1] != 0 && order[i] != 0 && order[i - 1] >= order[i]) {
                        result.orderViolations++;
                        if (result.orderExamples.size() < 3) {
                            result.orderExamples.add(b.nickname + " Q" + q + " seqs " + Arrays.toString(order));
                        }
                        break;
                    }
                }
            }
            if (!b.finished) {
                result.missingFinished++;
            }
            if (!b.fin) {
                result.missingFinal++;
            }
        }
        result.answersSent = (int) answersSent.sum();
        result.acksAccepted = (int) acceptedAcks.sum();
        result.acksRefused = (int) refusedAcks.sum();
        result.failureCount = failures.get();
        result.syncRetries = syncRetries.get();
        result.aborted = aborted;
    }


    // ------------------------------------------------------------------ command line

    /** Runs each size against a fresh server process and prints the table. Exits 1 if a run was incorrect. */
    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.cluster")) {
            ClusterBench.main(args); // -Dbench.cluster=true: PostgreSQL, nginx and several nodes
            return;
        }
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.players", "2000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        long think = Long.getLong("bench.thinkMs", 1000);
        String quiz = System.getProperty("bench.quiz", "warm-up");
        String url = System.getProperty("bench.url", "").trim();
        String xmx = System.getProperty("bench.serverXmx", "512m").trim();
        List<String> jvmArgs = Arrays.stream(System.getProperty("bench.serverJvmArgs", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        boolean keep = Boolean.getBoolean("bench.keep");
        int warmup = Integer.getInteger("bench.warmupPlayers", 200);
        int warmupGames = Integer.getInteger("bench.warmupGames", 1);
        Path quizzes = Path.of(System.getProperty("bench.quizzes", "quizzes"));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Quizroom load bench: %s players, quiz %s, think time 0–%d ms, %d cores (nproc), "
                        + "server heap cap %s, Java %s%n", sizes, quiz, think, Runtime.getRuntime().availableProcessors(),
                xmx.isEmpty() ? "none" : xmx, System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            Config cfg = Config.of(size).withThinkMs(think).withQuiz(quiz);
            if (!url.isEmpty()) {
                results.add(run(url, cfg, out));
                continue;
            }
            Path jar = jar();
            try (BenchServer server = BenchServer.start(jar, quizzes, xmx, jvmArgs, keep)) {
                out.printf(Locale.ROOT, "[bench %d] server pid %d on port %d, log %s%n", size, server.pid(),
                        server.port(), server.log());
                String base = "http://127.0.0.1:" + server.port();
                for (int g = 1; warmup > 0 && g <= warmupGames; g++) {
                    // Unmeasured games warm the server's JIT, as the day's earlier lessons would. On two cores
                    // the JIT compiler took about a third of the server's CPU through the first games, so
                    // each warm-up game's joining time is printed: the curve shows when it has settled.
                    long t = System.nanoTime();
                    double cpu0 = server.cpuSeconds();
                    BenchServer.CpuSplit split0 = server.cpuSplit();
                    Result w = run(base, Config.of(Math.min(warmup, size)).withThinkMs(think).withQuiz(quiz), null);
                    double[] split = server.cpuSplit().since(split0);
                    out.printf(Locale.ROOT, "[bench %d] warm-up game %d of %d players in %.1f s (everyone in %.2f s),"
                                    + " server CPU %.1f s (JIT %.1f, GC %.1f)%s%n",
                            size, g, w.players, (System.nanoTime() - t) / 1e9, w.allJoinedSeconds,
                            server.cpuSeconds() - cpu0, split[0], split[1],
                            w.correct() ? "" : ", problems: " + w.problems());
                }
                Result r = run(base, cfg, out, probe(server));
                results.add(r);
                out.println(table(List.of(r)));
                r.fairness.forEach(out::println);
                extras(r).forEach(out::println);
                out.printf(Locale.ROOT, "[bench %d] sync re-sent %d times (STATE lost: SEND handled before SUBSCRIBE)%n",
                        size, r.syncRetries);
                for (String line : server.problems(5)) {
                    out.println("[bench " + size + "] server log: " + line);
                }
            }
        }
        out.println();
        out.println(table(results));
        boolean ok = true;
        for (Result r : results) {
            if (!r.correct()) {
                ok = false;
                out.println("INCORRECT at " + r.players + " players: " + r.problems());
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static Path jar() throws IOException {
        String given = System.getProperty("bench.jar", "").trim();
        if (!given.isEmpty()) {
            return Path.of(given);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("quizroom-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/quizroom-*.jar: run mvn package first"));
        }
    }

    private static ServerProbe probe(BenchServer s) {
        return new ServerProbe() {
            @Override
            public double cpuSeconds() {
                return s.cpuSeconds();
            }

            @Override
            public BenchServer.CpuSplit cpuSplit() {
                return s.cpuSplit();
            }

            @Override
            public double peakHeapMb(long fromNanos, long toNanos) {
                return s.peakHeapMb(fromNanos, toNanos);
            }

            @Override
            public double peakCpuCores(long fromNanos, long toNanos) {
                return s.peakCpuCores(fromNanos, toNanos);
            }

            @Override
            public double liveHeapAfterGcMb() {
                return s.liveHeapAfterGcMb();
            }

            @Override
            public String status(String field) {
                return s.status(field);
            }

            @Override
            public String histogram() {
                return s.histogram(30);
            }

            private ServerProfiler profiler;

            @Override
            public void questionsBegin() {
                String file = System.getProperty("bench.profile", "").trim();
                if (!file.isEmpty()) {
                    profiler = ServerProfiler.start(s.pid(), Path.of(file));
                }
            }

            @Override
            public void questionsEnd() {
                if (profiler != null) {
                    System.out.println("[bench] server CPU profile of the questions: " + profiler.stop());
                    profiler = null;
                }
            }
        };
    }

    /** The figures of several runs as a Markdown table, then each run's verdict against the targets. */
    public static String table(List<Result> results) {
        StringBuilder t = new StringBuilder();
        t.append("| players | mode | joins/s | connects/s | everyone in (s) | first QUESTION p99 (ms) "
                + "| QUESTION fan-out p50 / p99 / max (ms) | answers/s (peak) "
                + "| ACK p50 / p99 / max (ms) | RESULT after last answer p50 / p99 / max (ms) "
                + "| LEADERBOARD p99 (ms) | answers sent / ACKed / stored | events missing / out of order "
                + "| server CPU in game, avg / 1 s peak (cores) | other load on the machine (cores) "
                + "| server heap peak / live after GC (MB) | server RSS |\n");
        t.append("|---:|---|---:|---:|---:|---:|---|---:|---|---|---:|---|---|---|---:|---|---:|\n");
        for (Result r : results) {
            int missing = r.missingQuestion + r.missingAck + r.missingReveal + r.missingResult + r.missingLeaderboard
                    + r.missingFinished + r.missingFinal;
            t.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %s | %s | %s | %.0f | %s | %s | %s | %d / %d / %d "
                            + "| %d / %d | %s / %s | %s | %s / %s | %s |\n",
                    r.players, r.mode, r.joinsPerSecond, r.connectsPerSecond, num(r.allJoinedSeconds, 1),
                    Stats.ms(r.firstQuestionFanOut.percentileMs(99)), r.questionFanOut.summary(),
                    r.maxAnswerRatePerSecond, r.ackLatency.summary(), r.resultAfterLastAnswer.summary(),
                    Stats.ms(r.leaderboardFanOut.percentileMs(99)), r.answersSent, r.acksAccepted, r.answersStored,
                    missing, r.orderViolations, num(r.serverCpuGameCores, 2), num(r.serverPeakCpuCores, 2),
                    num(r.backgroundCores, 2), num(r.serverPeakHeapMb, 0), num(r.serverLiveHeapMb, 0), r.serverRss.replace(" kB", " kB")));
        }
        t.append("\nTargets (QUESTION p99 ≤ 100 ms, ACK p99 ≤ 250 ms, every answer ACKed and stored, heap < 512 MB):\n");
        for (Result r : results) {
            t.append(String.format(Locale.ROOT, "- %d players: QUESTION p99 %s, ACK p99 %s, answers %s, heap %s%s%n",
                    r.players,
                    verdict(r.questionFanOut.percentileMs(99) <= 100),
                    verdict(r.ackLatency.percentileMs(99) <= 250),
                    verdict(r.correct()),
                    r.serverPeakHeapMb < 0 ? "not measured" : verdict(r.serverPeakHeapMb < 512),
                    r.correct() ? "" : " — " + r.problems()));
        }
        return t.toString();
    }

    /** The slow-clients and reconnect-storm figures of a run, if it had them. */
    static List<String> extras(Result r) {
        List<String> lines = new ArrayList<>();
        if (r.slowBots > 0) {
            lines.add(String.format(Locale.ROOT, "[slow clients] %d of %d bots stalled; QUESTION fan-out to the others "
                            + "while they stalled p50 / p99 / max %s ms; to the stalled bots %s ms; ACK p99 (all) %s ms",
                    r.slowBots, r.players, r.fanOutOthersDuringStall.summary(), r.fanOutStalled.summary(),
                    Stats.ms(r.ackLatency.percentileMs(99))));
        }
        if (r.stormBack >= 0) {
            lines.add(String.format(Locale.ROOT, "[reconnect storm] %d of %d bots dropped and came back in %.2f s "
                            + "(first drop to last STATE); that question's ACK p50 / p99 / max %s ms",
                    r.stormBack, r.players, r.stormSeconds, r.stormAck.summary()));
        }
        return lines;
    }

    private static String verdict(boolean ok) {
        return ok ? "met" : "MISSED";
    }

    private static String num(double v, int decimals) {
        if (Double.isNaN(v) || v < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    // ------------------------------------------------------------------ helpers

    /** The WebSocket URL with the game's PIN, which nginx uses to route it to the game's node (one node ignores it). */
    private String wsUrl() {
        return wsUrl + "?pin=" + pin;
    }

    /**
     * Behind nginx a game opens on any node and moves to the node its PIN hashes to on the first connection or
     * join that names it (close 1013 or 503 GAME_MOVING meanwhile, which the pages retry): a host connection
     * is tried until it gets its STATE, so no bot meets the move. On one node the first try succeeds.
     */
    private void settleOnItsNode() throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            StompBot probe = new StompBot(pin, "host-token", hostToken, new StompBot.Handler() {
                @Override
                public void connected(StompBot bot) {
                    bot.subscribe("0", "/user/queue/events");
                    bot.sendJson("/app/games/" + pin + "/sync", "{}");
                }

                @Override
                public void message(StompBot bot, String destination, String body, long receivedNanos) {
                    if (type(body).equals("STATE")) {
                        outcome.complete("STATE");
                    }
                }

                @Override
                public void failed(StompBot bot, String what) {
                    outcome.complete(what);
                }
            });
            probe.open(http, wsUrl());
            String got = outcome.get(60, TimeUnit.SECONDS);
            probe.close();
            if (got.equals("STATE")) {
                return;
            }
            pause(300);
        }
        throw new IllegalStateException("Game " + pin + " never settled on a node");
    }

    private String hostDest() {
        return "/app/games/" + pin + "/host";
    }

    private void fail(String what) {
        if (closing) {
            return;
        }
        if (failures.incrementAndGet() <= 5) {
            result.failures.add(what);
            log("client failure: %s", what);
        }
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (aborted != null) {
                fail("gave up waiting for " + what + ": " + aborted);
                return;
            }
            if (System.nanoTime() > end) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
                return;
            }
            pause(2);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String type(String body) {
        // Events are records serialised with "type" first: {"type":"QUESTION",...}
        int at = body.indexOf("\"type\":\"");
        if (at < 0) {
            return "";
        }
        int from = at + 8;
        return body.substring(from, body.indexOf('"', from));
    }

    private static int intField(String body, String key) {
        int at = body.indexOf(key);
        int i = at + key.length();
        int v = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            v = v * 10 + (body.charAt(i++) - '0');
        }
        return v;
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON: " + text, e);
        }
    }

    private JsonNode post(String path, String body, int expect) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return readTree(r.body());
    }

    private JsonNode get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + r.statusCode() + " " + r.body());
        }
        return readTree(r.body());
    }

    private void closeAll() {
        closing = true;
        for (Bot b : bots) {
            if (b.stomp != null) {
                b.stomp.close();
            }
        }
        if (host != null) {
            host.close();
        }
        pause(500);
    }

    private void shutdown() {
        timer.shutdownNow();
        httpExecutor.shutdownNow();
        extraExecutors.forEach(ExecutorService::shutdownNow);
    }

    private void log(String format, Object... args) {
        if (out != null) {
            out.printf(Locale.ROOT, "[bench %d %s] " + format + "%n", prepend(cfg.players(), args));
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = first;
        all[1] = java.time.LocalTime.now().toString();
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    /** Busy CPU ticks of the whole machine (user, nice, system, irq, softirq, steal), from /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long clientCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
