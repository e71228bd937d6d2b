package org.quizroom.game;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quizroom.quiz.Answer;
import org.quizroom.quiz.AnswerChecker;
import org.quizroom.quiz.InvalidAnswerException;
import org.quizroom.quiz.PointsMode;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.Verdict;

/**
 * One live game: a state machine driven by the host's commands, players' answers and the clock.
 *
 * <p>Plain Java by design: every method is synchronized, returns the events it caused and
 * throws {@link GameException} (leaving the state unchanged) when it refuses. Time comes only
 * from the injected {@link Clock}, so tests can step through deadlines exactly.
 */
public final class Game {

    public static final int LEADERBOARD_SIZE = 5;
    public static final int PODIUM_SIZE = 3;

    private final String pin;
    private final Quiz quiz;
    private final GameOptions options;
    private final GameSettings settings;
    private final long shuffleSeed;
    private final Clock clock;
    private final Map<String, Player> players = new LinkedHashMap<>();
    /**
     * Each player's same-name keys ({@link NicknamePolicy#sameNameKeys}) to the player holding them, kicked ones
     * included: a join looks its name up here instead of comparing it with every player (a class of 5,000
     * joining made that quadratic).
     */
    private final Map<String, Player> byNameKey = new HashMap<>();
    /** Players not kicked, kept as a count so a join or roster event need not walk every player. */
    private int activeCount;
    /**
     * The standings as {@link #sync} last computed them, or null. Only {@code sync} fills it (a reconnect storm
     * asks for every player's rank at once, and a sort per sync made it quadratic); every method that can
     * change a score, a time, or who plays clears it on entry (see {@link #rankingMayChange}).
     */
    private Ranking syncRanking;

    /** Standings plus each player's rank by id, so looking one up is not a walk over everyone. */
    private record Ranking(List<Standing> standings, Map<String, Integer> ranks) {
        static Ranking of(List<Standing> standings) {
            Map<String, Integer> ranks = new HashMap<>(standings.size() * 2);
            standings.forEach(st -> ranks.put(st.playerId(), st.rank()));
            return new Ranking(standings, ranks);
        }
    }

    private Phase phase = Phase.LOBBY;
    private boolean locked;
    private int index = -1;
    /** When answers to the open question open: after its reading time. The answer clock starts here. */
    private Instant openedAt;
    private Instant deadline;
    /** Sum of the time limits of the scored questions closed so far: what a player who missed all of them is charged. */
    private long closedScoredTimeMs;
    private RevealView lastReveal;
    private final Map<String, PlayerResult> lastResults = new LinkedHashMap<>();
    private int scoredQuestionsOpened;
    // Counts over the active players, kept in step so that counting an answer costs O(1) instead of a
    // pass over every player (at 2,000 players those passes were a third of the server's CPU in a game).
    private int connectedCount;
    private int answeredCount;
    private int connectedAnsweredCount;
    /** The open question's points, applied when it closes (see {@link PendingPoints}). */
    private final PendingPoints pending = new PendingPoints();
    /** Each shuffled question's display order, computed once (read without the game's lock, so concurrent). */
    private final Map<Integer, int[]> displayOrders = new java.util.concurrent.ConcurrentHashMap<>();

