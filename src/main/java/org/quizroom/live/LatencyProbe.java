package org.quizroom.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Measures each player's network round trip with {@code PING} events and their {@code pong}
 * replies, so that network time is not charged as thinking time (design: scoring; issue 16).
 *
 * <p>A (re)connecting phone gets a short burst of {@value #BURST} pings {@value #BURST_GAP_MS} ms
 * apart, so the very next question is already compensated; after that the hub pings every
 * {@code quizroom.ping-interval-ms} once the game has started (nothing is timed in the lobby). Several pings may be in flight per player (a slow phone has
 * not answered the first when the second leaves), and each pong is matched to its own ping by
 * {@code seq}. Round trips are measured on the server's monotonic clock ({@link System#nanoTime()}).
 */
@Component
public class LatencyProbe {

    /**
     * Pings sent on every (re)connect: three give a median that one slow round trip cannot move.
     * Five cost a class of 2,000 joining at once 4,000 more frames each way for no better median.
     */
    static final int BURST = 3;
    /** Gap between the pings of a burst, in ms: short, but not so short the pongs queue behind each other. */
    static final long BURST_GAP_MS = 100;
    /** Pings remembered per player while their pong is awaited; older ones are forgotten. */
    private static final int IN_FLIGHT = 8;
    /** A player whose newest ping is this old has left; their entry is dropped. */
    private static final long FORGET_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    private record Sent(long seq, long nanos) {
    }

    private final Connections connections;
    private final TaskScheduler scheduler;
    private final AtomicLong seqs = new AtomicLong();
    private final Map<String, Deque<Sent>> inFlight = new ConcurrentHashMap<>();

    public LatencyProbe(Connections connections, TaskScheduler scheduler) {
        this.connections = connections;
        this.scheduler = scheduler;
    }

    /** Sends one PING to every connection of {@code player} (a player identity, never a host). */
    public void ping(Identity player) {
        long seq = seqs.incrementAndGet();
        Deque<Sent> sent = inFlight.computeIfAbsent(player.playerId(), id -> new ArrayDeque<>());
        synchronized (sent) {
            if (sent.size() == IN_FLIGHT) {
                sent.removeFirst();
            }
            sent.addLast(new Sent(seq, System.nanoTime()));
        }
        connections.send(player, new Events.Ping(seq));
    }

    /** Sends the connect burst: one PING now and {@code BURST - 1} more, {@code BURST_GAP_MS} ms apart. */
    public void burst(Identity player) {
        ping(player);
        Instant now = Instant.now();
        for (int i = 1; i < BURST; i++) {
            scheduler.schedule(() -> ping(player), now.plusMillis(i * BURST_GAP_MS));
        }
    }

    /**
     * Matches a pong to its ping.
     *
     * @return the round trip in ms, or empty when {@code seq} is not a ping this player has in
     *         flight (unknown, already answered, or too old): such a pong is ignored
     */
    public OptionalLong pong(Identity player, long seq) {
        Deque<Sent> sent = inFlight.get(player.playerId());
        if (sent == null) {
            return OptionalLong.empty();
        }
        long now = System.nanoTime();
        synchronized (sent) {
            for (var it = sent.iterator(); it.hasNext(); ) {
                Sent s = it.next();
                if (s.seq() == seq) {
                    it.remove();
                    return OptionalLong.of((now - s.nanos()) / 1_000_000);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Drops players whose newest ping is over a minute old: they left without a word. */
    public void forgetSilentPlayers() {
        long now = System.nanoTime();
        inFlight.values().removeIf(sent -> {
            synchronized (sent) {
                return sent.isEmpty() || now - sent.peekLast().nanos() > FORGET_AFTER_NANOS;
            }
        });
    }
}
