package org.quizroom.live;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Iterator;
import java.util.Set;
import org.quizroom.game.GameException;
import org.quizroom.game.Phase;
import org.quizroom.game.ShownStep;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

/**
 * The STOMP destinations a client sends to. A thin adapter: it parses the JSON strictly and
 * passes the request to the {@link GameHub}; every refusal is answered with a clear error event.
 */
@Controller
public class GameMessageController {

    private static final Set<String> ANSWER_FIELDS = Set.of("question", "answer");
    private static final Set<String> HOST_FIELDS = Set.of("command", "playerId", "question", "phase");
    private static final Set<String> HOST_COMMANDS = Set.of("start", "next", "skip", "end", "kick", "lock", "unlock");

    private final GameHub hub;
    private final Connections connections;
    private final ObjectMapper json;

    public GameMessageController(GameHub hub, Connections connections, ObjectMapper json) {
        this.hub = hub;
        this.connections = connections;
        this.json = json;
    }

    @MessageMapping("/games/{pin}/answer")
    public void answer(@DestinationVariable String pin, Message<byte[]> message, Principal principal) {
        Identity identity = (Identity) principal;
        JsonNode body;
        try {
            if (identity.isHost()) {
                throw new Refusal("NOT_PLAYER", "The host cannot answer questions.");
            }
            body = object(message, ANSWER_FIELDS);
        } catch (Refusal r) {
            send(identity, new Events.Error(r.code, r.getMessage()));
            return;
        }
        JsonNode question = body.get("question");
        if (question == null || !question.isIntegralNumber() || !question.canConvertToInt()) {
            send(identity, new Events.Error("BAD_ANSWER", "'question' must be the index from the QUESTION event."));
            return;
        }
        int index = question.intValue();
        try {
            hub.answer(identity, index, body.get("answer"));
        } catch (GameException e) {
            send(identity, Events.Ack.refused(index, e.code().name(), e.getMessage()));
        } catch (UnknownGameException e) {
            send(identity, Events.Ack.refused(index, "UNKNOWN_GAME", e.getMessage()));
        } catch (GameMovingException e) {
            send(identity, Events.Ack.refused(index, "GAME_MOVING", e.getMessage()));
        }
    }

    @MessageMapping("/games/{pin}/host")
    public void host(@DestinationVariable String pin, Message<byte[]> message, Principal principal) {
        Identity identity = (Identity) principal;
        try {
            if (!identity.isHost()) {
                throw new Refusal("NOT_HOST", "Only the host can run host commands.");
            }
            JsonNode body = object(message, HOST_FIELDS);
            JsonNode commandNode = body.get("command");
            String command = commandNode == null ? null : commandNode.asText(null);
            if (command == null || !HOST_COMMANDS.contains(command)) {
                throw new Refusal("UNKNOWN_COMMAND", "Unknown command '" + command + "'; use one of "
                        + String.join(", ", HOST_COMMANDS.stream().sorted().toList()) + ".");
            }
            String playerId = body.hasNonNull("playerId") ? body.get("playerId").asText() : null;
            if (command.equals("kick") && playerId == null) {
                throw new Refusal("BAD_COMMAND", "kick needs a playerId.");
            }
            // A command tagged with the step it was pressed on ({"question": N, "phase": "reveal"}) is
            // refused once the game has left that step, checked under the game's lock together with the
            // command itself, so a double-clicked or replayed "next" cannot skip a leaderboard or question.
            JsonNode question = body.get("question");
            JsonNode phase = body.get("phase");
            Integer shownQuestion = null;
            Phase shownPhase = null;
            if (question != null && !question.isNull()) {
                if (!question.isIntegralNumber() || !question.canConvertToInt()) {
                    throw new Refusal("BAD_COMMAND", "'question' must be the question index the screen showed.");
                }
                shownQuestion = question.intValue();
            }
            if (phase != null && !phase.isNull()) {
                shownPhase = phaseNamed(phase.asText(""));
                if (shownQuestion == null) {
                    throw new Refusal("BAD_COMMAND", "'phase' needs the 'question' the screen showed.");
                }
            }
            hub.hostCommand(identity, command, playerId, shownQuestion == null ? null : new ShownStep(shownQuestion, shownPhase));
        } catch (Refusal r) {
            send(identity, new Events.Error(r.code, r.getMessage()));
        } catch (GameException e) {
            send(identity, new Events.Error(e.code().name(), e.getMessage()));
        } catch (UnknownGameException e) {
            send(identity, new Events.Error("UNKNOWN_GAME", e.getMessage()));
        }
    }

    @MessageMapping("/games/{pin}/sync")
    public void sync(@DestinationVariable String pin, Principal principal) {
        Identity identity = (Identity) principal;
        try {
            hub.sync(identity);
        } catch (GameException e) {
            send(identity, new Events.Error(e.code().name(), e.getMessage()));
        } catch (UnknownGameException e) {
            send(identity, new Events.Error("UNKNOWN_GAME", e.getMessage()));
        }
    }

    @MessageMapping("/games/{pin}/pong")
    public void pong(@DestinationVariable String pin, Message<byte[]> message, Principal principal) {
        Identity identity = (Identity) principal;
        try {
            JsonNode body = object(message, Set.of("seq"));
            JsonNode seq = body.get("seq");
            if (seq == null || !seq.canConvertToLong()) {
                throw new Refusal("BAD_JSON", "pong needs the seq of the PING.");
            }
            hub.pong(identity, seq.longValue());
        } catch (Refusal r) {
            send(identity, new Events.Error(r.code, r.getMessage()));
        }
    }

    private static Phase phaseNamed(String name) {
        for (Phase p : Phase.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new Refusal("BAD_COMMAND", "'phase' must be one of lobby, question, reveal, leaderboard, finished.");
    }

    /** Parses a JSON object and refuses fields this destination does not know. */
    private JsonNode object(Message<byte[]> message, Set<String> allowed) {
        String text = new String(message.getPayload(), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = json.readTree(text.isBlank() ? "{}" : text);
        } catch (JsonProcessingException e) {
            // Where, not the parser's own words (they name its internals).
            JsonLocation at = e.getLocation();
            throw new Refusal("BAD_JSON", at == null ? "The message is not valid JSON."
                    : "The message is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        if (node == null || !node.isObject()) {
            throw new Refusal("BAD_JSON", "The message must be a JSON object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Refusal("UNKNOWN_FIELD", "Unknown field '" + name + "'; expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
        return node;
    }

    private void send(Identity identity, Object event) {
        connections.send(identity, event);
    }

    /** A request refused before it reached the game. */
    private static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

}
