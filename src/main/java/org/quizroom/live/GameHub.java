package org.quizroom.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quizroom.QuizroomProperties;
import org.quizroom.game.AcceptedAnswer;
import org.quizroom.game.AnswerOutcome;
import org.quizroom.game.ErrorCode;
import org.quizroom.game.Game;
import org.quizroom.game.GameEvent;
import org.quizroom.game.GameException;
import org.quizroom.game.GameOptions;
import org.quizroom.game.GameSettings;
import org.quizroom.game.NicknamePolicy;
import org.quizroom.game.Phase;
import org.quizroom.game.PlayerFinal;
import org.quizroom.game.PlayerResult;
import org.quizroom.game.QuestionView;
import org.quizroom.game.RevealView;
import org.quizroom.game.SyncView;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.AnswerCodec;
import org.quizroom.quiz.Quiz;
import org.quizroom.store.AnswerWriter;
import org.quizroom.store.PlayerWriter;
import org.quizroom.store.GameStore;
import org.quizroom.store.StoredAnswer;
import org.quizroom.store.StoredGame;
import org.quizroom.store.StoredPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * The live games on this server: creates and resumes them, feeds them commands and answers,
 * stores what must survive a restart, and turns the engine's events into STOMP messages.
 */
@Service
public class GameHub {

    private static final Logger log = LoggerFactory.getLogger(GameHub.class);
    static final String USER_QUEUE = "/queue/events";
    private static final java.time.Duration DISCONNECT_GRACE = java.time.Duration.ofSeconds(5);
    /** After a restart or failover, time for the class to reconnect before absence can close the open question. */
    private static final java.time.Duration RESUME_GRACE = java.time.Duration.ofSeconds(15);

    private final Map<String, LiveGame> games = new ConcurrentHashMap<>();
    private final Map<String, Identity> tokens = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sessionsByPlayer = new ConcurrentHashMap<>();
    private final GameStore store;
    private final AnswerWriter writer;
    private final PlayerWriter playerWriter;
    private final SimpMessagingTemplate messaging;
    private final TaskScheduler scheduler;
    private final JoinLinks links;
    private final NicknamePolicy nicknames;
    private final GameSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Connections connections;
    private final LatencyProbe latency;
    private final GameOwnership ownership;
    private final Map<String, Object> adoptLocks = new ConcurrentHashMap<>();
    private final long finishedRetentionMs;

    public GameHub(GameStore store, AnswerWriter writer, PlayerWriter playerWriter, SimpMessagingTemplate messaging,
                   TaskScheduler scheduler, JoinLinks links, NicknamePolicy nicknames, QuizroomProperties properties,
                   ObjectMapper json,
                   Clock clock, Connections connections, LatencyProbe latency,
                   org.springframework.beans.factory.ObjectProvider<GameOwnership> ownership) {
        this.store = store;
        this.latency = latency;
        this.ownership = ownership.getIfAvailable(() -> GameOwnership.SINGLE_NODE);
        this.connections = connections;
        this.writer = writer;
        this.playerWriter = playerWriter;
        this.messaging = messaging;
        this.scheduler = scheduler;
        this.links = links;
        this.nicknames = nicknames;
        this.settings = new GameSettings(properties.maxPlayers(), properties.networkAllowanceCapMs());
        this.json = json;
        this.clock = clock;
        this.finishedRetentionMs = properties.finishedGameRetentionMs();
    }

    // ------------------------------------------------------------------ HTTP side

    /** {@code joinLocalOnly}: the join URL names this computer's loopback address; phones cannot reach it. */
    public record Created(String pin, String hostToken, String joinUrl, boolean joinLocalOnly) {
    }

    public record Joined(String playerId, String playerToken, String nickname) {
    }

