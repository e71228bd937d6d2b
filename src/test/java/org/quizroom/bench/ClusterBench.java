package org.quizroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quizroom.cluster.LocalCluster;
import org.quizroom.support.TestDatabase;

/**
 * The load bench against a cluster: PostgreSQL, nginx and {@code bench.nodes} nodes on loopback (as
 * docs/deploy.md), and {@code bench.games} games of {@code bench.players} bots each, played at once through
 * nginx. Prints each game's row (as {@link LoadBench}) and a line per node: which games it ran and their
 * figures together.
 *
 * <p>Needs PostgreSQL ({@code QUIZROOM_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}: a fresh database is
 * made) and nginx; run with {@code mvn -Pbench verify -Dbench.cluster=true -Dbench.players=500}. Every
 * process shares this machine's cores, so the figures say how the pieces behave together, not what three
 * machines would do. {@code bench.mode=class} and the other LoadBench options apply to every game.
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 3);
        int games = Integer.getInteger("bench.games", 3);
        int players = Integer.parseInt(System.getProperty("bench.players", "500").split(",")[0].trim());
        long think = Long.getLong("bench.thinkMs", 1000);
        String xmx = System.getProperty("bench.serverXmx", "512m").trim();
        if (!TestDatabase.postgresqlAvailable()) {
            System.out.println("The cluster bench needs PostgreSQL: set QUIZROOM_TEST_PG_URL, QUIZROOM_TEST_PG_USER"
                    + " and QUIZROOM_TEST_PG_PASSWORD (see README, 'PostgreSQL half').");
            System.exit(2);
        }
        if (LocalCluster.nginxBinary() == null) {
            System.out.println("The cluster bench needs nginx (apt-get install nginx-light).");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("quizroom-cluster-bench-");
        System.out.printf(Locale.ROOT, "Quizroom cluster bench: %d nodes behind nginx, %d games of %d players at once,"
                + " node heap cap %s, %d cores, work dir %s%n", nodes, games, players, xmx,
                Runtime.getRuntime().availableProcessors(), work);
        List<String> database = TestDatabase.freshPostgresqlArguments();
        boolean ok;
        try (LocalCluster cluster = LocalCluster.start(work, nodes, database, new LocalCluster.NodeSettings(xmx,
                false, 10_000, 2_000, List.of("--quizroom.joins-per-minute=1000000", "--quizroom.max-players=10000",
                        "--quizroom.join-host=127.0.0.1")))) {
            String base = "http://127.0.0.1:" + cluster.proxyPort();
            // Which node runs which game, watched while the games play (a finished game leaves the list).
            Map<String, Integer> owners = new ConcurrentHashMap<>();
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
            watch.scheduleWithFixedDelay(() -> {
                for (int i = 0; i < nodes; i++) {
                    try {
                        for (String pin : cluster.gamesOn(i)) {
                            owners.put(pin, i + 1);
                        }
                    } catch (RuntimeException e) {
                        // a node busy or restarting: next round
                    }
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            // Warm every node's JIT with a small game each (PINs hash to nodes, so a few games reach them all).
            playAtOnce(base, Math.max(games, nodes * 2), Math.min(100, players), think, null);

            List<LoadBench.Result> results = playAtOnce(base, games, players, think, System.out);
            watch.shutdownNow();
            System.out.println();
            System.out.println(LoadBench.table(results));
            System.out.println(perNode(results, owners, nodes));
            ok = results.stream().allMatch(LoadBench.Result::correct);
        } // closed before exiting: System.exit would leave the nodes and nginx running
        System.exit(ok ? 0 : 1);
    }

    private static List<LoadBench.Result> playAtOnce(String base, int games, int players, long think,
                                                     java.io.PrintStream log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(games);
        try {
            List<Future<LoadBench.Result>> running = new ArrayList<>();
            for (int g = 0; g < games; g++) {
                running.add(pool.submit(() -> LoadBench.run(base, LoadBench.Config.of(players).withThinkMs(think)
                        .withPhaseTimeout(Duration.ofSeconds(180)), log)));
            }
            List<LoadBench.Result> results = new ArrayList<>();
            for (Future<LoadBench.Result> f : running) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One line per node: its games and their figures pooled. */
    static String perNode(List<LoadBench.Result> results, Map<String, Integer> owners, int nodes) {
        StringBuilder t = new StringBuilder("| node | games | players | QUESTION fan-out p50 / p99 / max (ms) "
                + "| ACK p50 / p99 / max (ms) | answers sent / ACKed / stored | correct |\n|---|---|---:|---|---|---|---|\n");
        for (int node = 1; node <= nodes; node++) {
            Stats fan = new Stats();
            Stats ack = new Stats();
            List<String> pins = new ArrayList<>();
            int playerCount = 0;
            int sent = 0;
            int acked = 0;
            int stored = 0;
            boolean correct = true;
            for (LoadBench.Result r : results) {
                if (owners.getOrDefault(r.pin, 0) == node) {
                    pins.add(r.pin);
                    fan.addAll(r.questionFanOut);
                    ack.addAll(r.ackLatency);
                    playerCount += r.players;
                    sent += r.answersSent;
                    acked += r.acksAccepted;
                    stored += r.answersStored;
                    correct &= r.correct();
                }
            }
            t.append(String.format(Locale.ROOT, "| node-%d | %s | %d | %s | %s | %d / %d / %d | %s |%n", node,
                    pins.isEmpty() ? "–" : String.join(", ", pins), playerCount, fan.summary(), ack.summary(), sent,
                    acked, stored, pins.isEmpty() ? "–" : correct ? "yes" : "NO"));
        }
        return t.toString();
    }
}