    public Game(String pin, Quiz quiz, GameOptions options, GameSettings settings, long shuffleSeed, Clock clock) {
        this.pin = pin;
        this.quiz = quiz;
        this.options = options;
        this.settings = settings;
        this.shuffleSeed = shuffleSeed;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- players

    /** Adds a player; {@code nickname} must already be cleaned by the {@link NicknamePolicy}. */
    public synchronized List<GameEvent> join(String playerId, String nickname) {
        rankingMayChange();
        if (phase == Phase.FINISHED) {
            throw new GameException(ErrorCode.GAME_FINISHED, "This game has finished.");
        }
        if (locked) {
            throw new GameException(ErrorCode.GAME_LOCKED, "The teacher has locked this game.");
        }
        if (phase != Phase.LOBBY && !options.lateJoin()) {
            throw new GameException(ErrorCode.GAME_LOCKED, "This game has already started.");
        }
        if (activeCount >= settings.maxPlayers()) {
            throw new GameException(ErrorCode.GAME_FULL, "This game is full.");
        }
        Player holder = null;
        for (String key : NicknamePolicy.sameNameKeys(nickname)) {
            Player p = byNameKey.get(key);
            if (p != null && (holder == null || p.kicked)) {
                holder = p; // a removed name wins: its message says why the name cannot come back
            }
        }
        if (holder != null && holder.kicked) {
            // A removed student must not walk straight back in under the same (or a look-alike) name.
            throw new GameException(ErrorCode.NICKNAME_REMOVED,
                    "The teacher removed \"" + holder.nickname + "\" from this game, so that name cannot join it again.");
        }
        if (holder != null) {
            // The name as the class sees it on the projector, not the look-alike just typed.
            throw new GameException(ErrorCode.NICKNAME_TAKEN,
                    "Someone in this game is already called \"" + holder.nickname + "\".");
        }
        Player player = new Player(playerId, nickname, players.size());
        // Questions closed before a late joiner arrived count as missed, at their full time (see TieBreak note in closeQuestion).
        player.totalTimeMs = closedScoredTimeMs;
        players.put(playerId, player);
        player.nameKeys.forEach(k -> byNameKey.put(k, player));
        activeCount++;
        return List.of(roster());
    }

    /**
     * Takes back a join that could not be stored (the player was never told they joined): the name is free
     * again and the player is gone without a trace. Does nothing for an unknown player.
     */
    public synchronized List<GameEvent> unjoin(String playerId) {
        rankingMayChange();
        Player player = players.remove(playerId);
        if (player == null) {
            return List.of();
        }
        player.nameKeys.forEach(k -> byNameKey.remove(k, player));
        if (!player.kicked) {
            activeCount--;
            if (player.connected) {
                connectedCount--;
            }
        }
        return List.of(roster());
    }

    public synchronized List<GameEvent> kick(String playerId) {
        requireNotFinished();
        rankingMayChange();
        Player player = activePlayer(playerId);
        player.kicked = true;
        player.connected = false;
        activeCount--;
        recount();
        var events = new ArrayList<GameEvent>();
        events.add(new GameEvent.PlayerKicked(playerId));
        events.add(roster());
        if (phase == Phase.QUESTION) {
            events.add(answerCount());
            // The one everyone was waiting for is gone: no reason to wait for the deadline.
            if (everyoneAnswered()) {
                events.addAll(closeQuestion());
            }
        }
        return events;
    }

    /** A player's connection came or went; presence drives "everyone answered". */
    public synchronized List<GameEvent> setConnected(String playerId, boolean connected) {
        Player player = players.get(playerId);
        if (player == null || player.kicked || player.connected == connected) {
            return List.of();
        }
        player.connected = connected;
        int change = connected ? 1 : -1;
        connectedCount += change;
        if (index >= 0 && player.answers.containsKey(index)) {
            connectedAnsweredCount += change;
        }
        var events = new ArrayList<GameEvent>();
        events.add(roster());
        if (phase == Phase.QUESTION) {
            events.add(answerCount());
        }
        return events;
    }

    public synchronized void recordRoundTrip(String playerId, long rttMs) {
        Player player = players.get(playerId);
        if (player != null) {
            player.recordRoundTrip(rttMs);
        }
    }

    public synchronized List<GameEvent> lock() {
        requireNotFinished();
        locked = true;
        return List.of(roster());
    }

    public synchronized List<GameEvent> unlock() {
        requireNotFinished();
        locked = false;
        return List.of(roster());
    }

    // ---------------------------------------------------------------- flow

    public synchronized List<GameEvent> start() {
        rankingMayChange();
        requireNotFinished();
        if (phase != Phase.LOBBY) {
            throw new GameException(ErrorCode.INVALID_STATE, "The game has already started.");
        }
        if (activeCount == 0) {
            // Nobody would see the first question, and its deadline would run out for no one.
            throw new GameException(ErrorCode.NO_PLAYERS, "Nobody has joined yet: wait for the first player, then start.");
        }
        return openQuestion(0);
    }

    /**
     * Refuses a host command pressed on a screen the game has already left. The host screen tags
     * start/next/skip with the step it showed: {@code questionIndex} (-1 in the lobby) and, when
     * known, {@code phase}. Both must match, so two "next" presses at one reveal (two frames with
     * the same index) move on once, reveal → leaderboard, instead of skipping the leaderboard.
     * With {@code phase} null (an older client) only the index is compared.
     *
     * @throws GameException STALE_COMMAND when the game is no longer at that step
     */
    public synchronized void requireAt(int questionIndex, Phase phase) {
        if (index != questionIndex || (phase != null && this.phase != phase)) {
            String shown = "question " + questionIndex + (phase == null ? "" : " (" + phase.name().toLowerCase(java.util.Locale.ROOT) + ")");
            String now = "question " + index + " (" + this.phase.name().toLowerCase(java.util.Locale.ROOT) + ")";
            throw new GameException(ErrorCode.STALE_COMMAND, "That command was for " + shown + " but the game is at " + now + ".");
        }
    }

    /** Reveal → leaderboard, leaderboard → next question, last reveal → finished. */
    public synchronized List<GameEvent> next() {
        rankingMayChange();
        return switch (phase) {
            case REVEAL -> index == quiz.questions().size() - 1 ? finish() : List.of(leaderboardShown());
            case LEADERBOARD -> openQuestion(index + 1);
            case LOBBY -> throw new GameException(ErrorCode.INVALID_STATE, "The game has not started yet; start it first.");
            case QUESTION -> throw new GameException(ErrorCode.INVALID_STATE, "The question is still open; skip it to close it now.");
            case FINISHED -> throw new GameException(ErrorCode.GAME_FINISHED, "This game has finished.");
        };
    }

    /** Closes the open question now. */
    public synchronized List<GameEvent> skip() {
        rankingMayChange();
        requireNotFinished();
        if (phase != Phase.QUESTION) {
            throw new GameException(ErrorCode.INVALID_STATE, "There is no open question to skip.");
        }
        return closeQuestion();
    }

    /** Ends the game now, from any phase; an open question is closed and scored first. */
    public synchronized List<GameEvent> end() {
        rankingMayChange();
        requireNotFinished();
        var events = new ArrayList<GameEvent>();
        if (phase == Phase.QUESTION) {
            events.addAll(closeQuestion());
        }
        events.addAll(finish());
        return events;
    }

    /** Closes the open question if its deadline (plus the network allowance) has passed. */
    public synchronized List<GameEvent> closeIfDue() {
        rankingMayChange();
        if (phase == Phase.QUESTION && !clock.instant().isBefore(closingTime())) {
            return closeQuestion();
        }
        return List.of();
    }

    /** Closes question {@code questionIndex} if it is still open and every connected player answered. */
    public synchronized List<GameEvent> closeIfEveryoneAnswered(int questionIndex) {
        rankingMayChange();
        if (phase == Phase.QUESTION && index == questionIndex && everyoneAnswered()) {
            return closeQuestion();
        }
        return List.of();
    }

    /**
     * The live layer has just handed question {@code questionIndex} to every connected player: their
     * clocks and the deadline start now (plus the reading time) rather than when the question was opened, so the time the
     * server spent storing the new state and queueing the broadcast (hundreds of ms on a busy machine)
     * is never charged to the students. Players whose question reached them otherwise (a late sync)
     * keep their own start. Does nothing if that question is no longer open.
     */
    public synchronized void questionSent(int questionIndex) {
        if (phase != Phase.QUESTION || index != questionIndex) {
            return;
        }
        // With reading time, answers open that long after the broadcast, as the phones count it.
        Instant opens = clock.instant().plusMillis(ReadingTime.readingMs(currentQuestion(), options));
        if (!opens.isAfter(openedAt)) {
            return;
        }
        Instant opened = openedAt;
        activePlayers().forEach(p -> p.deliveredAt.replace(index, opened, opens));
        openedAt = opens;
        deadline = opens.plusMillis(timeLimitMs(currentQuestion()));
    }

    /** When the live layer should call {@link #closeIfDue()}: the deadline plus the largest allowance. */
    public synchronized Instant closingTime() {
        return deadline == null ? null : deadline.plusMillis(settings.maxNetworkAllowanceMs());
    }

    // ---------------------------------------------------------------- answers

    /**
     * Checks that {@code playerId} may answer question {@code questionIndex} now, before the answer itself is
     * read: a player in the game, the game not finished, that question open. Checked first so that an answer
     * sent for a question not yet open is refused for that, and never for its format (which would tell the
     * next question's type early).
     *
     * @throws GameException UNKNOWN_PLAYER (not in this game, or removed), GAME_FINISHED, TOO_LATE (that
     *                       question's time is up) or WRONG_QUESTION (another question, or none, is open)
     */
    public synchronized void requireAnswerable(String playerId, int questionIndex) {
        answerable(playerId, questionIndex);
    }

    private Player answerable(String playerId, int questionIndex) {
        Player player = activePlayer(playerId);
        requireNotFinished();
        if (phase != Phase.QUESTION || questionIndex != index) {
            if (questionIndex == index && (phase == Phase.REVEAL || phase == Phase.LEADERBOARD)) {
                throw new GameException(ErrorCode.TOO_LATE, "Time is up for this question.");
            }
            throw new GameException(ErrorCode.WRONG_QUESTION, phase == Phase.QUESTION
                    // Numbered from 1, as the screens number questions.
                    ? "That answer was for question " + (questionIndex + 1) + ", but question " + (index + 1)
                    + " is open now."
                    : "No question is open right now.");
        }
        return player;
    }

    /**
     * Counts a player's answer to the open question. {@code answer} uses display indices, as the
     * player saw the choices. Only the first answer counts; late ones are refused.
     */
    public synchronized AnswerOutcome answer(String playerId, int questionIndex, Answer answer) {
        Instant received = clock.instant();
        Player player = answerable(playerId, questionIndex);
        if (received.isBefore(openedAt)) {
            throw new GameException(ErrorCode.TOO_EARLY, "Answers open when the reading time is over.");
        }
        if (player.answers.containsKey(index)) {
            throw new GameException(ErrorCode.ALREADY_ANSWERED, "You have already answered this question.");
        }
        long allowance = player.networkAllowanceMs(settings.maxNetworkAllowanceMs());
        Instant effective = received.minusMillis(allowance);
        if (effective.isAfter(deadline)) {
            throw new GameException(ErrorCode.TOO_LATE, "Time is up for this question.");
        }
        Question question = currentQuestion();
        // A number typed two ways (1.953) is stored as the reading the question needs.
        Answer sent = toCanonical(question, answer);
        Answer canonical = AnswerChecker.resolve(question, sent);
        Verdict verdict;
        try {
            verdict = AnswerChecker.check(question, canonical);
        } catch (InvalidAnswerException e) {
            throw new GameException(ErrorCode.BAD_ANSWER, e.getMessage());
        }
        Instant start = player.deliveredAt.getOrDefault(index, openedAt);
        long timeLimit = timeLimitMs(question);
        long responseMs = Math.min(Math.max(Duration.between(start, effective).toMillis(), 0), timeLimit);

        int points = 0;
        if (question.basePoints() > 0) {
            int speed = Scoring.speedPoints(question.basePoints(), responseMs, timeLimit, options.speedScoring());
            points = (int) Math.round(speed * verdict.credit());
        }
        int streak = streakAfter(player, question, verdict.correct());
        if (affectsStreak(question) && verdict.correct() && options.streaks()) {
            points += Scoring.streakBonus(streak);
        }
        var accepted = new AcceptedAnswer(playerId, index, canonical, describe(question, canonical),
                verdict.correct(), points, responseMs, received, allowance, verdict.toleratedAs());
        hold(player, question, accepted);
        if (sent instanceof Answer.Numeric n && n.otherReading() != null) {
            player.firstReading = new Answer.Numeric(n.value());
            player.firstReadingOf = index;
        }
        answeredCount++;
        if (player.connected) {
            connectedAnsweredCount++;
        }
        return new AnswerOutcome(accepted, answerCount(), everyoneAnswered());
    }

    // ---------------------------------------------------------------- reconnecting

    /**
     * The current screen for a (re)connecting client. For a player it also marks the open
     * question as delivered now if it never reached them (a late joiner's clock starts here).
     * {@code null} asks for the host's view; an unknown or kicked player is refused
     * (UNKNOWN_PLAYER) rather than shown the game.
     */
    public synchronized SyncView sync(String playerIdOrNull) {
        Player player = playerIdOrNull == null ? null : activePlayer(playerIdOrNull);
        Instant now = clock.instant();
        if (player != null && phase == Phase.QUESTION) {
            // Arriving during the reading time, their clock starts with everyone else's, when answers open.
            player.deliveredAt.putIfAbsent(index, now.isBefore(openedAt) ? openedAt : now);
        }
        if (phase == Phase.LOBBY) {
            // Nobody has points before the first question: no rank or leaderboard to show, and ranking
            // a class that is still joining sorted every player for each one that arrived.
            return new SyncView(phase, player == null ? null : player.view(), null, null, 0, 0, false, null, null,
                    null, List.of(), List.of(), null, activeCount, locked);
        }
        if (syncRanking == null) {
            syncRanking = Ranking.of(standings());
        }
        List<Standing> standings = syncRanking.standings();
        Integer rank = player == null ? null : syncRanking.ranks().get(player.id);
        QuestionView question = phase == Phase.QUESTION ? questionView(index) : null;
        long opensIn = phase == Phase.QUESTION && now.isBefore(openedAt)
                ? Duration.between(now, openedAt).toMillis() : 0;
        long remaining = phase == Phase.QUESTION
                ? Math.max(0, Duration.between(now.isBefore(openedAt) ? openedAt : now, deadline).toMillis()) : 0;
        boolean answered = player != null && phase == Phase.QUESTION && player.answers.containsKey(index);
        // A phone reloaded after answering redraws its choice from this, not only "locked in".
        // Never the reading of a two-way number that was right (see Player#firstReading): that is the key.
        Answer yourAnswer = !answered ? null
                : player.firstReadingOf == index ? player.firstReading : toDisplay(player.answers.get(index).answer());
        PlayerResult result = player == null ? null : lastResults.get(player.id);
        List<Standing> podium = phase == Phase.FINISHED ? top(standings, PODIUM_SIZE) : List.of();
        PlayerFinal fin = player != null && phase == Phase.FINISHED ? finalFor(player, syncRanking) : null;
        return new SyncView(phase, player == null ? null : player.view(), rank, question, opensIn, remaining, answered,
                yourAnswer,
                phase == Phase.REVEAL || phase == Phase.LEADERBOARD ? lastReveal : null, result,
                top(standings, LEADERBOARD_SIZE), podium, fin, activeCount, locked);
    }

    // ---------------------------------------------------------------- queries

    public String pin() {
        return pin;
    }

    public Quiz quiz() {
        return quiz;
    }

    public GameOptions options() {
        return options;
    }

    public long shuffleSeed() {
        return shuffleSeed;
    }

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized int questionIndex() {
        return index;
    }

    public synchronized boolean locked() {
        return locked;
    }

    public synchronized Instant deadline() {
        return deadline;
    }

    /** When answers to the open question open (after its reading time), or opened. */
    public synchronized Instant openedAt() {
        return openedAt;
    }

    public synchronized List<PlayerView> players() {
        return activePlayers().map(Player::view).toList();
    }

    /** Players in the game (not kicked), connected or not. */
    public synchronized int playerCount() {
        return activeCount;
    }

    public synchronized boolean isActivePlayer(String playerId) {
        Player player = players.get(playerId);
        return player != null && !player.kicked;
    }

    public synchronized List<Standing> standings() {
        List<Player> ranked = activePlayers()
                .sorted(Comparator.comparingInt((Player p) -> -p.score)
                        .thenComparingLong(p -> p.totalTimeMs)
                        .thenComparingInt(p -> p.joinOrder))
                .toList();
        var standings = new ArrayList<Standing>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Player p = ranked.get(i);
            standings.add(new Standing(i + 1, p.id, p.nickname, p.score, p.totalTimeMs));
        }
        return standings;
    }