    public Created createGame(Quiz quiz, GameOptions options) {
        String pin = freePin();
        String hostToken = Tokens.hostToken();
        long seed = Tokens.seed();
        Game game = new Game(pin, quiz, options, settings, seed, clock);
        store.insertGame(new StoredGame(pin, quiz.id(), quiz.title(), quiz, options, hostToken, seed, Phase.LOBBY, -1,
                false, clock.instant(), null, 0));
        ownership.claimNew(pin);
        games.put(pin, new LiveGame(game, 0));
        tokens.put(hostToken, Identity.host(pin));
        log.info("Game {} opened for quiz '{}'", pin, quiz.id());
        return new Created(pin, hostToken, links.joinUrl(pin), links.localOnly());
    }

    /**
     * Adds a player to a live game and stores them; returns only once the player row is committed, so an
     * acknowledged join survives a crash.
     *
     * @throws GameException when the game refuses the player (locked, full, name taken or removed)
     * @throws UnknownGameException when there is no such live game
     */
    public Joined join(String pin, String rawNickname) {
        LiveGame live = liveOrAdopt(pin).orElseThrow(() -> finishedOrUnknown(pin));
        String nickname = nicknames.clean(rawNickname);
        String playerId = Tokens.playerId();
        String token = Tokens.playerToken();
        int joinOrder;
        synchronized (live.game) {
            publish(live, live.game.join(playerId, nickname));
            joinOrder = live.joined++;
        }
        // Stored outside the game's lock (under it, every join waited for the commit of the one before, and a
        // class of 2,000 took 48 s to get in), and with group commit: joins in flight together share one commit.
        try {
            playerWriter.store(new StoredPlayer(playerId, pin, token, nickname, joinOrder, false, clock.instant(),
                    null, null));
        } catch (RuntimeException e) {
            synchronized (live.game) {
                publish(live, live.game.unjoin(playerId));
            }
            throw e;
        }
        if (!live.game.isActivePlayer(playerId)) {
            store.markKicked(pin, playerId); // kicked while its row was being stored: the row says so too
        } else {
            tokens.put(token, Identity.player(pin, playerId));
        }
        return new Joined(playerId, token, nickname);
    }

