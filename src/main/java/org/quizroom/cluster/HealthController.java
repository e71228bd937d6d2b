package org.quizroom.cluster;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.quizroom.live.GameHub;
import org.quizroom.web.TeacherComputer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: whether this node can serve (its database answers), for load balancers,
 * systemd watchdogs and people. Open without the teacher password; shows no tokens or names. The PINs of the
 * games it runs go only to the teacher's computer or login, as the games list does: a student who read them could
 * join another class's game (found by a fresh tester); anyone else gets their number.
 */
@RestController
public class HealthController {

    /**
     * @param status   UP, or DOWN when the database does not answer (then HTTP 503)
     * @param node     this node's id in the cluster, or "single" on one server
     * @param database UP, or DOWN with the reason
     * @param gameCount how many unfinished games this node runs
     * @param games    their PINs, for the teacher's computer or login only (null, so left out, otherwise)
     */
    public record Health(String status, String node, String database, int gameCount, List<String> games) {
    }

    private final JdbcTemplate jdbc;
    private final GameHub hub;
    private final ObjectProvider<Leases> leases;

    private final TeacherComputer teacher;

    public HealthController(JdbcTemplate jdbc, GameHub hub, ObjectProvider<Leases> leases, TeacherComputer teacher) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.leases = leases;
        this.teacher = teacher;
    }

    @GetMapping("/api/health")
    public ResponseEntity<Health> health(HttpServletRequest request) {
        Leases cluster = leases.getIfAvailable();
        String node = cluster == null ? "single" : cluster.nodeId();
        List<String> games = hub.pins().stream().filter(hub::runs).sorted().toList();
        List<String> shown = teacher.isTeacher(request) ? games : null;
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return ResponseEntity.ok(new Health("UP", node, "UP", games.size(), shown));
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new Health("DOWN", node, "DOWN: " + e.getClass().getSimpleName(), games.size(), shown));
        }
    }
}
