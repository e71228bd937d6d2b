package org.quizroom.live;

import org.quizroom.QuizroomProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/** STOMP over plain WebSocket at /ws with the in-memory broker; tokens are checked on CONNECT. */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final StompGatekeeper gatekeeper;
    private final ConnectGuard connectGuard;
    private final QuizroomProperties properties;

    public WebSocketConfig(StompGatekeeper gatekeeper, ConnectGuard connectGuard, QuizroomProperties properties) {
        this.gatekeeper = gatekeeper;
        this.connectGuard = connectGuard;
        this.properties = properties;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Students on the LAN reach the server by its IP, so any origin may open the socket;
        // the token in CONNECT, not the origin, is what grants access.
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
        // A client's frames are handled in the order it sent them: its SUBSCRIBE before its sync.
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        ThreadPoolTaskScheduler heartbeat = new ThreadPoolTaskScheduler();
        heartbeat.setPoolSize(1);
        heartbeat.setThreadNamePrefix("stomp-heartbeat-");
        heartbeat.initialize();
        // Heart-beats let the server notice a phone that vanished without closing its socket.
        registry.enableSimpleBroker("/topic", "/queue").setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeat);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // Each client receives its messages in the order they were published.
        registry.setPreservePublishOrder(true);
        // The broker caches which sessions subscribe to each destination; every player has a private
        // destination of their own, so with the default 1,024 entries a game of more than ~1,000 players
        // misses the cache on every ACK, RESULT and PING and scans all subscriptions each time.
        registry.setCacheLimit(Math.max(1024, 4 * properties.maxPlayers()));
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // Spring raises the WebSocket container's own message limit only to 16 KB + 256; without this,
        // a larger quizroom.message-size-limit would still cut bigger frames off (close 1009) before the
        // STOMP layer, which answers an oversized frame with an ERROR frame saying what the limit is.
        int containerLimit = properties.messageSizeLimit() + 256;
        registration.setMessageSizeLimit(properties.messageSizeLimit())
                .setSendBufferSizeLimit(1024 * 1024)
                .setSendTimeLimit(20_000)
                .addDecoratorFactory(connectGuard)
                .addDecoratorFactory(handler -> new WebSocketHandlerDecorator(handler) {
                    @Override
                    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                        session.setTextMessageSizeLimit(Math.max(session.getTextMessageSizeLimit(), containerLimit));
                        session.setBinaryMessageSizeLimit(Math.max(session.getBinaryMessageSizeLimit(), containerLimit));
                        super.afterConnectionEstablished(session);
                    }
                });
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gatekeeper);
    }
}
