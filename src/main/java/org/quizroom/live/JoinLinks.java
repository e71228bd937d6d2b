package org.quizroom.live;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.quizroom.QuizroomProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the join URL students type or scan. It names this machine's LAN address, not
 * localhost, because the teacher opens the dashboard on the same laptop the server runs on.
 */
@Component
public class JoinLinks {

    private final QuizroomProperties properties;
    private volatile int port = 8080;

    public JoinLinks(QuizroomProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void onServerStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    public String joinUrl(String pin) {
        return base() + "/play?pin=" + pin;
    }

    public String base() {
        if (!properties.publicUrl().isBlank()) {
            return properties.publicUrl().replaceAll("/+$", "");
        }
        String host = properties.joinHost().isBlank() ? lanAddress() : properties.joinHost();
        return "http://" + host + ":" + port;
    }

    /** The first site-local IPv4 address of an interface that is up, else the loopback address. */
    static String lanAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: still correct for a single-machine demo
        }
        return "127.0.0.1";
    }
}
