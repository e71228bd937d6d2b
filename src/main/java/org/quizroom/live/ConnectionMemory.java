package org.quizroom.live;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * What each open WebSocket costs in heap, cut to what Quizroom's small frames need.
 *
 * <p>A live-heap histogram at 1,000 connected players showed ~95 KB a player, nearly all of it buffers that
 * Tomcat keeps per connection and sizes for large messages: 8 KB each for the socket's read and write buffers
 * (Tomcat's {@code socket.appReadBufSize} / {@code appWriteBufSize}), 8 KB each for the WebSocket frame input,
 * output and encoder buffers ({@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE}), and a text buffer as
 * large as the session's text limit (which Spring raised to 16 KB + 256 chars: {@link WebSocketConfig} sets it back
 * to the frame limit plus 1 KB). Quizroom's frames are a few hundred bytes (the largest, a QUESTION with a long
 * stem, about 2 KB; a larger one is simply read or written in several pieces), so 5,000 players need not
 * cost 500 MB. Settings: {@code quizroom.websocket-buffer-bytes} (default 2048) and
 * {@code quizroom.socket-buffer-bytes} (default 4096).
 */
@Component
public class ConnectionMemory implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private final int socketBufferBytes;

    public ConnectionMemory(org.springframework.core.env.Environment environment) {
        this.socketBufferBytes = environment.getProperty("quizroom.socket-buffer-bytes", Integer.class, 4096);
        if (socketBufferBytes < 1024) {
            throw new IllegalArgumentException("quizroom.socket-buffer-bytes must be at least 1024, not "
                    + socketBufferBytes);
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(socketBufferBytes));
            connector.setProperty("socket.appWriteBufSize", String.valueOf(socketBufferBytes));
        });
    }

    /**
     * Sets Tomcat's WebSocket buffer size (a system property Tomcat reads once, when its WebSocket classes
     * load) before the web server starts; registered in {@code META-INF/spring.factories}. A value already set
     * on the command line ({@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=...}) is kept.
     */
    public static class TomcatBufferSize implements EnvironmentPostProcessor {
        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            int bytes = environment.getProperty("quizroom.websocket-buffer-bytes", Integer.class, 2048);
            if (bytes < 512) {
                throw new IllegalArgumentException("quizroom.websocket-buffer-bytes must be at least 512, not " + bytes);
            }
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, String.valueOf(bytes));
            }
        }
    }
}
