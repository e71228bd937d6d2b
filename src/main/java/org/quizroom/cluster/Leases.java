package org.quizroom.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quizroom.live.GameHub;
import org.quizroom.live.GameMovingException;
import org.quizroom.live.GameOwnership;
import org.quizroom.store.WriteFence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Game leases in the shared database (table game_lease, migration V15_1): one owner per game.
 *
 * <p>A node runs a game only while it holds the lease: a row with its node id, an epoch and an
 * expiry it renews every {@code renewMs}. Every write for the game checks the epoch in the same
 * transaction ({@link #check}: a conditional UPDATE that also locks the lease row until commit),
 * and taking a lease over adds one to the epoch, so once another node took a game the old owner's
 * writes are refused even if it was only paused; the new owner reads the game only after its
 * takeover committed, so it sees every answer the old owner stored (and acknowledged).
 *
 * <p>When nginx sends a game's traffic to a node that does not run it, that node takes the lease
 * if it expired (its owner died) or was its own (this node restarted); otherwise it marks the
 * game wanted and refuses with {@link GameMovingException}. The owner sees the mark at its next
 * renewal and hands the game over, so a game ends up on the node nginx routes its PIN to.
 * Clocks: expiry uses each node's clock, so node clocks must agree to well under leaseMs (NTP);
 * safety never depends on clocks, only the time to take over a dead node's games does.
 */
@Component
@ConditionalOnProperty(prefix = "quizroom.cluster", name = "enabled", havingValue = "true")
public class Leases implements GameOwnership, WriteFence, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    /** How long a "held elsewhere" verdict is reused before asking the database again, in ms. */
    private static final long BUSY_CACHE_MS = 250;

    private record Row(String nodeId, long epoch, Instant expiresAt, String wantedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectProvider<GameHub> hub;
    private final String nodeId;
    private final long leaseMs;
    private final long renewMs;
    /** The games this node holds: PIN to the epoch it was given. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** Games this node took over from another, and when: they are not handed on again for {@code leaseMs}. */
    private final Map<String, Instant> takenAt = new ConcurrentHashMap<>();
    /** Games seen held by another node, until when that verdict is reused. */
    private final Map<String, Instant> busyUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lease-renewal");
        t.setDaemon(true);
        return t;
    });

    public Leases(JdbcTemplate jdbc, Clock clock, ObjectProvider<GameHub> hub, ClusterProperties properties,
                  @Value("${server.port:8080}") int port) {
        if (properties.renewMs() <= 0 || properties.leaseMs() < 2 * properties.renewMs()) {
            throw new IllegalArgumentException("quizroom.cluster.lease-ms (" + properties.leaseMs()
                    + ") must be at least twice quizroom.cluster.renew-ms (" + properties.renewMs() + ")");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.hub = hub;
        this.leaseMs = properties.leaseMs();
        this.renewMs = properties.renewMs();
        this.nodeId = properties.nodeId().isBlank() ? hostName() + ":" + port : properties.nodeId();
    }

    /** This node's id in the lease table. */
    public String nodeId() {
        return nodeId;
    }

    /** The PINs of the games this node holds the lease of, finished ones included. */
    public List<String> heldPins() {
        return List.copyOf(held.keySet());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startRenewing() {
        log.info("Cluster node {}: leases of {} ms renewed every {} ms", nodeId, leaseMs, renewMs);
        timer.scheduleWithFixedDelay(this::renewQuietly, renewMs, renewMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    // ------------------------------------------------------------------ GameOwnership

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public void claimNew(String pin) {
        jdbc.update("insert into game_lease (game_pin, node_id, epoch, expires_at) values (?,?,?,?)",
                pin, nodeId, 1L, expiry());
        held.put(pin, 1L);
    }

    @Override
    public boolean takeOver(String pin) {
        Instant now = clock.instant();
        Instant busy = busyUntil.get(pin);
        if (busy != null && now.isBefore(busy)) {
            throw new GameMovingException(pin, busy.toEpochMilli() - now.toEpochMilli());
        }
        Row row = jdbc.query("select node_id, epoch, expires_at, wanted_by from game_lease where game_pin = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)), pin).stream().findFirst().orElse(null);
        if (row == null) {
            // No such game, or one from before the cluster was switched on: the first node to see it takes it.
            try {
                int inserted = jdbc.update("insert into game_lease (game_pin, node_id, epoch, expires_at) "
                        + "select pin, ?, ?, ? from game where pin = ? and phase <> 'FINISHED'",
                        nodeId, 1L, expiry(), pin);
                if (inserted == 0) {
                    return false;
                }
                taken(pin, 1L, null);
                return true;
            } catch (DuplicateKeyException raced) {
                throw busy(pin, now, BUSY_CACHE_MS);
            }
        }
        // Expired: its owner died or handed it over. Our own id with no entry in held: this node restarted.
        if (row.expiresAt().isBefore(now) || (row.nodeId().equals(nodeId) && !held.containsKey(pin))) {
            int taken = jdbc.update("update game_lease set node_id = ?, epoch = ?, expires_at = ?, wanted_by = null "
                    + "where game_pin = ? and epoch = ?", nodeId, row.epoch() + 1, expiry(), pin, row.epoch());
            if (taken == 1) {
                taken(pin, row.epoch() + 1, row.nodeId());
                return true;
            }
            throw busy(pin, now, BUSY_CACHE_MS);
        }
        if (!nodeId.equals(row.wantedBy())) {
            jdbc.update("update game_lease set wanted_by = ? where game_pin = ? and epoch = ?", nodeId, pin, row.epoch());
            log.info("Game {} is run by {}; asked it to hand the game to this node", pin, row.nodeId());
        }
        long untilExpiry = row.expiresAt().toEpochMilli() - now.toEpochMilli();
        throw busy(pin, now, Math.min(untilExpiry, BUSY_CACHE_MS));
    }

    @Override
    public void release(String pin) {
        Long epoch = held.remove(pin);
        if (epoch != null) {
            expireNow(pin, epoch);
        }
    }

    // ------------------------------------------------------------------ WriteFence

    /**
     * Refuses the write unless this node still holds {@code pin} at the epoch it was given. The
     * no-op UPDATE locks the lease row until the caller's transaction ends, so a takeover (which
     * updates the same row) waits for the write to commit and then sees it, or the write sees the
     * takeover and is refused.
     *
     * @throws LeaseLostException if the lease moved; the game is then dropped from this node
     */
    @Override
    public void check(String pin) {
        Long epoch = held.get(pin);
        if (epoch == null) {
            throw new LeaseLostException(pin, "no lease");
        }
        int still = jdbc.update("update game_lease set epoch = epoch where game_pin = ? and node_id = ? and epoch = ?",
                pin, nodeId, epoch);
        if (still != 1) {
            lost(pin, epoch, "another node took the game over");
            throw new LeaseLostException(pin, "another node took the game over");
        }
    }

    // ------------------------------------------------------------------ renewal

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            // The database is unreachable or slow: keep the games (writes are fenced anyway) and try again.
            log.warn("Could not renew game leases: {}", e.toString());
        }
    }

    /** Renews the leases of the running games, drops the ones another node took, hands over wanted ones. */
    void renew() {
        GameHub games = hub.getObject();
        for (Map.Entry<String, Long> e : held.entrySet()) {
            String pin = e.getKey();
            if (!games.runs(pin)) {
                continue; // finished: no one takes a finished game over, so there is nothing to renew
            }
            int renewed = jdbc.update("update game_lease set expires_at = ? where game_pin = ? and node_id = ? "
                    + "and epoch = ?", expiry(), pin, nodeId, e.getValue());
            if (renewed != 1) {
                lost(pin, e.getValue(), "another node took the game over");
            }
        }
        List<String> wanted = jdbc.queryForList("select game_pin from game_lease where node_id = ? "
                + "and wanted_by is not null", String.class, nodeId);
        for (String pin : wanted) {
            Long epoch = held.get(pin);
            Instant taken = takenAt.get(pin);
            if (taken != null && clock.instant().isBefore(taken.plusMillis(leaseMs))) {
                // Just moved here: a burst of reconnections can make nginx skip a busy node for a moment and ask
                // for the game elsewhere; moving it straight back would start a ping-pong. Let routing settle.
                continue;
            }
            if (epoch != null && games.runs(pin)) {
                games.evict(pin, "This game moved to another server; reconnecting.");
                held.remove(pin, epoch);
                expireNow(pin, epoch);
                log.info("Handed game {} over (nginx now sends its players to another node)", pin);
            }
        }
    }

    private void lost(String pin, long epoch, String why) {
        if (held.remove(pin, epoch)) {
            log.warn("Lost the lease of game {} (epoch {}): {}", pin, epoch, why);
            // Off the writing thread: eviction closes connections and must not run inside a game's lock.
            timer.execute(() -> hub.getObject().evict(pin, "This game moved to another server; reconnecting."));
        }
    }

    private void taken(String pin, long epoch, String from) {
        held.put(pin, epoch);
        takenAt.put(pin, clock.instant());
        busyUntil.remove(pin);
        log.info("Took over game {} (epoch {}) from {}", pin, epoch, from == null ? "nobody" : from);
    }

    private void expireNow(String pin, long epoch) {
        jdbc.update("update game_lease set expires_at = ?, wanted_by = null where game_pin = ? and node_id = ? "
                + "and epoch = ?", Timestamp.from(Instant.EPOCH), pin, nodeId, epoch);
    }

    private GameMovingException busy(String pin, Instant now, long ms) {
        long wait = Math.max(50, ms);
        busyUntil.put(pin, now.plusMillis(wait));
        return new GameMovingException(pin, wait);
    }

    private Timestamp expiry() {
        return Timestamp.from(clock.instant().plusMillis(leaseMs));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
