package org.quizroom.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quizroom.game.GameOptions;
import org.quizroom.game.Phase;
import org.quizroom.game.PlayerFinal;
import org.quizroom.quiz.Quiz;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Games, players and answers in the database (H2 by default, PostgreSQL by configuration; the same
 * SQL for both). Every write that belongs to a running game first passes the {@link WriteFence} in
 * the same transaction.
 */
@Repository
public class GameStore {

    private static final String GAME_COLUMNS = "g.pin, g.quiz_id, g.quiz_title, g.quiz_json, g.options_json, "
            + "g.host_token, g.shuffle_seed, g.phase, g.question_index, g.locked, g.created_at, g.finished_at, "
            + "(select count(*) from player p where p.game_pin = g.pin and not p.kicked) as players";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WriteFence fence;

    public GameStore(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<WriteFence> fence) {
        this.jdbc = jdbc;
        this.json = json;
        this.fence = fence.getIfAvailable(() -> WriteFence.NONE);
    }

    public void insertGame(StoredGame g) {
        jdbc.update("insert into game (pin, quiz_id, quiz_title, quiz_json, options_json, host_token, shuffle_seed, "
                        + "phase, question_index, locked, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                g.pin(), g.quizId(), g.quizTitle(), write(g.quiz()), write(g.options()), g.hostToken(),
                g.shuffleSeed(), g.phase().name(), g.questionIndex(), g.locked(), ts(g.createdAt()));
    }

    public boolean pinExists(String pin) {
        Integer n = jdbc.queryForObject("select count(*) from game where pin = ?", Integer.class, pin);
        return n != null && n > 0;
    }

    @Transactional
    public void updateState(String pin, Phase phase, int questionIndex, boolean locked) {
        fence.check(pin);
        jdbc.update("update game set phase = ?, question_index = ?, locked = ?, finished_at = ? where pin = ?",
                phase.name(), questionIndex, locked, phase == Phase.FINISHED ? ts(Instant.now()) : null, pin);
    }

    /** Marks game {@code pin} as ended for want of use ({@code live.AbandonedGames}) at {@code when}. */
    public void markAbandoned(String pin, Instant when) {
        fence.check(pin);
        jdbc.update("update game set abandoned_at = ? where pin = ?", ts(when), pin);
    }

    @Transactional
    public void storeFinals(String pin, List<PlayerFinal> finals) {
        fence.check(pin);
        jdbc.batchUpdate("update player set final_rank = ?, final_score = ? where id = ?",
                finals.stream().map(f -> new Object[] {f.rank(), f.score(), f.playerId()}).toList());
    }

    @Transactional
    public void insertPlayer(StoredPlayer p) {
        insertPlayers(List.of(p));
    }

    /** Stores a batch of players in one transaction ({@link PlayerWriter}); all or none. */
    @Transactional
    public void insertPlayers(List<StoredPlayer> players) {
        players.stream().map(StoredPlayer::gamePin).distinct().forEach(fence::check);
        jdbc.batchUpdate("insert into player (id, game_pin, token, nickname, join_order, kicked, joined_at) "
                        + "values (?,?,?,?,?,?,?)",
                players.stream().map(p -> new Object[] {p.id(), p.gamePin(), p.token(), p.nickname(), p.joinOrder(),
                        p.kicked(), ts(p.joinedAt())}).toList());
    }

    /**
     * Records the players who had question {@code questionIndex} open but did not answer it (one row
     * each, table {@code missed}); storing it again for the same question is harmless.
     */
    @Transactional
    public void insertMissed(String pin, int questionIndex, List<String> playerIds) {
        if (playerIds.isEmpty()) {
            return;
        }
        fence.check(pin);
        jdbc.update("delete from missed where game_pin = ? and question_index = ?", pin, questionIndex);
        jdbc.batchUpdate("insert into missed (player_id, question_index, game_pin) values (?,?,?)",
                playerIds.stream().map(id -> new Object[] {id, questionIndex, pin}).toList());
    }

