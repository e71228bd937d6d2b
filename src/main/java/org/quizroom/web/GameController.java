package org.quizroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.quizroom.QuizroomProperties;
import org.quizroom.game.GameOptions;
import org.quizroom.live.GameHub;
import org.quizroom.live.JoinLinks;
import org.quizroom.live.Tokens;
import org.quizroom.live.UnknownGameException;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizCatalog;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredGame;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening games, joining them, and the QR code of the join link. */
@RestController
@RequestMapping("/api/games")
public class GameController {

    /** {@code live}: the game runs on this server now (not finished), so its host screen can be opened. */
    public record GameSummary(String pin, String quizId, String quizTitle, String state, int playerCount,
                              Instant createdAt, Instant finishedAt, boolean live) {
        static GameSummary of(StoredGame g, boolean live) {
            return new GameSummary(g.pin(), g.quizId(), g.quizTitle(), g.phase().name(), g.playerCount(),
                    g.createdAt(), g.finishedAt(), live);
        }
    }

    /**
     * What a PIN's page needs to know about a game. {@code joinUrl} and {@code joinLocalOnly} are what its QR
     * code already says (a host screen reloaded mid-game gets no LOBBY event and reads them here);
     * {@code lateJoin} is null for a game no longer in memory.
     */
    public record GameInfo(String pin, String quizTitle, String state, boolean locked, int playerCount,
                           String joinUrl, boolean joinLocalOnly, Boolean lateJoin) {
    }

    private final GameHub hub;
    private final QuizCatalog catalog;
    private final GameStore store;
    private final JoinLinks links;
    private final AddressLimits limits;
    private final TeacherComputer teacher;
    private final int maxLiveGames;

