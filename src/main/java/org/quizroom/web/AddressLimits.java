package org.quizroom.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.quizroom.QuizroomProperties;
import org.springframework.stereotype.Component;

/**
 * Per-client-address limits on the HTTP API: joins, opening games and looking games up by PIN.
 * Token buckets (Bucket4j) held in Caffeine caches whose entries expire once an address has been
 * idle for longer than its bucket takes to refill, so the maps never grow without bound.
 *
 * <p>Addresses in {@link QuizroomProperties#unlimitedAddresses()} (this machine's loopback by default)
 * are never limited. Behind a reverse proxy the address is the student's own only if the proxy is
 * listed in {@code quizroom.trusted-proxies}; otherwise every request has the proxy's address.
 */
@Component
public class AddressLimits {

    /** What is being limited; each kind has its own bucket per address. */
    public enum Kind { JOIN, CREATE_GAME, LOOKUP }

    private static final int MAX_ADDRESSES = 100_000;

    private final QuizroomProperties properties;
    private final Cache<String, Bucket> joins;
    private final Cache<String, Bucket> creations;
    private final Cache<String, Bucket> lookups;

    public AddressLimits(QuizroomProperties properties) {
        this.properties = properties;
        this.joins = cache(refillTime(properties.joinBurst(), properties.joinsPerMinute(), Duration.ofMinutes(1)));
        this.creations = cache(Duration.ofHours(1));
        this.lookups = cache(Duration.ofMinutes(1));
    }

    /**
     * Takes one token of {@code kind} for {@code address}.
     *
     * @return false when the address has used up its allowance (the caller answers 429)
     */
    public boolean tryAcquire(Kind kind, String address) {
        if (properties.isUnlimited(address)) {
            return true;
        }
        return cacheOf(kind).get(String.valueOf(address), a -> newBucket(kind)).tryConsume(1);
    }

    /** Returns the token a request of {@code kind} took, for a request that turned out to change nothing. */
    public void giveBack(Kind kind, String address) {
        if (properties.isUnlimited(address)) {
            return;
        }
        Bucket bucket = cacheOf(kind).getIfPresent(String.valueOf(address));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Cache<String, Bucket> cacheOf(Kind kind) {
        return switch (kind) {
            case JOIN -> joins;
            case CREATE_GAME -> creations;
            case LOOKUP -> lookups;
        };
    }

    private Bucket newBucket(Kind kind) {
        // Joins: 40 at once, then 60 a minute: a class of 35 behind one NAT address joins in one go,
        // while a script from one laptop fills the lobby with 40 fake players, not 200, then one a second.
        Bandwidth bandwidth = switch (kind) {
            case JOIN -> Bandwidth.builder().capacity(Math.max(1, properties.joinBurst()))
                    .refillGreedy(Math.max(1, properties.joinsPerMinute()), Duration.ofMinutes(1)).build();
            case CREATE_GAME -> Bandwidth.builder().capacity(Math.max(1, properties.gameCreationsPerHour()))
                    .refillGreedy(Math.max(1, properties.gameCreationsPerHour()), Duration.ofHours(1)).build();
            case LOOKUP -> Bandwidth.builder().capacity(Math.max(1, properties.pinLookupsPerMinute()))
                    .refillGreedy(Math.max(1, properties.pinLookupsPerMinute()), Duration.ofMinutes(1)).build();
        };
        return Bucket.builder().addLimit(bandwidth).build();
    }

    /** An idle bucket is full again after this long, so forgetting it then changes nothing. */
    private static Duration refillTime(int capacity, int perPeriod, Duration period) {
        long periods = (long) Math.ceil(Math.max(1, capacity) / (double) Math.max(1, perPeriod));
        return period.multipliedBy(Math.max(1, periods));
    }

    private static Cache<String, Bucket> cache(Duration idle) {
        return Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_ADDRESSES).build();
    }
}
