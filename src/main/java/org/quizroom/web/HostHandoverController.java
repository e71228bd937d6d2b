package org.quizroom.web;

import jakarta.servlet.http.HttpServletRequest;
import org.quizroom.live.GameHub;
import org.quizroom.live.UnknownGameException;
import org.quizroom.store.GameStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens the host screen of a live game on another computer, e.g. the projector PC (issue 10, item 8).
 * The host token travels only in the JSON body of a POST, never in a URL (URLs end up in browser
 * history and proxy logs). Who may ask: the teacher login when a password is set, else only this
 * computer ({@link TeacherComputer}).
 */
@RestController
public class HostHandoverController {

    /** What the host page stores (sessionStorage) to connect as the host. */
    public record HostSession(String pin, String hostToken) {
    }

    private final GameHub hub;
    private final GameStore store;
    private final TeacherComputer teacher;

    public HostHandoverController(GameHub hub, GameStore store, TeacherComputer teacher) {
        this.hub = hub;
        this.store = store;
        this.teacher = teacher;
    }

    /**
     * @return 200 {pin, hostToken}; 404 UNKNOWN_GAME; 409 GAME_FINISHED for a game that is over
     *         (its report is the place to go); 401/403 when not the teacher
     */
    @PostMapping("/api/games/{pin}/host-session")
    public HostSession open(@PathVariable String pin, HttpServletRequest request) {
        teacher.require(request, "HOST_HANDOVER_LOCAL_ONLY", "opening a game's host screen");
        var game = hub.game(pin);
        if (game.isEmpty() || game.get().phase() == org.quizroom.game.Phase.FINISHED) {
            if (store.pinExists(pin)) {
                throw new ApiException(HttpStatus.CONFLICT, "GAME_FINISHED",
                        "This game has finished; open its report instead.");
            }
            throw new UnknownGameException(pin);
        }
        String token = hub.hostTokenOf(pin).orElseThrow(() -> new UnknownGameException(pin));
        return new HostSession(pin, token);
    }
}