    /**
     * The host token of a live game, for handing the host screen to another computer (see
     * {@code HostHandoverController}); empty when the game is not live here.
     */
    public Optional<String> hostTokenOf(String pin) {
        if (!games.containsKey(pin)) {
            return Optional.empty();
        }
        return tokens.entrySet().stream().filter(e -> e.getValue().isHost() && e.getValue().pin().equals(pin))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The join address changed: lobbies are sent again with the new join link. */
    public void joinLinkChanged() {
        games.values().forEach(l -> {
            l.lobbyForEveryone = true;
            l.rosterDirty = true;
        });
    }

    /** The games live on this server (not finished), for the teacher's list. */
    public List<Game> liveGames() {
        return games.values().stream().map(l -> l.game).filter(g -> g.phase() != Phase.FINISHED).toList();
    }

    /** Games in memory that have not finished: what {@code quizroom.max-live-games} caps. */
    public int unfinishedGameCount() {
        return (int) games.values().stream().filter(l -> l.game.phase() != Phase.FINISHED).count();
    }

    public Optional<Game> game(String pin) {
        return live(pin).map(l -> l.game);
    }

    public boolean isHostToken(String pin, String token) {
        Identity identity = token == null ? null : tokens.get(token);
        if (identity != null) {
            return identity.isHost() && identity.pin().equals(pin);
        }
        return token != null && store.findGame(pin).map(g -> g.hostToken().equals(token)).orElse(false);
    }

    // ------------------------------------------------------------------ STOMP side

    /** The identity a CONNECT token stands for, if it is valid and its player was not kicked. */
    public Optional<Identity> authenticate(String token) {
        Identity identity = token == null ? null : tokens.get(token);
        if (identity == null && ownership.clustered()) {
            // A game this node does not run yet (failover, or the proxy moved it here): take it over.
            store.pinForToken(token).ifPresent(this::liveOrAdopt);
            identity = tokens.get(token);
        }
        if (identity == null) {
            return Optional.empty();
        }
        LiveGame live = games.get(identity.pin());
        if (live == null || (!identity.isHost() && !live.game.isActivePlayer(identity.playerId()))) {
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    public void hostCommand(Identity identity, String command, String playerId) {
        hostCommand(identity, command, playerId, null);
    }

    /** As above; {@code shown} (may be null) is checked under the game's lock, so a double press acts once. */
    public void hostCommand(Identity identity, String command, String playerId, org.quizroom.game.ShownStep shown) {
        LiveGame live = requireLive(identity.pin());
        synchronized (live.game) {
            Game game = live.game;
            if (shown != null) {
                game.requireAt(shown.questionIndex(), shown.phase());
            }
            List<GameEvent> events = switch (command) {
                case "start" -> game.start();
                case "next" -> game.next();
                case "skip" -> game.skip();
                case "end" -> game.end();
                case "lock" -> game.lock();
                case "unlock" -> game.unlock();
                case "kick" -> game.kick(playerId);
                default -> throw new IllegalArgumentException(command);
            };
            if (command.equals("lock") || command.equals("unlock")) {
                store.updateState(identity.pin(), game.phase(), game.questionIndex(), game.locked());
                live.lobbyForEveryone = true; // before publish marks the roster dirty, so flush sees both
            }
            publish(live, events);
        }
    }

    /**
     * Counts an answer, stores it, and only then acknowledges it; closes the question early once
     * every connected player has answered.
     */
    public void answer(Identity identity, int questionIndex, com.fasterxml.jackson.databind.JsonNode rawAnswer) {
        LiveGame live = requireLive(identity.pin());
        AnswerOutcome outcome;
        synchronized (live.game) {
            var question = live.game.quiz().questions();
            if (questionIndex < 0 || questionIndex >= question.size()) {
                throw new GameException(ErrorCode.WRONG_QUESTION, "That question is not in this quiz.");
            }
            // Which question first: a format refusal for a question not yet open would tell its type early.
            live.game.requireAnswerable(identity.playerId(), questionIndex);
            Answer answer;
            try {
                answer = AnswerCodec.read(rawAnswer, question.get(questionIndex).type());
            } catch (org.quizroom.quiz.InvalidAnswerException e) {
                throw new GameException(ErrorCode.BAD_ANSWER, e.getMessage());
            }
            outcome = live.game.answer(identity.playerId(), questionIndex, answer);
            live.pendingCount = outcome.count();
            live.lastCount = outcome.count();
            // Queued under the game's lock, so answers reach the writer in the order they were counted: the
            // one that completes the question is stored last, and its close (with every RESULT) follows
            // the ACKs of all the others. Queued after the lock, an earlier answer could be ACKed after
            // the RESULT that already counted it.
            submit(live, identity, questionIndex, outcome);
        }
    }

    private void submit(LiveGame live, Identity identity, int questionIndex, AnswerOutcome outcome) {
        AcceptedAnswer a = outcome.accepted();
        StoredAnswer row = new StoredAnswer(identity.pin(), a.playerId(), a.questionIndex(),
                AnswerCodec.write(a.answer()).toString(), a.answerText(), a.correct(), a.points(), a.responseMs(),
                a.receivedAt(), a.networkAllowanceMs(), a.toleratedAs());
        writer.submit(row, stored -> {
            toUser(identity, stored ? Events.Ack.accepted(questionIndex)
                    : Events.Ack.refused(questionIndex, "NOT_STORED", "Your answer could not be saved; please tell your teacher."));
            if (stored && outcome.everyoneAnswered()) {
                synchronized (live.game) {
                    publish(live, live.game.closeIfEveryoneAnswered(questionIndex));
                }
            }
        });
    }

    /** Sends a (re)connecting client the current screen: STATE, then the phase's own events. */
    public void sync(Identity identity) {
        LiveGame live = requireLive(identity.pin());
        SyncView view;
        Game game = live.game;
        synchronized (game) {
            view = game.sync(identity.playerId());
        }
        Events.You you = view.you() == null ? null : new Events.You(view.you().playerId(), view.you().nickname(),
                view.you().score(), view.you().streak(), view.rank());
        toUser(identity, new Events.State(view.phase().name(), game.pin(), game.quiz().title(), you));
        switch (view.phase()) {
            case LOBBY -> {
                if (identity.isHost()) { // a phone shows nothing from LOBBY that STATE has not told it
                    toUser(identity, lobby(live));
                }
            }
            case QUESTION -> toUser(identity, Events.Question.of(view.question(), game.pin(), view.opensInMs(),
                    view.remainingMs(), identity.isHost() ? null : view.answered(), view.yourAnswer()));
            case REVEAL, LEADERBOARD -> {
                if (view.reveal() != null) {
                    toUser(identity, reveal(view.reveal(), game.questionView(view.reveal().index())));
                }
                if (view.result() != null) {
                    toUser(identity, Events.Result.of(view.result()));
                }
                if (view.phase() == Phase.LEADERBOARD) {
                    toUser(identity, new Events.Leaderboard(game.questionIndex(), game.quiz().questions().size(),
                            view.leaderboard()));
                }
            }
            case FINISHED -> {
                toUser(identity, new Events.Finished(view.podium(), view.playerCount()));
                if (view.fin() != null) {
                    toUser(identity, Events.Final.of(view.fin()));
                }
            }
        }
        if (identity.isHost()) {
            toUser(identity, new Events.Players(game.players()));
            GameEvent.AnswerCounted count = live.lastCount;
            if (view.phase() == Phase.QUESTION && count != null && count.index() == game.questionIndex()) {
                toUser(identity, Events.AnswerCount.of(count));
            }
        } else {
            // A (re)connected phone's delay is measured at once, so its next answer is already compensated.
            latency.burst(identity);
        }
    }

    public void pong(Identity identity, long seq) {
        LiveGame live = games.get(identity.pin());
        if (live == null || identity.isHost()) {
            return;
        }
        latency.pong(identity, seq).ifPresent(rttMs -> live.game.recordRoundTrip(identity.playerId(), rttMs));
    }

    public void connected(Identity identity, String sessionId) {
        if (identity.isHost()) {
            return;
        }
        Set<String> sessions = sessionsByPlayer.computeIfAbsent(identity.playerId(), k -> ConcurrentHashMap.newKeySet());
        sessions.add(sessionId);
        live(identity.pin()).ifPresent(live -> {
            synchronized (live.game) {
                publish(live, live.game.setConnected(identity.playerId(), true));
            }
        });
    }

    public void disconnected(Identity identity, String sessionId) {
        if (identity.isHost()) {
            return;
        }
        Set<String> sessions = sessionsByPlayer.get(identity.playerId());
        if (sessions != null) {
            sessions.remove(sessionId);
            if (!sessions.isEmpty()) {
                return;
            }
        }
        live(identity.pin()).ifPresent(live -> {
            int question;
            synchronized (live.game) {
                publish(live, live.game.setConnected(identity.playerId(), false));
                question = live.game.questionIndex();
            }
            // A phone that reloads is back within seconds: only then may its absence close the question.
            scheduler.schedule(() -> {
                synchronized (live.game) {
                    publish(live, live.game.closeIfEveryoneAnswered(question));
                }
            }, clock.instant().plus(DISCONNECT_GRACE));
        });
    }

    // ------------------------------------------------------------------ timers

    /** The games in memory with their live-layer state, for {@link LiveUpdates}. */
    java.util.Collection<LiveGame> liveGameStates() {
        return games.values();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinishedGames() {
        if (ownership.clustered()) {
            return; // in a cluster a game is taken over by the node its traffic reaches (see live())
        }
        for (StoredGame stored : store.unfinishedGames()) {
            try {
                resume(stored);
            } catch (RuntimeException e) {
                log.error("Could not resume game {}", stored.pin(), e);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private void resume(StoredGame stored) {
        Game game = new Game(stored.pin(), stored.quiz(), stored.options(), settings, stored.shuffleSeed(), clock);
        List<StoredPlayer> players = store.players(stored.pin());
        List<AcceptedAnswer> answers = store.answers(stored.pin()).stream().map(a -> new AcceptedAnswer(
                a.playerId(), a.questionIndex(),
                AnswerCodec.readStored(readTree(a.answerJson()), stored.quiz().questions().get(a.questionIndex()).type()),
                a.answerText(), a.correct(), a.points(), a.responseMs(), a.receivedAt(), a.networkAllowanceMs(),
                a.acceptedAs())).toList();
        Map<String, Set<Integer>> missed = store.missed(stored.pin());
        game.restore(players.stream().map(p -> new Game.RestoredPlayer(p.id(), p.nickname(), p.kicked(),
                        missed.getOrDefault(p.id(), Set.of()))).toList(),
                answers, stored.phase(), stored.questionIndex(), stored.locked());
        LiveGame live = new LiveGame(game, players.size());
        games.put(stored.pin(), live);
        tokens.put(stored.hostToken(), Identity.host(stored.pin()));
        players.stream().filter(p -> !p.kicked())
                .forEach(p -> tokens.put(p.token(), Identity.player(stored.pin(), p.id())));
        if (game.phase() == Phase.QUESTION) {
            scheduleDeadline(live);
            // Everyone was in the game a moment ago and is reconnecting now: the first phones back must not
            // close the reopened question for the rest just because those are not connected yet.
            players.stream().filter(p -> !p.kicked()).forEach(p -> game.setConnected(p.id(), true));
            scheduler.schedule(() -> dropAbsentAfterResume(live), clock.instant().plus(RESUME_GRACE));
        }
        log.info("Resumed game {} at {} {} with {} players and {} answers", stored.pin(), game.phase(),
                game.questionIndex(), players.size(), answers.size());
    }

    private void dropAbsentAfterResume(LiveGame live) {
        synchronized (live.game) {
            if (games.get(live.game.pin()) != live) {
                return; // evicted meanwhile
            }
            for (org.quizroom.game.PlayerView p : live.game.players()) {
                Set<String> sessions = sessionsByPlayer.get(p.playerId());
                if (p.connected() && (sessions == null || sessions.isEmpty())) {
                    publish(live, live.game.setConnected(p.playerId(), false));
                }
            }
            publish(live, live.game.closeIfEveryoneAnswered(live.game.questionIndex()));
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable stored answer: " + text, e);
        }
    }

    /** Turns engine events into stored state and messages; called with the game's lock held. */
    private void publish(LiveGame live, List<GameEvent> events) {
        Game game = live.game;
        String pin = game.pin();
        for (GameEvent event : events) {
            if (event instanceof GameEvent.RosterChanged) {
                live.rosterDirty = true;
            } else if (event instanceof GameEvent.AnswerCounted count) {
                live.pendingCount = count;
                live.lastCount = count;
            } else if (event instanceof GameEvent.QuestionOpened opened) {
                store.updateState(pin, Phase.QUESTION, opened.question().index(), game.locked());
                // The clocks start as the QUESTION is handed to the broker, not after: a phone that waits out
                // the reading time from its receipt must never arrive before answers open (TOO_EARLY).
                game.questionSent(opened.question().index());
                messaging.convertAndSend(topic(pin), Events.Question.of(opened.question(), pin,
                        opened.question().readingMs(), opened.question().timeLimitMs(), null));
                scheduleDeadline(live);
            } else if (event instanceof GameEvent.QuestionClosed closed) {
                cancelDeadline(live);
                // The count still waiting for the 100 ms timer ("answered 2 of 2") goes to the host now, before
                // the REVEAL; sent by the timer it arrived after it.
                sendPendingCount(live);
                store.updateState(pin, Phase.REVEAL, closed.reveal().index(), game.locked());
                messaging.convertAndSend(topic(pin), reveal(closed.reveal(), game.questionView(closed.reveal().index())));
                for (PlayerResult result : closed.results()) {
                    toUser(Identity.player(pin, result.playerId()), Events.Result.of(result));
                }
                // Who had the question open but did not answer: a restart must still know it (FINAL's
                // questionsAnswerable); those who answered are known from their answers. Stored after the
                // reveal is on its way, so a class with many absentees does not delay it.
                store.insertMissed(pin, closed.reveal().index(), game.missedBy(closed.reveal().index()));
            } else if (event instanceof GameEvent.LeaderboardShown board) {
                store.updateState(pin, Phase.LEADERBOARD, board.index(), game.locked());
                messaging.convertAndSend(topic(pin), new Events.Leaderboard(board.index(), board.total(), board.top()));
            } else if (event instanceof GameEvent.GameFinished finished) {
                cancelDeadline(live);
                store.updateState(pin, Phase.FINISHED, game.questionIndex(), game.locked());
                store.storeFinals(pin, finished.finals());
                messaging.convertAndSend(topic(pin), new Events.Finished(finished.podium(), finished.finals().size()));
                for (PlayerFinal fin : finished.finals()) {
                    toUser(Identity.player(pin, fin.playerId()), Events.Final.of(fin));
                }
                log.info("Game {} finished with {} players", pin, finished.finals().size());
                forgetLater(pin);
            } else if (event instanceof GameEvent.PlayerKicked kicked) {
                store.markKicked(pin, kicked.playerId());
                tokens.values().removeIf(id -> kicked.playerId().equals(id.playerId()));
                toUser(Identity.player(pin, kicked.playerId()), new Events.Kicked());
                // A kicked student's open connection is closed too, so it stops receiving the game.
                connections.closeSoon(Identity.player(pin, kicked.playerId()), "The teacher removed you from this game.");
            }
        }
    }

    /**
     * A finished game leaves memory once its final screens have had time to show: a flood of games, or a
     * term of lessons, must not stay in the heap (and in every 100 ms flush). Reports and the dashboard
     * read the database; the game's tokens stop connecting, as after a restart.
     */
    private void forgetLater(String pin) {
        scheduler.schedule(() -> {
            LiveGame removed = games.remove(pin);
            if (removed != null) {
                tokens.values().removeIf(id -> id.pin().equals(pin));
                removed.game.players().forEach(p -> sessionsByPlayer.remove(p.playerId()));
            }
        }, clock.instant().plusMillis(finishedRetentionMs));
    }

    private void scheduleDeadline(LiveGame live) {
        cancelDeadline(live);
        Instant at = live.game.closingTime();
        if (at != null) {
            live.deadlineTask = scheduler.schedule(() -> closeWhenDue(live), at);
        }
    }

    private void closeWhenDue(LiveGame live) {
        synchronized (live.game) {
            if (live.game.phase() != Phase.QUESTION) {
                return;
            }
            List<GameEvent> events = live.game.closeIfDue();
            if (events.isEmpty()) {
                scheduleDeadline(live);
            } else {
                publish(live, events);
            }
        }
    }

    private void cancelDeadline(LiveGame live) {
        if (live.deadlineTask != null) {
            live.deadlineTask.cancel(false);
            live.deadlineTask = null;
        }
    }

    Events.Lobby lobby(LiveGame live) {
        Game game = live.game;
        return new Events.Lobby(game.pin(), game.quiz().title(), links.joinUrl(game.pin()), game.locked(),
                game.playerCount(), links.localOnly());
    }

    /**
     * Sends the host the answer count not yet sent (ANSWER_COUNT), if there is one: from the 100 ms timer
     * ({@link LiveUpdates}), and from a question's close so the count never follows its REVEAL. Takes the game's
     * lock, which the close already holds.
     */
    void sendPendingCount(LiveGame live) {
        synchronized (live.game) {
            GameEvent.AnswerCounted count = live.pendingCount;
            live.pendingCount = null;
            if (count != null) {
                connections.send(Identity.host(live.game.pin()), Events.AnswerCount.of(count));
            }
        }
    }

    /** The REVEAL event, its typed answers screened with the nickname blocklist against the question's own words. */
    private Events.Reveal reveal(RevealView r, QuestionView q) {
        String lesson = String.join(" ", q.text(), java.util.Objects.toString(r.explanation(), ""),
                r.acceptedAnswers() == null ? "" : String.join(" ", r.acceptedAnswers()));
        return Events.Reveal.of(r, q, answer -> nicknames.hasBlockedWord(answer, lesson));
    }

    private void toUser(Identity identity, Object event) {
        connections.send(identity, event);
    }

    static String topic(String pin) {
        return "/topic/games/" + pin;
    }

    private Optional<LiveGame> live(String pin) {
        return Optional.ofNullable(games.get(pin));
    }

    /**
     * The game, or in a cluster the game taken over from the database because a client of it (a join, a
     * CONNECT) reached this node. Only those two entry points take games over: events of connections
     * this node already dropped (disconnects, late pongs) must not pull a game back.
     */
    private Optional<LiveGame> liveOrAdopt(String pin) {
        LiveGame live = games.get(pin);
        if (live == null && ownership.clustered()) {
            live = adopt(pin);
        }
        return Optional.ofNullable(live);
    }

    /** Takes over an unfinished game from the database once this node holds its lease; null if there is none. */
    private LiveGame adopt(String pin) {
        if (!Tokens.looksLikePin(pin)) {
            return null;
        }
        // One lock per game: a class reconnecting at once waits for one takeover, other games not at all.
        synchronized (adoptLocks.computeIfAbsent(pin, k -> new Object())) {
            LiveGame live = games.get(pin);
            if (live != null) {
                return live;
            }
            // First the lease (answered from memory while another node holds it), then the game: read only
            // now, everything the previous owner committed under its lease is visible.
            if (!ownership.takeOver(pin)) {
                return null;
            }
            try {
                Optional<StoredGame> stored = store.findGame(pin).filter(g -> g.phase() != Phase.FINISHED);
                if (stored.isEmpty()) {
                    ownership.release(pin);
                    return null;
                }
                resume(stored.get());
            } catch (RuntimeException e) {
                ownership.release(pin);
                throw e;
            }
            return games.get(pin);
        }
    }

    /**
     * Ends game {@code pin} as the host's "end" would (for {@link AbandonedGames}): the open question
     * closes, final standings are stored and published.
     *
     * @return false when this node does not run the game or it has finished already
     */
    public boolean endAbandoned(String pin) {
        LiveGame live = games.get(pin);
        if (live == null) {
            return false;
        }
        synchronized (live.game) {
            if (live.game.phase() == Phase.FINISHED) {
                return false;
            }
            publish(live, live.game.end());
        }
        return true;
    }

    /** True if this node runs {@code pin} and it has not finished (never takes a game over). */
    public boolean runs(String pin) {
        LiveGame live = games.get(pin);
        return live != null && live.game.phase() != Phase.FINISHED;
    }

    /** The PINs of the games this node has in memory, finished ones included. */
    public Set<String> pins() {
        return Set.copyOf(games.keySet());
    }

    /**
     * Drops a game this node no longer owns (its lease moved): no more timers or writes, its tokens
     * are forgotten and its connections closed, so phones and the host reconnect to the new owner.
     */
    public void evict(String pin, String reason) {
        LiveGame live = games.remove(pin);
        if (live == null) {
            return;
        }
        synchronized (live.game) {
            cancelDeadline(live);
        }
        tokens.values().removeIf(id -> id.pin().equals(pin));
        connections.closeGame(pin, reason);
        log.warn("Game {} left this node: {}", pin, reason);
    }

    private LiveGame requireLive(String pin) {
        return live(pin).orElseThrow(() -> finishedOrUnknown(pin));
    }

    private RuntimeException finishedOrUnknown(String pin) {
        if (store.pinExists(pin)) {
            return new GameException(ErrorCode.GAME_FINISHED, "This game has finished.");
        }
        return new UnknownGameException(pin);
    }

    private String freePin() {
        for (int attempt = 0; attempt < 100; attempt++) {
            String pin = Tokens.pin();
            if (!games.containsKey(pin) && !store.pinExists(pin)) {
                return pin;
            }
        }
        throw new IllegalStateException("No free game PIN");
    }
}
