package org.quizroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP API as a client sees it: status and JSON body. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, JsonNode body, String text) {
    }

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private Api(String base) {
        this.base = base;
    }

    /**
     * The same server reached through this machine's network address, so the server sees a request
     * from "another computer" (a student's laptop on the LAN), not from loopback. Empty when the
     * machine has no network address.
     */
    public static java.util.Optional<Api> fromAnotherComputer(int port) {
        return org.quizroom.live.JoinAddresses.find().stream().findFirst()
                .map(c -> new Api("http://" + c.address() + ":" + port));
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** Opens a game of {@code quizId}; returns {pin, hostToken, joinUrl}. */
    public JsonNode openGame(String quizId, String optionsJson) {
        Response r = post("/api/games", "{\"quizId\":\"" + quizId + "\",\"options\":" + optionsJson + "}");
        if (r.status() != 201) {
            throw new AssertionError("open game: " + r.status() + " " + r.text());
        }
        return r.body();
    }

    /** Joins; returns {playerId, playerToken, nickname}. */
    public JsonNode join(String pin, String nickname) {
        Response r = post("/api/games/" + pin + "/players", "{\"nickname\":" + JSON.valueToTree(nickname) + "}");
        if (r.status() != 201) {
            throw new AssertionError("join " + nickname + ": " + r.status() + " " + r.text());
        }
        return r.body();
    }

    private Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String text = response.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                body = JSON.readTree(text);
            }
            return new Response(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
