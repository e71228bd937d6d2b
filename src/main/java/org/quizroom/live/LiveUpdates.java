package org.quizroom.live;

import java.util.ArrayList;
import java.util.List;
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
    /** The periodic pings are spread over this many ticks of the ping interval. */
    static final int PING_SLICES = 5;

    private final GameHub hub;
    private final SimpMessagingTemplate messaging;
    private final Connections connections;
    private final LatencyProbe latency;
    private long pingTicks; // runs of pingPlayers never overlap (fixed delay)
    /** This round's connected players of started games, by slice: filled at slice 0, the first tick of each round. */
    private List<List<Pinged>> pingRound = List.of();

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
            if (live.pendingCount != null) {
                hub.sendPendingCount(live); // under the game's lock, so never after the question's REVEAL
            }
        }
    }

    /**
     * Every {@code quizroom.ping-interval-ms} / {@value #PING_SLICES}: a PING to one slice of the
     * connected players of each started game (by a hash of the player id), so each player is pinged
     * once per interval ({@link LatencyProbe}) and 5,000 pongs never arrive in one burst on top of
     * a question's answers. Not in the lobby: nothing is timed there, each phone was measured by its
     * connect burst, and a class still joining should not also answer pings.
     */
    @Scheduled(fixedDelayString = "#{${quizroom.ping-interval-ms:5000} / " + PING_SLICES + "}")
    public void pingPlayers() {
        int slice = (int) (pingTicks++ % PING_SLICES);
        if (slice == 0) {
            // The roster is walked once a round, as when everyone was pinged at once, not on every tick:
            // players joining during the round are pinged in the next one.
            pingRound = new ArrayList<>();
            for (int i = 0; i < PING_SLICES; i++) {
                pingRound.add(new ArrayList<>());
            }
            for (LiveGame live : hub.liveGameStates()) {
                if (pinged(live)) {
                    live.game.players().stream().filter(PlayerView::connected).forEach(p -> pingRound
                            .get(Math.floorMod(p.playerId().hashCode(), PING_SLICES)).add(new Pinged(live, p.playerId())));
                }
            }
            latency.forgetSilentPlayers();
        }
        for (Pinged p : pingRound.get(slice)) {
            if (pinged(p.live())) { // a game that finished during the round is left alone
                latency.ping(Identity.player(p.live().game.pin(), p.playerId()));
            }
        }
    }

    /** Not in the lobby (nothing is timed there) nor after the end. */
    private static boolean pinged(LiveGame live) {
        Phase phase = live.game.phase();
        return phase != Phase.LOBBY && phase != Phase.FINISHED;
    }

    private record Pinged(LiveGame live, String playerId) {
    }
}
