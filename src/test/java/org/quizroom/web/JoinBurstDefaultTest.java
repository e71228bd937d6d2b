package org.quizroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizroom.QuizroomProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The default join limit per client address, as Spring binds it with nothing configured: a class of 35 behind
 * one NAT address all join at once; a script from one laptop gets 40 players, not 200, then a refusal.
 */
class JoinBurstDefaultTest {

    private static QuizroomProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("quizroom", QuizroomProperties.class);
    }

    @Test
    void aClassOfThirtyFiveBehindOneAddressJoinsTogetherAndTheFortyFirstJoinIsRefused() {
        QuizroomProperties properties = defaults();
        assertThat(properties.joinBurst()).isEqualTo(40);
        assertThat(properties.joinsPerMinute()).as("the sustained refill is kept").isEqualTo(60);
        AddressLimits limits = new AddressLimits(properties);
        int allowed = 0;
        while (allowed < 1000 && limits.tryAcquire(AddressLimits.Kind.JOIN, "192.0.2.7")) {
            allowed++;
        }
        // The refill is one a second, so a slow machine may let one or two more through, never a hundred.
        assertThat(allowed).isBetween(40, 45);
        assertThat(limits.tryAcquire(AddressLimits.Kind.JOIN, "192.0.2.8")).as("another school's address").isTrue();
        assertThat(limits.tryAcquire(AddressLimits.Kind.JOIN, "127.0.0.1")).as("this machine (the bench) is exempt").isTrue();
    }
}
