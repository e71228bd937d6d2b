package org.quizroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.RawClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad addresses from a student's laptop get a plain refusal and leave the teacher's log quiet. Found by a fresh
 * tester: a question number that was not a number gave a 500 and 78 lines of stack trace a request, and any API
 * error asked for as HTML (or as an image) became a 500 with two stack traces, so a loop of them flooded the log.
 */
@LiveServerTest
class ErrorResponsesIT {

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private String pin;

    @BeforeEach
    void openGameAndWatchTheLog() {
        pin = new Api(port).openGame("warm-up", "{}").get("pin").asText();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseTheLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/games/PIN/questions/abc/image", "/api/games/PIN/questions/99999999999999/image",
            "/api/games/PIN/report.csv?expires=abc&signature=x"})
    void aValueOfTheWrongKindIsABadRequest(String path) {
        Api.Response r = RawClient.http("127.0.0.1", port, "GET", path.replace("PIN", pin), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.body().get("message").asText()).contains("is not valid here");
        assertQuietLog();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/html",
            "application/xml",
            "image/png"})
    void anApiErrorIsJsonWhateverTheClientAskedFor(String accept) {
        Api.Response unknown = RawClient.http("127.0.0.1", port, "GET", "/api/games/999999", null, "Accept", accept);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(RawClient.header(unknown, "Content-Type")).startsWith("application/json");
        assertThat(unknown.body().get("code").asText()).isEqualTo("UNKNOWN_GAME");

        Api.Response noName = RawClient.postJson("127.0.0.1", port, "/api/games/" + pin + "/players", "{}",
                "Accept", accept);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().get("code").asText()).isNotBlank();
        assertQuietLog();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/nope", "/play/extra/nothing.html"})
    void aBrowserOnAnUnknownAddressGetsQuizroomsPage(String path) {
        Api.Response page = RawClient.http("127.0.0.1", port, "GET", path, null,
                "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.status()).isEqualTo(404);
        assertThat(RawClient.header(page, "Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("Nothing here", "There is no page at this address", "href=\"/play\"")
                .doesNotContain("Whitelabel");

        Api.Response api = RawClient.http("127.0.0.1", port, "GET", path, null);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body().get("code").asText()).isEqualTo("NOT_FOUND");
        assertQuietLog();
    }

    @org.junit.jupiter.api.Test
    void anUnknownGameIsNotEchoedBackWhateverItsLength() {
        Api.Response r = RawClient.http("127.0.0.1", port, "GET", "/api/games/" + "A".repeat(7000), null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("code").asText()).isEqualTo("UNKNOWN_GAME");
        assertThat(r.body().get("message").asText()).isEqualTo("There is no game with that PIN: a PIN is six digits.");
        assertQuietLog();
    }

    /** Nothing at WARN or above, and no stack trace at any level. */
    private void assertQuietLog() {
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
