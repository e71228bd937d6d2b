package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.quizroom.QuizroomProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Guards the teacher actions that must never be open to a student's phone on the same network:
 * handing the host screen to another computer, changing the join address, the games list (live PINs),
 * reloading the quizzes, and reading a past game's report without its host key (a teacher on a new
 * browser). With a teacher password the {@link TeacherLogin} filter has already checked the login;
 * without one, only requests from this computer itself are allowed. See docs/security.md.
 *
 * <p>"This computer" is a loopback connection that names the server by a name it knows as its own: an IP
 * address, {@code localhost}, this machine's host name, {@code quizroom.join-host}, the host of
 * {@code quizroom.public-url}, or a host of {@code quizroom.allowed-origins}. A page from another site that
 * rebinds its own domain name to 127.0.0.1 (DNS rebinding) reaches the server over loopback too, but its requests
 * carry that domain in {@code Host}, so they are treated as coming from any other computer.
 */
@Component
public class TeacherComputer {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean passwordSet;
    /** Lower-case names besides IP addresses and localhost: this machine's and the configured ones. */
    private final Set<String> ownNames = new HashSet<>();

    public TeacherComputer(QuizroomProperties properties) {
        this.passwordSet = !properties.teacherPassword().isEmpty();
        // The join links name an address of this machine unless join-host or public-url names it.
        addHost(properties.joinHost());
        addUrlHost(properties.publicUrl());
        properties.allowedOrigins().forEach(this::addUrlHost);
        try {
            // Not the canonical name: a reverse DNS lookup could hold up the start on a slow school network.
            addHost(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // No name for this machine: IP addresses and localhost still work.
        }
    }

    /**
     * Passes when the teacher login was given (password set) or the request comes from this computer
     * (no password).
     *
     * @throws ApiException 403 {@code code} when neither holds, saying how to allow it
     */
    public void require(HttpServletRequest request, String code, String what) {
        if (passwordSet) {
            if (!Boolean.TRUE.equals(request.getAttribute(TeacherLogin.AUTHENTICATED))) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, "TEACHER_LOGIN", "Log in as the teacher to do this.");
            }
            return;
        }
        if (!isThisComputer(request)) {
            throw new ApiException(HttpStatus.FORBIDDEN, code, refusal(request, what, "Without a teacher password, "
                    + what + " only works on the computer running Quizroom. Set quizroom.teacher-password to do it "
                    + "from another computer."));
        }
    }

    /**
     * Whether the request is the teacher's: the teacher login when a password is set, else a request
     * from this computer. Never throws; for endpoints that also accept another key.
     */
    public boolean isTeacher(HttpServletRequest request) {
        return passwordSet ? Boolean.TRUE.equals(request.getAttribute(TeacherLogin.AUTHENTICATED))
                : isThisComputer(request);
    }

    /**
     * Whether the request comes from the computer running Quizroom: a loopback connection whose {@code Host}
     * header names this server by a name it knows (see the class comment).
     */
    public boolean isThisComputer(HttpServletRequest request) {
        return isLoopback(request.getRemoteAddr()) && knowsName(request.getHeader("Host"));
    }

    /**
     * Why a teacher-only action was refused: {@code fromAnotherComputer} for a request from another computer or
     * with a password set, and the DNS-rebinding explanation for a request from this computer under a name
     * Quizroom does not know as its own (see the class comment), so the teacher is not told to use the computer
     * they are using.
     *
     * @param what                the action, as a noun phrase ("the list of games")
     * @param fromAnotherComputer the caller's own words for the usual case
     */
    public String refusal(HttpServletRequest request, String what, String fromAnotherComputer) {
        if (passwordSet || !isLoopback(request.getRemoteAddr())) {
            return fromAnotherComputer;
        }
        return "This page reached Quizroom by the name " + nameOnly(request.getHeader("Host")) + ", which is not one "
                + "of its own names, and a web page from another site can point its name at this computer. Open "
                + "http://localhost:" + request.getLocalPort() + "/ for " + what + ", or add the name to "
                + "quizroom.allowed-origins.";
    }

    /** Whether {@code hostHeader} (host[:port]) names this server: an IP address, localhost or a known name. */
    boolean knowsName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true; // no name given (HTTP/1.0 tools): a browser page always sends its name
        }
        String name = nameOnly(hostHeader);
        if (name.startsWith("[") || IPV4.matcher(name).matches()) {
            return true; // an address: a rebinding page can only use a name
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true; // browsers resolve these to loopback themselves (RFC 6761)
        }
        return ownNames.contains(name);
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host of a Host header, lower case, without the port (an IPv6 address keeps its brackets). */
    private static String nameOnly(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        int close = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        return colon > close ? h.substring(0, colon) : h;
    }

    private void addHost(String host) {
        if (host != null && !host.isBlank()) {
            ownNames.add(host.strip().toLowerCase(Locale.ROOT));
        }
    }

    private void addUrlHost(String url) {
        try {
            addHost(url == null || url.isBlank() ? null : URI.create(url.strip()).getHost());
        } catch (IllegalArgumentException e) {
            // not a URL: nothing to add
        }
    }
}