    /** The choices of question {@code questionIndex} as players see them (shuffled if asked). */
    public QuestionView questionView(int questionIndex) {
        Question question = quiz.questions().get(questionIndex);
        int[] order = displayOrder(questionIndex);
        List<String> choices = Arrays.stream(order).mapToObj(question.choices()::get).toList();
        return new QuestionView(questionIndex, quiz.questions().size(), question.type(), question.text(), choices,
                timeLimitMs(question), question.type().isScored() ? question.points() : PointsMode.NONE,
                ReadingTime.readingMs(question, options), question.image());
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Rebuilds a game from what was stored: the players (in join order), the answers, and where
     * the game was. An interrupted question is reopened with its full time limit for everyone who
     * had not answered yet; answers already stored stand.
     */
    public synchronized void restore(List<RestoredPlayer> restoredPlayers, List<AcceptedAnswer> answers,
                                     Phase storedPhase, int storedIndex, boolean storedLocked) {
        if (phase != Phase.LOBBY || !players.isEmpty()) {
            throw new IllegalStateException("restore() is only for a fresh game");
        }
        rankingMayChange();
        for (RestoredPlayer p : restoredPlayers) {
            Player player = new Player(p.playerId(), p.nickname(), players.size());
            player.kicked = p.kicked();
            player.hadOpen.addAll(p.missedQuestions());
            players.put(p.playerId(), player);
            player.nameKeys.forEach(k -> byNameKey.putIfAbsent(k, player));
            if (!player.kicked) {
                activeCount++;
            }
        }
        Map<Integer, List<AcceptedAnswer>> byQuestion = answers.stream()
                .collect(Collectors.groupingBy(AcceptedAnswer::questionIndex));
        locked = storedLocked;
        int closedUpTo = switch (storedPhase) {
            case LOBBY -> -1;
            case QUESTION -> storedIndex - 1;
            default -> storedIndex;
        };
        for (int q = 0; q <= closedUpTo; q++) {
            index = q;
            Question question = quiz.questions().get(q);
            if (question.type().isScored()) {
                scoredQuestionsOpened++;
            }
            for (AcceptedAnswer a : byQuestion.getOrDefault(q, List.of())) {
                Player player = players.get(a.playerId());
                if (player != null) {
                    replayStreak(player, question, a);
                    apply(player, question, a);
                }
            }
            breakStreaksOfSilentPlayers(question);
            chargeMissed(question);
            players.values().stream().filter(p -> p.answers.containsKey(index)).forEach(p -> p.hadOpen.add(index));
        }
        phase = storedPhase == Phase.FINISHED ? Phase.FINISHED : Phase.LOBBY;
        if (storedPhase == Phase.QUESTION) {
            openQuestion(storedIndex);
            Question question = currentQuestion();
            for (AcceptedAnswer a : byQuestion.getOrDefault(storedIndex, List.of())) {
                Player player = players.get(a.playerId());
                if (player != null) {
                    hold(player, question, a); // the reopened question's points wait for its close, as before
                }
            }
        } else if (storedPhase != Phase.LOBBY && storedIndex >= 0) {
            // REVEAL, LEADERBOARD, or FINISHED after at least one question: the last reveal and
            // each player's last result are shown again, as they were before the restart.
            index = storedIndex;
            lastReveal = reveal(currentQuestion());
            lastResults.clear();
            results(currentQuestion()).forEach(r -> lastResults.put(r.playerId(), r));
            phase = storedPhase;
        }
        recount();
    }

    /**
     * A stored player, for {@link #restore}. {@code missedQuestions}: indices of closed questions the
     * player had open but did not answer (see {@link #missedBy}); answered ones are known from the answers.
     */
    public record RestoredPlayer(String playerId, String nickname, boolean kicked, java.util.Set<Integer> missedQuestions) {

        public RestoredPlayer {
            missedQuestions = java.util.Set.copyOf(missedQuestions);
        }

        public RestoredPlayer(String playerId, String nickname, boolean kicked) {
            this(playerId, nickname, kicked, java.util.Set.of());
        }
    }

    /**
     * The active players who had question {@code questionIndex} open (it reached them while it was
     * open) but did not answer it: what the live layer stores at each close so that a restart still
     * knows which questions each player could have answered.
     */
    public synchronized List<String> missedBy(int questionIndex) {
        return activePlayers().filter(p -> p.hadOpen.contains(questionIndex) && !p.answers.containsKey(questionIndex))
                .map(p -> p.id).toList();
    }

    // ---------------------------------------------------------------- internals

    private List<GameEvent> openQuestion(int questionIndex) {
        index = questionIndex;
        phase = Phase.QUESTION;
        Question question = currentQuestion();
        if (question.type().isScored()) {
            scoredQuestionsOpened++;
        }
        // The text is shown alone for its reading time; the answer clock and deadline start after it.
        openedAt = clock.instant().plusMillis(ReadingTime.readingMs(question, options));
        deadline = openedAt.plusMillis(timeLimitMs(question));
        lastReveal = null;
        lastResults.clear();
        pending.clear();
        // Everyone connected receives the broadcast now; others start their clock on sync.
        activePlayers().filter(p -> p.connected).forEach(p -> p.deliveredAt.putIfAbsent(index, openedAt));
        recount();
        return List.of(new GameEvent.QuestionOpened(questionView(index), deadline), answerCount());
    }

    private List<GameEvent> closeQuestion() {
        Question question = currentQuestion();
        pending.applyAll();
        breakStreaksOfSilentPlayers(question);
        activePlayers().filter(p -> p.deliveredAt.containsKey(index) || p.answers.containsKey(index))
                .forEach(p -> p.hadOpen.add(index));
        chargeMissed(question);
        phase = Phase.REVEAL;
        lastReveal = reveal(question);
        List<PlayerResult> results = results(question);
        lastResults.clear();
        results.forEach(r -> lastResults.put(r.playerId(), r));
        return List.of(new GameEvent.QuestionClosed(lastReveal, results));
    }

    private List<GameEvent> finish() {
        phase = Phase.FINISHED;
        deadline = null;
        List<Standing> standings = standings();
        Ranking ranking = Ranking.of(standings);
        List<PlayerFinal> finals = activePlayers().map(p -> finalFor(p, ranking)).toList();
        return List.of(new GameEvent.GameFinished(top(standings, PODIUM_SIZE), finals));
    }

    private GameEvent.LeaderboardShown leaderboardShown() {
        phase = Phase.LEADERBOARD;
        return new GameEvent.LeaderboardShown(index, quiz.questions().size(), top(standings(), LEADERBOARD_SIZE));
    }

    private void apply(Player player, Question question, AcceptedAnswer accepted) {
        player.answers.put(accepted.questionIndex(), accepted);
        player.score += accepted.points();
        if (question.type().isScored()) {
            player.totalTimeMs += accepted.responseMs();
            if (accepted.correct()) {
                player.correctCount++;
            }
        }
    }

    /**
     * Tie-break: a scored question a player did not answer (missed, absent, or before they joined)
     * counts its full time limit, so a wrong answer never ranks below no answer at equal score.
     * Polls are not charged, as their answer times do not count either.
     */
    private void chargeMissed(Question question) {
        if (!question.type().isScored()) {
            return;
        }
        long limit = timeLimitMs(question);
        closedScoredTimeMs += limit;
        players.values().stream().filter(p -> !p.answers.containsKey(index)).forEach(p -> p.totalTimeMs += limit);
    }

    /** Records an answer to the open question; its points reach the player's standing only at the close. */
    private void hold(Player player, Question question, AcceptedAnswer accepted) {
        player.answers.put(accepted.questionIndex(), accepted);
        pending.hold(player, accepted, question.type().isScored(), streakAfter(player, question, accepted.correct()));
    }

    /** The streak a player will have once an answer to {@code question} is applied. */
    private static int streakAfter(Player player, Question question, boolean correct) {
        if (!affectsStreak(question)) {
            return player.streak;
        }
        return correct ? player.streak + 1 : 0;
    }

    /** Polls and no-points questions neither build nor break a streak. */
    private static boolean affectsStreak(Question question) {
        return question.type().isScored() && question.points() != PointsMode.NONE;
    }

    private void replayStreak(Player player, Question question, AcceptedAnswer a) {
        if (affectsStreak(question)) {
            player.streak = a.correct() ? player.streak + 1 : 0;
        }
    }

    private void breakStreaksOfSilentPlayers(Question question) {
        if (affectsStreak(question)) {
            activePlayers().filter(p -> !p.answers.containsKey(index)).forEach(p -> p.streak = 0);
        }
    }

    private List<PlayerResult> results(Question question) {
        List<Standing> standings = standings();
        int count = standings.size();
        var results = new ArrayList<PlayerResult>(count);
        for (Standing s : standings) {
            Player p = players.get(s.playerId());
            AcceptedAnswer a = p.answers.get(index);
            results.add(new PlayerResult(p.id, index, a != null, a != null && a.correct(), a == null ? 0 : a.points(),
                    p.score, p.streak, s.rank(), count, a == null ? null : a.toleratedAs(),
                    a == null ? null : toDisplay(a.answer())));
        }
        return results;
    }

    private RevealView reveal(Question question) {
        int[] order = displayOrder(index);
        int[] displayOf = new int[order.length];
        for (int d = 0; d < order.length; d++) {
            displayOf[order[d]] = d;
        }
        List<AcceptedAnswer> answers = activePlayers().map(p -> p.answers.get(index))
                .filter(a -> a != null).toList();
        List<Integer> distribution = List.of();
        if (question.type() != QuestionType.ORDER && question.type().hasChoices()) {
            int[] counts = new int[order.length];
            for (AcceptedAnswer a : answers) {
                if (a.answer() instanceof Answer.Choice c) {
                    counts[displayOf[c.index()]]++;
                } else if (a.answer() instanceof Answer.Choices cs) {
                    cs.indices().forEach(i -> counts[displayOf[i]]++);
                }
            }
            distribution = Arrays.stream(counts).boxed().toList();
        }
        List<Integer> correctChoices = List.of();
        List<Integer> correctOrder = List.of();
        if (question.type() == QuestionType.ORDER) {
            correctOrder = IntStream.range(0, order.length).map(i -> displayOf[i]).boxed().toList();
        } else if (question.type().hasChoices()) {
            correctChoices = question.correctChoices().stream().map(i -> displayOf[i]).sorted().toList();
        }
        int correctCount = (int) answers.stream().filter(AcceptedAnswer::correct).count();
        boolean isNumber = question.type() == QuestionType.NUMBER;
        return new RevealView(index, question.type(), correctChoices, correctOrder, question.acceptedAnswers(),
                isNumber ? question.correctNumber() : null, isNumber ? question.tolerance() : null,
                distribution, answers.size(), correctCount, activeCount, question.section(),
                question.explanation(), question.type() == QuestionType.TYPE || isNumber
                        ? AnswerTallies.top(answers) : List.of());
    }

    private PlayerFinal finalFor(Player player, Ranking ranking) {
        int answerable = (int) player.hadOpen.stream()
                .filter(q -> quiz.questions().get(q).type().isScored()).count();
        return new PlayerFinal(player.id, ranking.ranks().get(player.id), player.score, ranking.standings().size(),
                player.correctCount, scoredQuestionsOpened, answerable);
    }

    private static List<Standing> top(List<Standing> standings, int n) {
        return List.copyOf(standings.subList(0, Math.min(n, standings.size())));
    }

    private GameEvent.RosterChanged roster() {
        return new GameEvent.RosterChanged(activeCount, locked);
    }

    private GameEvent.AnswerCounted answerCount() {
        // "connected" counts players who are connected or have answered (an answer counts as present)
        return new GameEvent.AnswerCounted(index, answeredCount,
                connectedCount + answeredCount - connectedAnsweredCount);
    }

    /** True when at least one player is connected and every connected player has answered. */
    private boolean everyoneAnswered() {
        return connectedCount > 0 && connectedAnsweredCount == connectedCount;
    }

    /** Recomputes the counts from scratch, after changes that touch more than one player's standing. */
    private void recount() {
        connectedCount = 0;
        answeredCount = 0;
        connectedAnsweredCount = 0;
        for (Player p : players.values()) {
            if (p.kicked) {
                continue;
            }
            boolean answered = index >= 0 && p.answers.containsKey(index);
            if (p.connected) {
                connectedCount++;
            }
            if (answered) {
                answeredCount++;
                if (p.connected) {
                    connectedAnsweredCount++;
                }
            }
        }
    }

    private Answer toCanonical(Question question, Answer answer) {
        int[] order = displayOrder(index);
        try {
            if (answer instanceof Answer.Choice c && question.type().hasChoices()) {
                return new Answer.Choice(c.index() >= 0 && c.index() < order.length ? order[c.index()] : c.index());
            }
            if (answer instanceof Answer.Choices cs && question.type().hasChoices()) {
                return new Answer.Choices(cs.indices().stream()
                        .map(i -> i >= 0 && i < order.length ? order[i] : i).toList());
            }
        } catch (NullPointerException e) {
            throw new GameException(ErrorCode.BAD_ANSWER, "Choice indices must be whole numbers.");
        }
        return answer;
    }

    /** The inverse of {@link #toCanonical}: a stored answer (file indices) as the player saw it (display indices). */
    private Answer toDisplay(Answer answer) {
        int[] order = displayOrder(index);
        int[] displayOf = new int[order.length];
        for (int d = 0; d < order.length; d++) {
            displayOf[order[d]] = d;
        }
        java.util.function.IntUnaryOperator shown = i -> i >= 0 && i < displayOf.length ? displayOf[i] : i;
        if (answer instanceof Answer.Choice c) {
            return new Answer.Choice(shown.applyAsInt(c.index()));
        }
        if (answer instanceof Answer.Choices cs) {
            return new Answer.Choices(cs.indices().stream().map(shown::applyAsInt).toList());
        }
        return answer;
    }

    private static String describe(Question question, Answer answer) {
        if (answer instanceof Answer.Choice c) {
            return question.choices().get(c.index());
        }
        if (answer instanceof Answer.Choices cs) {
            return cs.indices().stream().map(question.choices()::get)
                    .collect(Collectors.joining(question.type() == QuestionType.ORDER ? " > " : "; "));
        }
        if (answer instanceof Answer.Numeric n) {
            return n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                    ? String.valueOf((long) n.value()) : String.valueOf(n.value());
        }
        return ((Answer.Text) answer).value();
    }

    /**
     * display index → file index. Order questions are always shuffled (else the answer shows);
     * others only when the game asks for it. Keyed by the game's secret seed and the question
     * ({@link KeyedShuffle}), so a restart agrees and no question's order tells anything about another's.
     */
    private int[] displayOrder(int questionIndex) {
        Question question = quiz.questions().get(questionIndex);
        int n = question.choices().size();
        boolean shuffle = question.type() == QuestionType.ORDER
                || (options.shuffleAnswers() && question.type() != QuestionType.TRUEFALSE
                        && !question.keepOrder()); // the file's shuffle: false pins the order
        if (!shuffle || n < 2) {
            return IntStream.range(0, n).toArray();
        }
        return displayOrders.computeIfAbsent(questionIndex, q -> {
            int[] order;
            int attempt = 0;
            do {
                order = KeyedShuffle.permutation(shuffleSeed, q, attempt++, n);
            } while (question.type() == QuestionType.ORDER && isIdentity(order));
            return order;
        });
    }

    private static boolean isIdentity(int[] order) {
        return IntStream.range(0, order.length).allMatch(i -> order[i] == i);
    }

    private long timeLimitMs(Question question) {
        return Math.round(question.timeSeconds() * 1000 * options.timeMultiplier());
    }

    private Question currentQuestion() {
        return quiz.questions().get(index);
    }

    /** Called first by every method that can change a score, a time or who plays: sync's cached ranking is stale. */
    private void rankingMayChange() {
        syncRanking = null;
    }

    private java.util.stream.Stream<Player> activePlayers() {
        return players.values().stream().filter(p -> !p.kicked);
    }

    private Player activePlayer(String playerId) {
        Player player = players.get(playerId);
        if (player == null || player.kicked) {
            throw new GameException(ErrorCode.UNKNOWN_PLAYER, "No such player in this game.");
        }
        return player;
    }

    private void requireNotFinished() {
        if (phase == Phase.FINISHED) {
            throw new GameException(ErrorCode.GAME_FINISHED, "This game has finished.");
        }
    }
}
