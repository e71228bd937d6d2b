package org.quizroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * HTTP and WebSocket by hand over a socket bound to a chosen loopback address (127.x.y.z), so the
 * server sees a client of that address, with exactly the headers a test gives: for per-address
 * limits, forwarded headers, Origin checks and requests that lie about their size.
 */
public final class RawClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    private final List<String> texts = new ArrayList<>();
    private boolean closed;

    private RawClient(String localAddress, int port) {
        try {
            socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * One HTTP/1.1 request ({@code Connection: close}); {@code headers} are name/value pairs. The
     * body is sent as given; a {@code Content-Length} header is added unless one is among {@code headers}, and
     * {@code Host: 127.0.0.1:port} unless a Host is.
     */
    public static Api.Response http(String localAddress, int port, String method, String path, String body,
                                    String... headers) {
        try (RawClient c = new RawClient(localAddress, port)) {
            c.socket.setSoTimeout(20_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            boolean lengthGiven = false;
            boolean hostGiven = false;
            for (int i = 0; i + 1 < headers.length; i += 2) {
                lengthGiven |= headers[i].equalsIgnoreCase("Content-Length") || headers[i].equalsIgnoreCase("Transfer-Encoding");
                hostGiven |= headers[i].equalsIgnoreCase("Host");
            }
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
                    + (hostGiven ? "" : "Host: 127.0.0.1:" + port + "\r\n") + "Connection: close\r\n");
            head.append(lines(headers));
            if (!lengthGiven) {
                head.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            c.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                c.out.write(bytes);
                c.out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading a body it refuses
            }
            return c.readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST of JSON from {@code localAddress}, with extra headers. */
    public static Api.Response postJson(String localAddress, int port, String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http(localAddress, port, "POST", path, json, all);
    }

    private Api.Response readResponse() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                all.write(chunk, 0, n);
            }
        } catch (IOException e) {
            // a reset after the response: keep what arrived
        }
        byte[] bytes = all.toByteArray();
        String response = new String(bytes, StandardCharsets.ISO_8859_1); // one char a byte: offsets stay byte offsets
        int status = Integer.parseInt(response.substring(9, 12));
        int split = response.indexOf("\r\n\r\n");
        String head = split < 0 ? response : response.substring(0, split);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(bytes, split + 4, bytes.length);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : null;
        return new Api.Response(status, json, head + "\r\n\r\n" + text);
    }

    /** The body of a chunked response: chunk sizes count bytes, so this works on bytes. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String raw = new String(chunked, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < raw.length()) {
            int nl = raw.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int size = Integer.parseInt(raw.substring(i, nl).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, nl + 2, Math.min(size, chunked.length - nl - 2));
            i = nl + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** The value of header {@code name} in a response from {@link #http}, or null. */
    public static String header(Api.Response response, String name) {
        return headerIn(response.text().substring(0, Math.max(0, response.text().indexOf("\r\n\r\n"))), name);
    }

    /** The value of header {@code name} (case-insensitive) among the lines of an HTTP head, or null. */
    private static String headerIn(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The JSON body of a response from {@link #http}. */
    public static JsonNode body(Api.Response response) {
        return response.body();
    }

    // ------------------------------------------------------------------ WebSocket

    /** Opens /ws from {@code localAddress} with an optional Origin; {@link #status()} says whether it upgraded. */
    public static RawClient webSocket(String localAddress, int port, String origin) {
        return webSocket(localAddress, port, origin, new String[0]);
    }

    /**
     * As {@link #webSocket(String, int, String)}, with more handshake headers ({@code headers} are name/value
     * pairs); {@link #handshakeHeader(String)} reads the server's answer. Frames are read as sent: this client
     * implements no extension, so a compressed frame would read as garbage.
     */
    public static RawClient webSocket(String localAddress, int port, String origin, String... headers) {
        RawClient c = new RawClient(localAddress, port);
        try {
            c.socket.setSoTimeout(20_000);
            String key = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + lines(headers) + "\r\n";
            c.out.write(request.getBytes(StandardCharsets.US_ASCII));
            c.out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = c.in.read();
                if (b == -1) {
                    break;
                }
                head.write(b);
            }
            String h = head.toString(StandardCharsets.ISO_8859_1);
            c.status = h.length() >= 12 ? Integer.parseInt(h.substring(9, 12)) : -1;
            c.handshake = h;
        } catch (IOException e) {
            c.status = -1;
        }
        return c;
    }

    private int status;
    private String handshake = "";

    /** {@code headers} (name/value pairs) as HTTP header lines. */
    private static String lines(String... headers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return b.toString();
    }

    /** A header of the server's handshake response (name case-insensitive), or null. */
    public String handshakeHeader(String name) {
        return headerIn(handshake, name);
    }

    /** The handshake's HTTP status: 101 when the WebSocket opened. */
    public int status() {
        return status;
    }

    /** Sends one masked text frame (a client must mask). */
    public void sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            closed = true;
        }
    }

    /** Sends a STOMP CONNECT with a player token. */
    public void stompConnect(String playerToken) {
        sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nplayer-token:" + playerToken + "\n\n\0");
    }

    /**
     * Reads frames until one's text contains {@code part} (returns it) or the server closes or
     * {@code timeout} passes (returns null).
     */
    public String awaitText(String part, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        for (String t : texts) {
            if (t.contains(part)) {
                return t;
            }
        }
        while (!closed && System.nanoTime() < end) {
            String t = readFrame(end);
            if (t != null && t.contains(part)) {
                return t;
            }
        }
        return null;
    }

    /** Reads until the server closes the connection (close frame or end of stream); false after {@code timeout}. */
    public boolean awaitClosed(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!closed && System.nanoTime() < end) {
            readFrame(end);
        }
        return closed;
    }

    /** Text of every text frame received so far. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    private String readFrame(long endNanos) {
        try {
            int left = (int) Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout(left);
            int b0 = in.read();
            if (b0 == -1) {
                closed = true;
                return null;
            }
            int b1 = in.read();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) len);
            int opcode = b0 & 0x0F;
            if (opcode == 0x8) {
                closed = true;
                return null;
            }
            if (opcode == 0x1) {
                String text = new String(payload, StandardCharsets.UTF_8);
                texts.add(text);
                return text;
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            closed = true;
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone
        }
    }
}
