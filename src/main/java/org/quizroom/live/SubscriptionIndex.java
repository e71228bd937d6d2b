package org.quizroom.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The in-memory broker's subscriptions, indexed by exact destination.
 *
 * <p>Why not Spring's {@code DefaultSubscriptionRegistry}: it finds the subscribers of a destination missing
 * from its cache by walking every subscription of every session, and each player's private queue
 * ({@code /queue/events-user<session>}) is a destination of its own. A class of 5,000 connecting made 5,000
 * such walks over up to 10,000 subscriptions, the largest single cost of joining in the class-like bench;
 * and every new subscriber to a game's topic copied that topic's cached subscriber map.
 *
 * <p>Quizroom clients subscribe only to exact destinations ({@link StompGatekeeper} refuses anything but the
 * game's own topic and the private queue), so patterns and selector headers are not supported: a destination
 * is matched literally. Lookups and changes are O(1); a lookup returns a live, read-only view.
 */
public final class SubscriptionIndex extends AbstractSubscriptionRegistry {

    private static final MultiValueMap<String, String> NONE =
            CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

    /** destination → session id → that session's subscription ids on it (usually one). */
    private final Map<String, Map<String, List<String>>> byDestination = new ConcurrentHashMap<>();
    /** session id → subscription id → destination, to undo a subscription or a whole session. */
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    @Override
    protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
                                           Message<?> message) {
        String previous = bySession.computeIfAbsent(sessionId, k -> new ConcurrentHashMap<>())
                .put(subscriptionId, destination);
        if (previous != null) {
            remove(previous, sessionId, subscriptionId); // an id reused for another destination replaces it
        }
        byDestination.compute(destination, (d, sessions) -> {
            Map<String, List<String>> map = sessions == null ? new ConcurrentHashMap<>() : sessions;
            map.merge(sessionId, List.of(subscriptionId), SubscriptionIndex::plus);
            return map;
        });
    }

    @Override
    protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
        Map<String, String> subscriptions = bySession.get(sessionId);
        String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
        if (destination != null) {
            remove(destination, sessionId, subscriptionId);
        }
    }

    @Override
    public void unregisterAllSubscriptions(String sessionId) {
        Map<String, String> subscriptions = bySession.remove(sessionId);
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, destination) -> remove(destination, sessionId, subscriptionId));
        }
    }

    @Override
    protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
        Map<String, List<String>> sessions = byDestination.get(destination);
        return sessions == null ? NONE
                : CollectionUtils.unmodifiableMultiValueMap(CollectionUtils.toMultiValueMap(sessions));
    }

    /** Subscriptions held, over all sessions (for tests and diagnostics). */
    public int size() {
        return bySession.values().stream().mapToInt(Map::size).sum();
    }

    private void remove(String destination, String sessionId, String subscriptionId) {
        byDestination.computeIfPresent(destination, (d, sessions) -> {
            sessions.computeIfPresent(sessionId, (s, ids) -> {
                List<String> rest = new ArrayList<>(ids);
                rest.remove(subscriptionId);
                return rest.isEmpty() ? null : List.copyOf(rest);
            });
            return sessions.isEmpty() ? null : sessions;
        });
    }

    private static List<String> plus(List<String> ids, List<String> more) {
        List<String> all = new ArrayList<>(ids);
        all.addAll(more);
        return List.copyOf(all);
    }
}
