package org.quizroom.web;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.quizroom.QuizroomProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the reverse proxies listed in
 * {@code quizroom.trusted-proxies}, using Tomcat's RemoteIpValve (what Spring Boot's
 * {@code server.forward-headers-strategy=native} installs). Then every per-address limit, WebSocket
 * included, sees each student's own address rather than the proxy's.
 *
 * <p>Not Boot's own switch: its default list of internal proxies trusts every private network, so on
 * a school LAN any student's laptop could claim another address in a header and dodge the limits.
 * Here nothing is trusted unless named, and names are exact addresses.
 */
@Component
public class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final List<String> proxies;

    public TrustedProxies(QuizroomProperties properties) {
        this.proxies = properties.trustedProxies().stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(valve);
    }
}
