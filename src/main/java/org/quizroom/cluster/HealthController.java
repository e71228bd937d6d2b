package org.quizroom.cluster;

import java.util.List;
import org.quizroom.live.GameHub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: whether this node can serve (its database answers), for load balancers,
 * systemd watchdogs and people. Open without the teacher password; shows no tokens or names.
 */
@RestController
public class HealthController {

    /**
     * @param status   UP, or DOWN when the database does not answer (then HTTP 503)
     * @param node     this node's id in the cluster, or "single" on one server
     * @param database UP, or DOWN with the reason
     * @param games    PINs of the unfinished games this node runs
     */
    public record Health(String status, String node, String database, List<String> games) {
    }

    private final JdbcTemplate jdbc;
    private final GameHub hub;
    private final ObjectProvider<Leases> leases;

    public HealthController(JdbcTemplate jdbc, GameHub hub, ObjectProvider<Leases> leases) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.leases = leases;
    }

    @GetMapping("/api/health")
    public ResponseEntity<Health> health() {
        Leases cluster = leases.getIfAvailable();
        String node = cluster == null ? "single" : cluster.nodeId();
        List<String> games = hub.pins().stream().filter(hub::runs).sorted().toList();
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return ResponseEntity.ok(new Health("UP", node, "UP", games));
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new Health("DOWN", node, "DOWN: " + e.getClass().getSimpleName(), games));
        }
    }
}
