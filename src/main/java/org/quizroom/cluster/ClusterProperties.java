package org.quizroom.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster settings, under {@code quizroom.cluster.} (environment: {@code QUIZROOM_CLUSTER_ENABLED} …).
 * See docs/deploy.md.
 *
 * @param enabled  run as one node of several sharing one PostgreSQL database behind nginx; a node then runs
 *                 a game only while it holds the game's lease. Off: one server runs every game (the default)
 * @param nodeId   this node's name in the lease table; must differ between nodes running at the same time.
 *                 Blank = host name and server port
 * @param leaseMs  how long a lease lasts without renewal, in ms: after a node dies, its games can move after
 *                 at most this long
 * @param renewMs  how often a node renews its leases and looks for games wanted elsewhere, in ms
 *                 (well below leaseMs)
 */
@ConfigurationProperties("quizroom.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String nodeId,
        @DefaultValue("10000") long leaseMs,
        @DefaultValue("2000") long renewMs) {
}
