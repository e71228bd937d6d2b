package org.quizroom.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.quizroom.game.GameOptions;
import org.quizroom.game.Phase;
import org.quizroom.live.Tokens;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredAnswer;
import org.quizroom.store.StoredGame;
import org.quizroom.store.StoredPlayer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * By hand, not a test (docs/benchmarks.md, "Answer rows keyed by question"): what storing one class's answers
 * costs on an H2 file database that already holds earlier lessons, with the answer table as migrations up to
 * V16_1 left it (keyed by player and question, with a foreign key to player) and as V17_1 made it (keyed by
 * game, question and player). For each it makes a fresh database with the app's migrations and
 * {@code WRITE_DELAY=0}, stores {@code games} earlier games and then one more,
 * each of {@code players} players and five questions, through {@link GameStore#insertAnswers} in transactions
 * of {@code batch} answers (as the answer writer does under load), the answers of a question in random order.
 * Prints the time to store each question's answers in the last game (ms, one thread, nothing else running)
 * and the database file's size (MB).
 * Run from the project's folder (the games use {@code quizzes/warm-up}): {@code mvn -o test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.quizroom.bench.AnswerStoreBench [games] [players] [batch]}
 * (defaults 10, 5000, 250). Each shape is run twice, alternating.
 */
public final class AnswerStoreBench {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        int games = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int players = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        for (int round = 0; round < 2; round++) {
            run("keyed by player and question (V16_1)", "16.1", games, players, batch);
            run("keyed by game, question and player (V17_1)", "latest", games, players, batch);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "plr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void run(String label, String schema, int games, int players, int batch) throws Exception {
        Path dir = Files.createTempDirectory("quizroom-store-bench");
        var dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir + "/quizroom;WRITE_DELAY=0", "sa", "", true);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true)
                    .target(schema).load().migrate();
            GameStore store = new GameStore(new JdbcTemplate(dataSource), new com.fasterxml.jackson.databind.ObjectMapper(),
                    new StaticListableBeanFactory().getBeanProvider(org.quizroom.store.WriteFence.class));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Random shuffle = new Random(42);
            Quiz quiz = new QuizCatalog(Path.of("quizzes")).find("warm-up").orElseThrow();
            for (int g = 0; g <= games; g++) {
                String pin = String.valueOf(100_000 + g);
                store.insertGame(new StoredGame(pin, quiz.id(), quiz.title(), quiz, GameOptions.defaults(), "hst_" + pin,
                        0L, Phase.LOBBY, -1, false, Instant.now(), null, 0));
                List<String> playerIds = new ArrayList<>();
                List<StoredPlayer> joining = new ArrayList<>();
                for (int p = 0; p < players; p++) {
                    String id = Tokens.playerId();
                    playerIds.add(id);
                    joining.add(new StoredPlayer(id, pin, token(), "Student " + p, p, false, Instant.now(),
                            null, null));
                    if (joining.size() == 20 || p == players - 1) {
                        List<StoredPlayer> rows = List.copyOf(joining);
                        tx.executeWithoutResult(s -> store.insertPlayers(rows));
                        joining.clear();
                    }
                }
                List<String> times = new ArrayList<>();
                for (int q = 0; q < 5; q++) {
                    List<String> order = new ArrayList<>(playerIds);
                    Collections.shuffle(order, shuffle);
                    long start = System.nanoTime();
                    for (int from = 0; from < order.size(); from += batch) {
                        int question = q;
                        List<StoredAnswer> rows = order.subList(from, Math.min(order.size(), from + batch)).stream()
                                .map(id -> new StoredAnswer(pin, id, question, "[1]", "Blue", true, 950, 1_234,
                                        Instant.now(), 12)).toList();
                        tx.executeWithoutResult(s -> store.insertAnswers(rows));
                    }
                    times.add(String.valueOf((System.nanoTime() - start) / 1_000_000));
                }
                if (g == games) {
                    System.out.printf(Locale.ROOT, "%s: %d earlier games of %d players; storing each question's %d answers "
                                    + "in transactions of %d took %s ms; database file %.0f MB%n", label, games, players,
                            players, batch, String.join(", ", times),
                            new File(dir + "/quizroom.mv.db").length() / 1e6);
                }
            }
        } finally {
            dataSource.destroy();
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