    /** player id → indices of the questions they had open but did not answer. */
    public java.util.Map<String, java.util.Set<Integer>> missed(String pin) {
        var byPlayer = new java.util.HashMap<String, java.util.Set<Integer>>();
        jdbc.query("select player_id, question_index from missed where game_pin = ?", rs -> {
            byPlayer.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getInt(2));
        }, pin);
        return byPlayer;
    }

    @Transactional
    public void markKicked(String pin, String playerId) {
        fence.check(pin);
        jdbc.update("update player set kicked = true where id = ? and game_pin = ?", playerId, pin);
    }

    /** Stores a batch of answers in one transaction: the caller acknowledges them only after this returns. */
    @Transactional
    public void insertAnswers(List<StoredAnswer> answers) {
        answers.stream().map(StoredAnswer::gamePin).distinct().forEach(fence::check);
        jdbc.batchUpdate("insert into answer (player_id, question_index, game_pin, answer_json, answer_text, correct, "
                        + "points, response_ms, received_at, network_allowance_ms, accepted_as) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?)",
                answers.stream().map(a -> new Object[] {a.playerId(), a.questionIndex(), a.gamePin(), a.answerJson(),
                        a.answerText(), a.correct(), a.points(), a.responseMs(), ts(a.receivedAt()),
                        a.networkAllowanceMs(), a.acceptedAs()}).toList());
    }

    public Optional<StoredGame> findGame(String pin) {
        return jdbc.query("select " + GAME_COLUMNS + " from game g where g.pin = ?", this::game, pin).stream()
                .findFirst();
    }

    public List<StoredGame> listGames(int limit) {
        return jdbc.query("select " + GAME_COLUMNS + " from game g order by g.created_at desc limit ?", this::game,
                limit);
    }

    /** The PIN of the game a host or player token belongs to, kicked players included. */
    public Optional<String> pinForToken(String token) {
        return jdbc.queryForList("select pin from game where host_token = ? union all "
                + "select game_pin from player where token = ?", String.class, token, token).stream().findFirst();
    }

    public List<StoredGame> unfinishedGames() {
        return jdbc.query("select " + GAME_COLUMNS + " from game g where g.phase <> 'FINISHED' order by g.created_at",
                this::game);
    }

    public List<StoredPlayer> players(String pin) {
        return jdbc.query("select * from player where game_pin = ? order by join_order", (rs, i) -> new StoredPlayer(
                rs.getString("id"), rs.getString("game_pin"), rs.getString("token"), rs.getString("nickname"),
                rs.getInt("join_order"), rs.getBoolean("kicked"), instant(rs, "joined_at"),
                (Integer) rs.getObject("final_rank"), (Integer) rs.getObject("final_score")), pin);
    }

    public List<StoredAnswer> answers(String pin) {
        return jdbc.query("select * from answer where game_pin = ? order by question_index, received_at",
                (rs, i) -> new StoredAnswer(rs.getString("game_pin"), rs.getString("player_id"),
                        rs.getInt("question_index"), rs.getString("answer_json"), rs.getString("answer_text"),
                        rs.getBoolean("correct"), rs.getInt("points"), rs.getLong("response_ms"),
                        instant(rs, "received_at"), rs.getLong("network_allowance_ms"), rs.getString("accepted_as")), pin);
    }

    public int countAnswers(String pin) {
        Integer n = jdbc.queryForObject("select count(*) from answer where game_pin = ?", Integer.class, pin);
        return n == null ? 0 : n;
    }

    // ---------------------------------------------------------------- practice games (issue 14)

    /** Records that {@code pin} is a practice game built from {@code originPin}'s missed questions. */
    public void setOrigin(String pin, String originPin) {
        jdbc.update("update game set origin_pin = ? where pin = ?", originPin, pin);
    }

    /** The game {@code pin} practises, if it is a practice game. */
    public Optional<String> originOf(String pin) {
        return jdbc.queryForList("select origin_pin from game where pin = ? and origin_pin is not null", String.class,
                pin).stream().findFirst();
    }

    /** Practice games opened from {@code originPin}, oldest first. */
    public List<String> practiceGamesOf(String originPin) {
        return jdbc.queryForList("select pin from game where origin_pin = ? order by created_at", String.class,
                originPin);
    }

    private StoredGame game(ResultSet rs, int row) throws SQLException {
        return new StoredGame(rs.getString("pin"), rs.getString("quiz_id"), rs.getString("quiz_title"),
                read(rs.getString("quiz_json"), Quiz.class), read(rs.getString("options_json"), GameOptions.class),
                rs.getString("host_token"), rs.getLong("shuffle_seed"), Phase.valueOf(rs.getString("phase")),
                rs.getInt("question_index"), rs.getBoolean("locked"), instant(rs, "created_at"),
                instant(rs, "finished_at"), rs.getInt("players"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
