package org.quizroom.live;

import java.util.Map;
import org.quizroom.QuizroomProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
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

/**
 * STOMP over plain WebSocket at /ws with the in-memory broker; the page's Origin is checked on the
 * handshake, connections per address and the CONNECT deadline by {@link ConnectionLimits}, tokens
 * on CONNECT ({@link ConnectGuard}), every frame by {@link StompGatekeeper}; unreadable frames are answered by
 * {@link UnreadableFrames}.
 */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final StompGatekeeper gatekeeper;
    private final ConnectGuard connectGuard;
    private final QuizroomProperties properties;
    private final ConnectionLimits connectionLimits;
    private final OriginPolicy origins;
    private final UnreadableFrames unreadableFrames;

    public WebSocketConfig(StompGatekeeper gatekeeper, ConnectGuard connectGuard, QuizroomProperties properties,
                           ConnectionLimits connectionLimits, OriginPolicy origins, UnreadableFrames unreadableFrames) {
        this.gatekeeper = gatekeeper;
        this.connectGuard = connectGuard;
        this.properties = properties;
        this.connectionLimits = connectionLimits;
        this.origins = origins;
        this.unreadableFrames = unreadableFrames;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // The token in CONNECT is what grants access, but a hostile page open in the teacher's browser
        // must not drive the socket either: only this server's own pages (whatever host name or IP the
        // students used), the join links' origin and configured origins may open it (OriginPolicy).
        // Spring's own origin list stays open ("*") because the allowed set depends on each request's Host.
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*").addInterceptors(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler wsHandler, Map<String, Object> attributes) {
                if (origins.allows(request.getHeaders().getOrigin(), request.getHeaders().getFirst("Host"))) {
                    return true;
                }
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler wsHandler, Exception exception) {
            }
        });
        // A client's frames are handled in the order it sent them: its SUBSCRIBE before its sync.
        registry.setPreserveReceiveOrder(true);
        // A frame that is not readable STOMP gets a plain ERROR frame and one quiet log line, not a stack trace.
        registry.setErrorHandler(unreadableFrames);
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
        // Subscriptions are looked up in SubscriptionIndex (installed below), which needs no cache.
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // Tomcat buffers a whole text message in a char buffer as large as the session's text limit, one per
        // connection. Spring's STOMP handler raises that limit to at least 16 KB + 256 chars when a session
        // starts, which made it 33 KB of heap for every phone (a third of the heap at 5,000 players, found in
        // a live-heap histogram), though no accepted frame exceeds quizroom.message-size-limit bytes (4 KB).
        // So the limit is set after Spring's handler has started the session: the frame limit plus 1 KB, so a
        // frame a little over the limit still reaches the STOMP layer and gets its ERROR frame naming the limit
        // (a much larger one is closed with 1009 "too big"). A larger configured limit raises it too.
        int containerLimit = properties.messageSizeLimit() + 1024;
        registration.setMessageSizeLimit(properties.messageSizeLimit())
                .setSendBufferSizeLimit(1024 * 1024)
                .setSendTimeLimit(20_000)
                .addDecoratorFactory(connectGuard)
                .addDecoratorFactory(handler -> new WebSocketHandlerDecorator(handler) {
                    @Override
                    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                        super.afterConnectionEstablished(session);
                        if (session.isOpen()) { // the guards inside may have closed it already
                            session.setTextMessageSizeLimit(containerLimit);
                            session.setBinaryMessageSizeLimit(containerLimit);
                        }
                    }
                })
                // Last, so outermost: connections per address and the CONNECT deadline act before anything else.
                .addDecoratorFactory(connectionLimits);
    }

    /**
     * Puts {@link SubscriptionIndex} in place of Spring's default registry in the simple broker (the broker
     * configuration offers no setter for it, so it is swapped once the broker's handler bean exists).
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.beans.factory.config.BeanPostProcessor subscriptionIndexInstaller() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler broker) {
                    broker.setSubscriptionRegistry(new SubscriptionIndex());
                }
                return bean;
            }
        };
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gatekeeper);
    }
}
