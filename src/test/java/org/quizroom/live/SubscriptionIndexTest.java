package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;

/** The broker's exact-destination subscription index: who hears a message, and who stops hearing it. */
class SubscriptionIndexTest {

    private final SubscriptionIndex index = new SubscriptionIndex();

    @Test
    void aMessageReachesExactlyTheSessionsSubscribedToItsDestination() {
        index.registerSubscription(subscribe("s1", "0", "/topic/games/111111"));
        index.registerSubscription(subscribe("s2", "0", "/topic/games/111111"));
        index.registerSubscription(subscribe("s3", "0", "/topic/games/222222"));
        index.registerSubscription(subscribe("s1", "1", "/queue/events-users1"));

        assertThat(index.findSubscriptions(message("/topic/games/111111")).toSingleValueMap())
                .containsOnlyKeys("s1", "s2").containsEntry("s1", "0");
        assertThat(index.findSubscriptions(message("/queue/events-users1")).toSingleValueMap())
                .containsExactlyEntriesOf(java.util.Map.of("s1", "1"));
        assertThat(index.findSubscriptions(message("/topic/games/333333"))).isEmpty();
        // Patterns are not patterns here: nothing subscribes to "/topic/**", and it matches nothing.
        assertThat(index.findSubscriptions(message("/topic/**"))).isEmpty();
    }

    @Test
    void unsubscribingOrClosingASessionStopsItsDelivery() {
        index.registerSubscription(subscribe("s1", "0", "/topic/games/111111"));
        index.registerSubscription(subscribe("s1", "1", "/queue/events-users1"));
        index.registerSubscription(subscribe("s2", "0", "/topic/games/111111"));

        index.unregisterSubscription(unsubscribe("s2", "0"));
        assertThat(index.findSubscriptions(message("/topic/games/111111")).keySet()).containsExactly("s1");

        index.unregisterAllSubscriptions("s1");
        assertThat(index.findSubscriptions(message("/topic/games/111111"))).isEmpty();
        assertThat(index.findSubscriptions(message("/queue/events-users1"))).isEmpty();
        assertThat(index.size()).isZero();
        index.unregisterAllSubscriptions("nobody"); // harmless
    }

    @Test
    void aLookupSeesSubscriptionsMadeAfterIt() {
        var view = index.findSubscriptions(message("/topic/games/111111"));
        index.registerSubscription(subscribe("s1", "0", "/topic/games/111111"));
        assertThat(view).as("no subscriber yet: the empty answer").isEmpty();
        var live = index.findSubscriptions(message("/topic/games/111111"));
        index.registerSubscription(subscribe("s2", "0", "/topic/games/111111"));
        assertThat(live.keySet()).as("a view of the destination's subscribers").containsExactlyInAnyOrder("s1", "s2");
    }

    private static Message<byte[]> subscribe(String session, String id, String destination) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        h.setSessionId(session);
        h.setSubscriptionId(id);
        h.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
    }

    private static Message<byte[]> unsubscribe(String session, String id) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        h.setSessionId(session);
        h.setSubscriptionId(id);
        return MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
    }

    private static Message<byte[]> message(String destination) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        h.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
    }
}
