package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.quizroom.support.Api;
import org.quizroom.support.LiveServerTest;
import org.quizroom.support.StompTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A mischievous student's phone in headless Chromium (the teacher over real STOMP): it cannot join as the
 * teacher, is told plainly when it types 1e308 for a number, and a reload mid-question, mid-reveal or on the
 * leaderboard brings back the student's own answer, not only the class's.
 */
@LiveServerTest
@TestPropertySource(properties = "quizroom.ping-interval-ms=600000")
class ReloadedPhoneInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserFleet fleet = BrowserFleet.perTest("reload-");

    @Test
    void theStudentsOwnAnswerSurvivesAReloadInEveryPhase() {
        Screen phone = fleet.browser("Ada", Browsers.PHONE, "reload-phone-");
        try (GameWithBob lesson = openGameWithBob()) {
            String pin = lesson.pin();
            StompTestClient host = lesson.host();
            phone.open("/play").awaitPhase("join");
            phone.type("pin-input", pin);
            phone.type("nickname-input", "Teacher 1");
            phone.click("join-button");
            phone.awaitText("join-error", "That name belongs to the teacher: pick your own.");
            assertThat(phone.el("nickname-input").getDomAttribute("aria-invalid")).isEqualTo("true");
            phone.type("nickname-input", "Ada");
            phone.click("join-button");
            phone.awaitPhase("waiting");
            awaitAdaAndBobConnected(host);

            // Question 1: Ada picks Sydney (wrong), then reloads while the question is still open.
            host.host("start");
            phone.awaitPhase("question").awaitAnswering();
            phone.clickButtonNamed("Sydney");
            phone.awaitText("answer-status", "Answer locked in ✓");
            phone.reload();
            phone.awaitPhase("question");
            phone.awaitText("answer-status", "Answer locked in ✓");
            phone.await(d -> chosen(phone).equals("Sydney"), "Sydney marked as her pick again");

            host.host("skip");
            phone.awaitPhase("reveal");
            phone.awaitText("your-answer", "Your answer: Sydney");
            phone.reload();
            phone.awaitPhase("reveal");
            phone.awaitText("your-answer", "Your answer: Sydney");
            phone.awaitText("feedback-verdict", "Wrong");
            phone.shot("reveal-after-reload");

            // Through to the number question (index 4), the leaderboard of each on the way.
            host.await("REVEAL", WAIT);
            for (int q = 1; q <= 4; q++) {
                host.host("next");
                host.await("LEADERBOARD", WAIT);
                host.host("next");
                host.await(e -> "QUESTION".equals(e.path("type").asText()), "question " + q, WAIT);
                if (q < 4) {
                    host.host("skip");
                    host.await("REVEAL", WAIT);
                }
            }
            phone.awaitPhase("question").awaitText("question-text", "How many legs does a spider have?");
            phone.awaitAnswering();
            phone.type("answer-input", "1e308");
            phone.awaitText("number-reading", "Not a number yet, e.g. 1955 or 2,5");
            phone.pressEnterIn("answer-input");
            phone.awaitText("answer-status", t -> t.contains("Enter a number"), "asks for a plain number");
            assertThat(phone.el("answer-input").isEnabled()).as("she can still answer").isTrue();
            phone.type("answer-input", "8");
            phone.pressEnterIn("answer-input");
            phone.awaitText("answer-status", "Answer locked in ✓");
            phone.reload();
            phone.awaitPhase("question");
            phone.awaitText("answer-status", "Answer locked in ✓");
            assertThat(phone.el("answer-input").getDomProperty("value")).isEqualTo("8");

            host.host("skip");
            host.await("REVEAL", WAIT);
            phone.awaitPhase("reveal");
            phone.reload();
            phone.awaitPhase("reveal");
            phone.awaitText("your-answer", "Your answer: 8");
            phone.awaitText("feedback-verdict", "Correct!");
            phone.assertNoInjectedScript();
        }
    }

    @Test
    void anAnswerTappedWhileTheWifiIsDownIsSentWhenItComesBack() {
        Screen phone = fleet.browser("Ada", Browsers.PHONE, "offline-phone-");
        try (GameWithBob lesson = openGameWithBob()) {
            String pin = lesson.pin();
            StompTestClient host = lesson.host();
            phone.open("/play").awaitPhase("join");
            phone.type("pin-input", pin);
            phone.type("nickname-input", "Ada");
            phone.click("join-button");
            phone.awaitPhase("waiting");
            awaitAdaAndBobConnected(host);
            host.host("start");
            phone.awaitPhase("question").awaitAnswering();

            // The Wi-Fi drops (Chromium's own network emulation: navigator.onLine turns false, requests fail).
            phone.network(false);
            phone.awaitText("connection-status", t -> t.startsWith("No network"), "to say the network is gone");
            assertThat(phone.el("connection-status").isDisplayed()).isTrue();
            phone.assertNoSidewaysScroll("with the no-network banner");
            phone.clickButtonNamed("Canberra");
            phone.awaitText("answer-status", t -> t.startsWith("Reconnecting… your answer will be sent"),
                    "to say the answer waits");
            phone.shot("offline-answer-waits");

            phone.network(true);
            phone.awaitText("answer-status", "Answer locked in ✓");
            phone.await(d -> !phone.el("connection-status").isDisplayed(), "the banner gone once back");
            JsonNode count = host.await(e -> "ANSWER_COUNT".equals(e.path("type").asText())
                    && e.path("answered").asInt() == 1, "the teacher sees Ada's answer", WAIT);
            assertThat(count.path("answered").asInt()).isEqualTo(1);
            host.host("skip");
            phone.awaitPhase("reveal");
            phone.awaitText("feedback-verdict", "Correct!");
        }
    }

    /** A warm-up game at triple time, its host screen, and Bob, connected, who never answers. */
    private record GameWithBob(String pin, StompTestClient host, StompTestClient bob) implements AutoCloseable {
        @Override
        public void close() {
            bob.close();
            host.close();
        }
    }

    /** Bob is connected and never answers, so no question closes early when Ada has answered. */
    private GameWithBob openGameWithBob() {
        Api api = new Api(port);
        JsonNode game = api.openGame("warm-up", "{\"timeMultiplier\": 3}");
        String pin = game.get("pin").asText();
        String bobToken = api.join(pin, "Bob").get("playerToken").asText();
        GameWithBob lesson = new GameWithBob(pin, StompTestClient.host(port, pin, game.get("hostToken").asText()),
                StompTestClient.player(port, pin, bobToken));
        try {
            lesson.bob().await("STATE", WAIT);
            return lesson;
        } catch (RuntimeException | Error e) {
            lesson.close();
            throw e;
        }
    }

    private static void awaitAdaAndBobConnected(StompTestClient host) {
        host.await(e -> "PLAYERS".equals(e.path("type").asText()) && e.path("players").size() == 2
                && e.path("players").findValues("connected").stream().allMatch(JsonNode::asBoolean),
                "Ada and Bob connected", WAIT);
    }

    /** The accessible names of the choices the phone marks as picked. */
    private static String chosen(Screen phone) {
        return String.join(",", phone.all("#choices button.choice.chosen").stream()
                .map(WebElement::getAccessibleName).toList());
    }
}
