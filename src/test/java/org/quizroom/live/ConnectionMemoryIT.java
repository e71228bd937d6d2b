package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quizroom.QuizroomProperties;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * What a connected phone costs in heap: Tomcat keeps, per connection, a char buffer as large as the session's
 * text-message limit. Spring's STOMP handler raises that limit to 16 KB + 256 chars (33 KB of heap) for every
 * session; {@link WebSocketConfig} puts it down to {@link WebSocketConfig#RECEIVE_BUFFER_CHARS} once the session
 * has started and takes longer messages in parts (docs/benchmarks.md). A probe decorator reads each session's
 * limit when its first frame arrives, after every handler has seen the session open. That frames longer than
 * the buffer still arrive whole is in BadInputIT (3.5 KB) and MischievousStudentIT (emoji across the boundary).
 */
@LiveServerTest
@Import(ConnectionMemoryIT.Probe.class)
class ConnectionMemoryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Spring's own minimum ({@code StompSubProtocolHandler.MINIMUM_WEBSOCKET_MESSAGE_SIZE}). */
    private static final int SPRING_MINIMUM = 16 * 1024 + 256;

    @LocalServerPort
    int port;

    @Autowired
    QuizroomProperties properties;

    @Test
    void aPhonesTextBufferIsOneKiloCharNotSpringsSixteenKilobytes() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{}");
        String pin = game.get("pin").asText();
        Probe.limits.clear();
        try (StompTestClient ada = StompTestClient.player(port, pin, api.join(pin, "Ada").get("playerToken").asText())) {
            ada.await(e -> "STATE".equals(e.path("type").asText()), "Ada's STATE", WAIT);
            assertThat(Probe.limits).as("text limits seen on the first frame of each session").isNotEmpty();
            assertThat(Probe.limits).allSatisfy(limit -> assertThat(limit)
                    .as("a session's text buffer, in chars")
                    .isEqualTo(WebSocketConfig.RECEIVE_BUFFER_CHARS)
                    .isLessThan(properties.messageSizeLimit())
                    .isLessThan(SPRING_MINIMUM));
        }
    }

    /** Reads each session's text limit on its first frame, when every handler has seen it open. */
    @TestConfiguration
    static class Probe implements WebSocketMessageBrokerConfigurer {
        static final List<Integer> limits = new CopyOnWriteArrayList<>();

        @Override
        public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
            registration.addDecoratorFactory(handler -> new WebSocketHandlerDecorator(handler) {
                @Override
                public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                    if (session.getAttributes().putIfAbsent(Probe.class.getName(), Boolean.TRUE) == null) {
                        limits.add(session.getTextMessageSizeLimit());
                    }
                    super.handleMessage(session, message);
                }
            });
        }
    }
}
