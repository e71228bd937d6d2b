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

    /**
     * Tomcat's buffer for an incoming text message, in chars (2 bytes each), per connection. A phone's frames
     * are a few hundred bytes; a longer message is handed on in parts of this size.
     */
    static final int RECEIVE_BUFFER_CHARS = 1024;

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // Tomcat keeps a buffer as large as the session's text limit for every connection, to assemble a whole
        // message in. It was the frame limit plus 1 KB (10 KB of heap a phone, 50 MB at 5,000 players; before
        // stop 11, Spring's 16 KB + 256 chars, 33 KB a phone), though a phone's frames are a few hundred bytes.
        // Now the handler takes messages in parts (supportsPartialMessages below) and the buffer is 1 K chars:
        // Spring's STOMP decoder assembles a frame from the parts and refuses one over
        // quizroom.message-size-limit with an ERROR frame naming the limit, whatever the message's size.
        registration.setMessageSizeLimit(properties.messageSizeLimit())
                .setSendBufferSizeLimit(1024 * 1024)
                .setSendTimeLimit(20_000)
                .addDecoratorFactory(connectGuard)
                .addDecoratorFactory(handler -> new WebSocketHandlerDecorator(handler) {
                    @Override
                    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                        super.afterConnectionEstablished(session);
                        // After Spring's STOMP handler, which raises the limits when the session starts.
                        if (session.isOpen()) { // the guards inside may have closed it already
                            session.setTextMessageSizeLimit(RECEIVE_BUFFER_CHARS);
                            session.setBinaryMessageSizeLimit(RECEIVE_BUFFER_CHARS);
                        }
                    }

                    @Override
                    public boolean supportsPartialMessages() {
                        return true; // Spring's BufferingStompDecoder joins the parts
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
