package org.quizroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.RawClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A phone's browser offers WebSocket compression in every handshake; the server declines it
 * ({@link NoFrameCompression}) and the phone still plays, reading plain STOMP frames. The offers are the
 * ones browsers send: Chrome's and Firefox's, a bare one, and a list with an unknown extension first.
 */
@LiveServerTest
class PlainFramesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate",
            "x-webkit-deflate-frame, permessage-deflate; server_no_context_takeover"})
    void compressionOfferedIsDeclinedAndThePhoneReadsItsFrames(String offer) {
        Api api = new Api(port);
        String pin = api.openGame("warm-up", "{}").get("pin").asText();
        JsonNode player = api.join(pin, "Kim");

        try (RawClient phone = RawClient.webSocket("127.0.0.1", port, "http://127.0.0.1:" + port,
                "Sec-WebSocket-Extensions", offer)) {
            assertThat(phone.status()).as("handshake").isEqualTo(101);
            assertThat(phone.handshakeHeader("Sec-WebSocket-Extensions")).as("extensions the server accepted").isNull();

            phone.stompConnect(player.get("playerToken").asText());
            assertThat(phone.awaitText("CONNECTED", WAIT)).as("CONNECTED frame, in plain text").isNotNull();
            phone.sendText("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/events\n\n\0");
            phone.sendText("SEND\ndestination:/app/games/" + pin + "/sync\ncontent-type:application/json\n\n{}\0");
            String state = phone.awaitText("\"type\":\"STATE\"", WAIT);
            assertThat(state).as("the STATE answering sync, in plain text").isNotNull()
                    .contains("\"pin\":\"" + pin + "\"").contains("\"phase\":\"LOBBY\"");
        }
    }
}
