package org.quizroom.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The editor page's side of the authoring API: JSON and multipart requests with the X-Quizroom header. */
final class EditorClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, byte[] bytes, HttpResponse<byte[]> raw) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final String base;
    private final List<String> extraHeaders = new ArrayList<>(List.of("X-Quizroom", "1"));

    EditorClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A client that sends these headers too (e.g. Authorization), and X-Quizroom only when {@code customHeader}. */
    EditorClient with(boolean customHeader, String... headers) {
        var h = new ArrayList<String>();
        if (customHeader) {
            h.addAll(List.of("X-Quizroom", "1"));
        }
        h.addAll(List.of(headers));
        return new EditorClient(base, h);
    }

    private EditorClient(String base, List<String> headers) {
        this.base = base;
        this.extraHeaders.clear();
        this.extraHeaders.addAll(headers);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response upload(String path, String fileName, String contentType, byte[] bytes) {
        String boundary = "----quizroom" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
            builder.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && response.body().length > 0) {
                body = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), body, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