    public GameController(GameHub hub, QuizCatalog catalog, GameStore store, JoinLinks links,
                          AddressLimits limits, TeacherComputer teacher, QuizroomProperties properties) {
        this.hub = hub;
        this.catalog = catalog;
        this.store = store;
        this.links = links;
        this.limits = limits;
        this.teacher = teacher;
        this.maxLiveGames = properties.maxLiveGames();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public GameHub.Created create(@RequestBody JsonNode body, HttpServletRequest http) {
        if (!limits.tryAcquire(AddressLimits.Kind.CREATE_GAME, http.getRemoteAddr())) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_GAMES",
                    "Too many games opened from this device; wait a while and try again.");
        }
        // Without a teacher password anyone may open games: a cap keeps a flood from crowding out real ones.
        if (hub.unfinishedGameCount() >= maxLiveGames) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SERVER_FULL",
                    "This server is running " + maxLiveGames + " games already; end one and try again.");
        }
        if (body == null || !body.isObject() || !body.path("quizId").isTextual()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Send {\"quizId\": \"...\", \"options\": {...}}.");
        }
        rejectUnknownFields(body, java.util.Set.of("quizId", "options"));
        String quizId = body.get("quizId").textValue();
        Quiz quiz = catalog.find(quizId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_QUIZ",
                "There is no quiz called '" + quizId + "'."));
        return hub.createGame(quiz, options(body.get("options")));
    }

    /**
     * The dashboard's list of games, newest first (at most 200), with their PINs. The teacher's only: a
     * student who could read live PINs could join (and disrupt) another class's game on a shared server.
     *
     * @throws ApiException 403 TEACHER_COMPUTER_ONLY from another computer when no teacher password is set
     */
    @GetMapping
    public List<GameSummary> list(HttpServletRequest request) {
        teacher.require(request, "TEACHER_COMPUTER_ONLY", "the list of games");
        return store.listGames(200).stream().map(g -> GameSummary.of(g, hub.game(g.pin())
                .map(live -> live.phase() != org.quizroom.game.Phase.FINISHED).orElse(false))).toList();
    }

    @GetMapping("/{pin}")
    public GameInfo info(@PathVariable String pin, HttpServletRequest http) {
        limitLookups(http);
        var live = hub.game(pin);
        if (live.isPresent()) {
            var g = live.get();
            return new GameInfo(pin, g.quiz().title(), g.phase().name(), g.locked(), g.players().size(),
                    links.joinUrl(pin), links.localOnly(), g.options().lateJoin());
        }
        StoredGame stored = store.findGame(pin).orElseThrow(() -> new UnknownGameException(pin));
        return new GameInfo(pin, stored.quizTitle(), stored.phase().name(), stored.locked(), stored.playerCount(),
                links.joinUrl(pin), links.localOnly(), null);
    }

    @PostMapping("/{pin}/players")
    @ResponseStatus(HttpStatus.CREATED)
    public GameHub.Joined join(@PathVariable String pin, @RequestBody JsonNode body, HttpServletRequest http) {
        String nickname = nickname(body);
        if (!limits.tryAcquire(AddressLimits.Kind.JOIN, http.getRemoteAddr())) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_JOINS",
                    "Too many joins from this device; wait a minute and try again.");
        }
        if (!Tokens.looksLikePin(pin)) {
            throw new UnknownGameException(pin);
        }
        try {
            return hub.join(pin, nickname);
        } catch (org.quizroom.game.GameException refused) {
            // A join the game refused (name taken or not allowed, joining locked, game full) added no one: it
            // gives its token back, or one student failing on purpose could use up a whole class's allowance
            // behind their shared address, with nothing in the lobby for the teacher to see or remove. A wrong
            // PIN keeps costing a token, as PIN guessing must.
            limits.giveBack(AddressLimits.Kind.JOIN, http.getRemoteAddr());
            throw refused;
        }
    }

    @GetMapping(value = "/{pin}/qr.svg", produces = "image/svg+xml")
    public String qr(@PathVariable String pin, HttpServletRequest http) {
        limitLookups(http);
        if (hub.game(pin).isEmpty() && !store.pinExists(pin)) {
            throw new UnknownGameException(pin);
        }
        return QrCodes.svg(links.joinUrl(pin));
    }

    /** Each answer tells whether a PIN exists: at 600 a second every PIN could be swept in minutes. */
    private void limitLookups(HttpServletRequest http) {
        if (!limits.tryAcquire(AddressLimits.Kind.LOOKUP, http.getRemoteAddr())) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOOKUPS",
                    "Too many game lookups from this device; wait a minute and try again.");
        }
    }

    /** The nickname of a join request {@code {"nickname": "..."}}; null when missing (the policy refuses it). */
    private static String nickname(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_JSON", "Send {\"nickname\": \"...\"}.");
        }
        rejectUnknownFields(body, java.util.Set.of("nickname"));
        JsonNode nickname = body.get("nickname");
        if (nickname == null || nickname.isNull()) {
            return null;
        }
        if (!nickname.isTextual()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NICKNAME_INVALID", "The nickname must be text.");
        }
        return nickname.textValue();
    }

    /** A misspelt or invented field is refused, never silently ignored. */
    private static void rejectUnknownFields(JsonNode body, java.util.Set<String> known) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", "Unknown field '" + name
                        + "'; expected " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        });
    }

    private static GameOptions options(JsonNode node) {
        GameOptions d = GameOptions.forNewGame();
        if (node == null || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_OPTIONS", "options must be a JSON object.");
        }
        var known = java.util.Set.of("speedScoring", "streaks", "shuffleAnswers", "lateJoin", "timeMultiplier",
                "readingTime");
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_OPTIONS", "Unknown option '" + name + "'.");
            }
        });
        return new GameOptions(bool(node, "speedScoring", d.speedScoring()), bool(node, "streaks", d.streaks()),
                bool(node, "shuffleAnswers", d.shuffleAnswers()), bool(node, "lateJoin", d.lateJoin()),
                number(node, "timeMultiplier", d.timeMultiplier()), bool(node, "readingTime", d.readingTime()));
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_OPTIONS", field + " must be true or false.");
        }
        return value.booleanValue();
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_OPTIONS", field + " must be a number.");
        }
        return value.doubleValue();
    }

}
