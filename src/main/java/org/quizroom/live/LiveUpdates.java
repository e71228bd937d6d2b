package org.quizroom.live;

import java.util.List;
import org.quizroom.game.GameEvent;
import org.quizroom.game.Phase;
import org.quizroom.game.PlayerView;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The updates that are sent on a timer rather than at once: the lobby count, the host's roster and answer
 * count (coalesced, so a join storm or an answer burst becomes a few messages), and the latency pings.
 * The events that must go out at once (QUESTION, REVEAL, ...) are {@link GameHub}'s.
 */
@Component
public class LiveUpdates {

    /** Rosters larger than this many players are sent to the host at most once a second. */
    static final int LARGE_ROSTER = 500;

    private final GameHub hub;
    private final SimpMessagingTemplate messaging;
    private final Connections connections;
    private final LatencyProbe latency;

    public LiveUpdates(GameHub hub, SimpMessagingTemplate messaging, Connections connections, LatencyProbe latency) {
        this.hub = hub;
        this.messaging = messaging;
        this.connections = connections;
        this.latency = latency;
    }

    /** Every 100 ms: LOBBY, PLAYERS and ANSWER_COUNT for the games whose roster or count changed since. */
    @Scheduled(fixedDelay = 100)
    public void flush() {
        for (LiveGame live : hub.liveGameStates()) {
            String pin = live.game.pin();
            if (live.rosterDirty) {
                live.rosterDirty = false;
                live.playersDirty = true;
                if (live.game.phase() == Phase.LOBBY) {
                    if (live.lobbyForEveryone) {
                        live.lobbyForEveryone = false;
                        messaging.convertAndSend(GameHub.topic(pin), hub.lobby(live));
                    } else {
                        connections.send(Identity.host(pin), hub.lobby(live));
                    }
                }
            }
            // PLAYERS carries the whole roster (about 100 bytes a player): ten a second while 5,000 players
            // connect is 5 MB/s to the host's one socket, which overflowed its send buffer and got it closed.
            // Big rosters go at most once a second.
            long now = System.nanoTime();
            if (live.playersDirty && (live.playersSent <= LARGE_ROSTER || now - live.playersSentAt >= 1_000_000_000L)) {
                live.playersDirty = false;
                live.playersSentAt = now;
                List<PlayerView> players = live.game.players();
                live.playersSent = players.size();
                connections.send(Identity.host(pin), new Events.Players(players));
            }
            GameEvent.AnswerCounted count = live.pendingCount;
            if (count != null) {
                live.pendingCount = null;
                connections.send(Identity.host(pin), new Events.AnswerCount(count.index(), count.answered(),
                        count.connected()));
            }
        }
    }

    /**
     * Every {@code quizroom.ping-interval-ms}: a PING to each connected player of a started game, for
     * {@link LatencyProbe}. Not in the lobby: nothing is timed there, each phone was measured by its
     * connect burst, and a class still joining should not also answer pings every few seconds.
     */
    @Scheduled(fixedDelayString = "${quizroom.ping-interval-ms:5000}")
    public void pingPlayers() {
        for (LiveGame live : hub.liveGameStates()) {
            Phase phase = live.game.phase();
            if (phase == Phase.LOBBY || phase == Phase.FINISHED) {
                continue;
            }
            live.game.players().stream().filter(PlayerView::connected)
                    .forEach(p -> latency.ping(Identity.player(live.game.pin(), p.playerId())));
        }
        latency.forgetSilentPlayers();
    }
}
