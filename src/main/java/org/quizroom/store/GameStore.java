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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Games, players and answers in the database (H2 by default, PostgreSQL by configuration). */
@Repository
public class GameStore {

    private static final String GAME_COLUMNS = "g.pin, g.quiz_id, g.quiz_title, g.quiz_json, g.options_json, "
            + "g.host_token, g.shuffle_seed, g.phase, g.question_index, g.locked, g.created_at, g.finished_at, "
            + "(select count(*) from player p where p.game_pin = g.pin and not p.kicked) as players";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GameStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    public void updateState(String pin, Phase phase, int questionIndex, boolean locked) {
        jdbc.update("update game set phase = ?, question_index = ?, locked = ?, finished_at = ? where pin = ?",
                phase.name(), questionIndex, locked, phase == Phase.FINISHED ? ts(Instant.now()) : null, pin);
    }

    @Transactional
    public void storeFinals(String pin, List<PlayerFinal> finals) {
        jdbc.batchUpdate("update player set final_rank = ?, final_score = ? where id = ?",
                finals.stream().map(f -> new Object[] {f.rank(), f.score(), f.playerId()}).toList());
    }

    public void insertPlayer(StoredPlayer p) {
        jdbc.update("insert into player (id, game_pin, token, nickname, join_order, kicked, joined_at) "
                        + "values (?,?,?,?,?,?,?)",
                p.id(), p.gamePin(), p.token(), p.nickname(), p.joinOrder(), p.kicked(), ts(p.joinedAt()));
    }

    public void markKicked(String playerId) {
        jdbc.update("update player set kicked = true where id = ?", playerId);
    }

    /** Stores a batch of answers in one transaction: the caller acknowledges them only after this returns. */
    @Transactional
    public void insertAnswers(List<StoredAnswer> answers) {
        jdbc.batchUpdate("insert into answer (player_id, question_index, game_pin, answer_json, answer_text, correct, "
                        + "points, response_ms, received_at, accepted_as) values (?,?,?,?,?,?,?,?,?,?)",
                answers.stream().map(a -> new Object[] {a.playerId(), a.questionIndex(), a.gamePin(), a.answerJson(),
                        a.answerText(), a.correct(), a.points(), a.responseMs(), ts(a.receivedAt()), a.acceptedAs()})
                        .toList());
    }

    public Optional<StoredGame> findGame(String pin) {
        return jdbc.query("select " + GAME_COLUMNS + " from game g where g.pin = ?", this::game, pin).stream()
                .findFirst();
    }

    public List<StoredGame> listGames(int limit) {
        return jdbc.query("select " + GAME_COLUMNS + " from game g order by g.created_at desc limit ?", this::game,
                limit);
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
                        instant(rs, "received_at"), rs.getString("accepted_as")), pin);
    }

    public int countAnswers(String pin) {
        Integer n = jdbc.queryForObject("select count(*) from answer where game_pin = ?", Integer.class, pin);
        return n == null ? 0 : n;
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
