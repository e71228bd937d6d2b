package org.quizroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.quizroom.live.GameHub;
import org.quizroom.live.JoinAddresses;
import org.quizroom.live.JoinLinks;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The machine's network addresses and the one join links use, so the teacher can pick the address
 * the phones can reach (issue 10, item 2). Teacher only; see {@link TeacherComputer}.
 */
@RestController
public class NetworkController {

    /**
     * @param addresses     this machine's usable IPv4 addresses, private ranges first
     * @param selected      the address join links use now (may be a host name from quizroom.join-host)
     * @param joinBase      the start of every join link, e.g. {@code http://10.20.0.7:8080}
     * @param joinLocalOnly true when join links only work on this computer (loopback)
     * @param fixedBy       "public-url" or "join-host" when a setting fixes the address (then PUT is refused)
     */
    public record Network(List<JoinAddresses.Candidate> addresses, String selected, String joinBase,
                          boolean joinLocalOnly, String fixedBy) {
    }

    private final JoinLinks links;
    private final GameHub hub;
    private final TeacherComputer teacher;

    public NetworkController(JoinLinks links, GameHub hub, TeacherComputer teacher) {
        this.links = links;
        this.hub = hub;
        this.teacher = teacher;
    }

    @GetMapping("/api/network")
    public Network get(HttpServletRequest request) {
        teacher.require(request, "TEACHER_COMPUTER_ONLY", "seeing the network addresses");
        return network();
    }

    @PutMapping("/api/network")
    public Network choose(@RequestBody JsonNode body, HttpServletRequest request) {
        teacher.require(request, "TEACHER_COMPUTER_ONLY", "changing the join address");
        if (body == null || !body.isObject() || !body.path("address").isTextual() || body.size() != 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Send {\"address\": \"192.168.1.20\"}.");
        }
        if (links.fixedBy().isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "JOIN_ADDRESS_FIXED", "The join address is set by quizroom."
                    + links.fixedBy().get() + "; change that setting to use another address.");
        }
        String address = body.get("address").textValue();
        try {
            links.choose(address);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_ADDRESS",
                    "'" + address + "' is not one of this computer's network addresses.");
        }
        hub.joinLinkChanged();
        return network();
    }

    private Network network() {
        String base = links.base();
        String host = java.net.URI.create(base).getHost();
        return new Network(JoinAddresses.find(), host, base, links.localOnly(), links.fixedBy().orElse(null));
    }
}
