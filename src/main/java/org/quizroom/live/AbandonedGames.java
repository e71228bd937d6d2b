package org.quizroom.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quizroom.QuizroomProperties;
import org.quizroom.game.Game;
import org.quizroom.store.GameStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends unfinished games that nobody uses any more, so a forgotten lobby or a lesson whose host
 * closed the laptop does not stay in memory for good and count toward {@code quizroom.max-live-games}
 * (issue 9: until now only a restart freed them).
 *
 * <p>A game is in use while any connection to it is open: the host screen, or a player's phone
 * (joining and answering both need one). Once it has had none for {@code quizroom.abandoned-game-minutes}
 * (default 120), it is ended as the host's "end" would end it: the open question closes, the final
 * standings are stored, and the game row is marked {@code abandoned_at}. Its answers and report stay.
 * The idle time counts from the first check that saw the game without a connection, and checks run
 * every {@code quizroom.abandoned-game-check-ms} (60 s), so after a restart resumed games get the
 * whole idle time again for the class to come back.
 */
@Component
public class AbandonedGames {

    private static final Logger log = LoggerFactory.getLogger(AbandonedGames.class);

    private final GameHub hub;
    private final Connections connections;
    private final GameStore store;
    private final Clock clock;
    private final Duration idle;
    /** PIN → the last check that saw a connection to it, or the first check that saw the game at all. */
    private final Map<String, Instant> lastInUse = new ConcurrentHashMap<>();

    public AbandonedGames(GameHub hub, Connections connections, GameStore store, Clock clock,
                          QuizroomProperties properties) {
        this.hub = hub;
        this.connections = connections;
        this.store = store;
        this.clock = clock;
        this.idle = Duration.ofMinutes(properties.abandonedGameMinutes());
    }

    @Scheduled(fixedDelayString = "${quizroom.abandoned-game-check-ms:60000}",
            initialDelayString = "${quizroom.abandoned-game-check-ms:60000}")
    void check() {
        sweep(clock.instant());
    }

    /**
     * One check at time {@code now}: notes which unfinished games are in use and ends those unused
     * for the idle time. Public so tests can pass the time instead of waiting two hours.
     *
     * @return the PINs of the games ended by this check
     */
    public List<String> sweep(Instant now) {
        Set<String> inUse = connections.gamesWithConnections();
        Set<String> unfinished = new HashSet<>();
        List<String> ended = new ArrayList<>();
        for (Game game : hub.liveGames()) {
            String pin = game.pin();
            unfinished.add(pin);
            if (inUse.contains(pin)) {
                lastInUse.put(pin, now);
                continue;
            }
            Instant since = lastInUse.putIfAbsent(pin, now);
            if (since != null && !now.isBefore(since.plus(idle)) && hub.endAbandoned(pin)) {
                store.markAbandoned(pin, now);
                lastInUse.remove(pin);
                ended.add(pin);
                log.info("Game {} ended: no host or player connected since {}", pin, since);
            }
        }
        lastInUse.keySet().retainAll(unfinished);
        return ended;
    }
}
