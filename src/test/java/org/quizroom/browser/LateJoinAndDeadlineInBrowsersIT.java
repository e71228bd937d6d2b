package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The warm-up quiz at double time, run from the keyboard: a student who joins after the first
 * question opened lands on it with the time that is left; a question nobody else answers closes
 * by itself when the countdown runs out; the host screen reloaded mid-question comes back with
 * its countdown and "answered N of M".
 */
@LiveServerTest
class LateJoinAndDeadlineInBrowsersIT {

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("warmup-");
    }

    @BeforeEach
    void fleet() {
        fleet = new BrowserFleet(port);
    }

    @AfterEach
    void quitBrowsers() {
        fleet.quitAll();
    }

    @Test
    void aLateJoinerAQuestionThatRunsOutAndAReloadedHostScreen() {
        var kimStarting = fleet.browserLater("Kim", Browsers.PHONE, "warmup-phone-kim-");
        var leeStarting = fleet.browserLater("Lee", Browsers.PHONE, "warmup-phone-lee-");
        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "warmup-host-");
        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='warm-up']")).isEmpty(), "warm-up listed");
        // Double time (40 s, 60 s, 30 s): room for a late joiner's browser on a busy machine.
        new Select(teacher.el("opt-time")).selectByValue("2");
        teacher.click("opt-shuffle"); // on by default; the file's order lets the test name the slots
        teacher.clickButtonNamed("Host Warm-up");
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");

        Screen kim = BrowserFleet.ready(kimStarting);
        kim.open("/play").awaitPhase("join");
        kim.type("pin-input", pin);
        kim.type("nickname-input", "Kim");
        kim.pressEnterIn("nickname-input");
        kim.awaitPhase("waiting");
        teacher.awaitRoster("Kim");
        // Lee has the join page open but is still typing when the lesson starts.
        Screen lee = BrowserFleet.ready(leeStarting);
        lee.open("/play").awaitPhase("join");
        lee.type("pin-input", pin);
        lee.type("nickname-input", "Lee");

        // The teacher starts from the keyboard: Enter runs the button the hint names.
        assertThat(teacher.text("key-hint-action")).isEqualTo("start");
        long started = System.nanoTime();
        teacher.pressKeys(Keys.ENTER);
        String q1 = "What is the capital city of Australia?";
        teacher.awaitPhase("question").awaitText("question-text", q1);
        teacher.awaitAnswering();
        assertThat(teacher.number("countdown")).as("20 s × 2").isBetween(0, 40);
        // Lee joins a second or more into the question: no lobby, straight onto the open
        // question, with the time that is left.
        teacher.await(d -> teacher.number("countdown") <= 39, "a second to pass");
        lee.click("join-button");
        lee.awaitPhase("question").awaitText("question-text", q1);
        lee.awaitAnswering();
        // The teacher's clock is read first: Lee's, read after it, can only show as much or less.
        int teacherLeft = teacher.number("countdown");
        int leeLeft = lee.number("countdown");
        // Only the direction is asserted, never an amount of elapsed time: the teacher's clock had
        // already passed 39 when Lee joined, so a fresh 40 would mean Lee's time restarted.
        assertThat(leeLeft).as("Lee's countdown: what is left, not a fresh 40 s").isLessThan(40)
                .isLessThanOrEqualTo(teacherLeft + 1);
        assertThat(lee.all("#choices button.choice")).extracting(WebElement::getAccessibleName)
                .containsExactly("Sydney", "Canberra", "Melbourne", "Perth");
        teacher.awaitText("answered-count", "0 of 2");
        teacher.awaitText("player-count", "2");
        lee.shot("late-join-question");
        kim.awaitPhase("question").awaitText("question-text", q1);

        kim.clickButtonNamed("Canberra");
        teacher.awaitText("answered-count", "1 of 2");
        // Lee doesn't answer: nobody presses anything, the question closes when the time is up.
        teacher.await(d -> "reveal".equals(teacher.phase()), "the question to close at its deadline",
                Duration.ofSeconds(120));
        double took = (System.nanoTime() - started) / 1e9;
        assertThat(took).as("seconds from Start until the question closed by itself").isGreaterThan(39.5);
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("1 of 2 correct");
        assertThat(teacher.all("#reveal-chart .bar")).extracting(b -> b.getAttribute("data-count"))
                .containsExactly("0", "1", "0", "0");
        teacher.shot("reveal-after-deadline");
        lee.awaitPhase("reveal");
        lee.await(d -> "none".equals(lee.el("feedback").getAttribute("data-result")), "no-answer feedback");
        assertThat(lee.text("feedback-verdict")).isEqualTo("No answer");
        assertThat(lee.text("feedback-points")).isEqualTo("+0 points");
        assertThat(lee.text("feedback-rank")).isEqualTo("2nd of 2");
        assertThat(lee.el("your-answer").isDisplayed()).isFalse();
        assertThat(lee.text("reveal-answer")).contains("Canberra");
        lee.shot("feedback-time-up");
        kim.awaitPhase("reveal");
        kim.await(d -> "correct".equals(kim.el("feedback").getAttribute("data-result")), "correct feedback");
        assertThat(kim.text("feedback-rank")).isEqualTo("1st of 2");

        // Q2 (multi, 60 s): the host screen is reloaded while the question is open.
        teacher.click("next");
        teacher.awaitPhase("leaderboard");
        teacher.click("next");
        String q2 = "Which of these are planets in our solar system?";
        teacher.awaitPhase("question").awaitText("question-text", q2);
        kim.awaitPhase("question").awaitText("question-text", q2);
        lee.awaitPhase("question").awaitText("question-text", q2);
        kim.awaitAnswering();
        lee.awaitAnswering();
        kim.clickButtonNamed("Mars");
        kim.clickButtonNamed("Neptune");
        kim.click("submit-answer");
        kim.awaitText("answer-status", "Answer locked in ✓");
        teacher.awaitText("answered-count", "1 of 2");
        // Reload only once the host's own clock has visibly run down (waited for, not assumed):
        // then "not restarted" is "not more than before", whatever the machine's load.
        int beforeReload = teacher.await(d -> {
            int c = teacher.number("countdown");
            return c <= 58 ? c : null;
        }, "the host countdown to pass 58 of 60");
        teacher.assertNoInjectedScript();
        teacher.reload();
        teacher.awaitPhase("question").awaitText("question-text", q2);
        teacher.awaitAnswering();
        int afterReload = teacher.number("countdown");
        assertThat(afterReload).as("host countdown after the reload (was " + beforeReload + " of 60)")
                .isLessThanOrEqualTo(beforeReload);
        teacher.assertCountdownRuns();
        teacher.awaitText("answered-count", "1 of 2");
        assertThat(teacher.texts("#choices .choice-text")).containsExactly("Mars", "Pluto", "Neptune", "The Moon");
        assertThat(teacher.text("pin-small")).isEqualTo(pin);
        // The join corner still says where to join: a reload gets no LOBBY event, so the page asks for it.
        teacher.awaitText("corner-url", "127.0.0.1:" + port + "/play");
        teacher.shot("question-after-reload");

        lee.pressKeys("1"); // Mars only: half the right picks
        lee.tabTo("Submit answer");
        lee.pressKeys(Keys.SPACE);
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-title")).isEqualTo(q2);
        assertThat(teacher.all("#reveal-chart .bar")).extracting(b -> b.getAttribute("data-count"))
                .containsExactly("2", "0", "1", "0");
        assertThat(teacher.all("#reveal-chart .bar .bar-text")).extracting(WebElement::getText)
                .containsExactly("Mars", "Pluto", "Neptune", "The Moon");
        lee.await(d -> "partial".equals(lee.el("feedback").getAttribute("data-result")), "partly-right feedback");
        assertThat(lee.text("your-answer")).isEqualTo("Your answer: Mars");

        // Q3: the teacher skips with the keyboard, then ends the game.
        teacher.pressKeys(Keys.SPACE);
        teacher.awaitPhase("leaderboard");
        teacher.pressKeys(Keys.SPACE);
        teacher.awaitPhase("question").awaitText("question-text", "Water boils at 100 degrees Celsius at sea level.");
        teacher.awaitAnswering();
        assertThat(teacher.text("key-hint-action")).isEqualTo("skip (press twice)");
        // One stray key press does not end the class's question; the second one does.
        teacher.pressKeys(Keys.SPACE);
        teacher.awaitText("toast", t -> t.contains("again to skip"), "the skip asks for a second press");
        assertThat(teacher.phase()).isEqualTo("question");
        teacher.pressKeys(Keys.SPACE);
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("0 of 2 correct");
        teacher.click("end");
        teacher.acceptConfirm("End the game now?");
        teacher.awaitPhase("finished");
        assertThat(teacher.texts("#podium .podium-name")).containsExactly("Kim", "Lee");
        // Two on the podium: the winner still stands in the middle of the screen.
        double offCentre = ((Number) teacher.js("const r = document.querySelector('#podium .step-1').getBoundingClientRect();"
                + " return Math.abs((r.left + r.right) / 2 - window.innerWidth / 2);")).doubleValue();
        assertThat(offCentre).as("px between the winner's step and the middle of the screen").isLessThan(40);
        for (Screen phone : List.of(kim, lee)) {
            phone.awaitPhase("finished");
            phone.assertNoInjectedScript();
        }
        assertThat(kim.awaitText("final-rank", "1st of 2")).isNotNull();
        assertThat(lee.awaitText("final-rank", "2nd of 2")).isNotNull();
        assertThat(kim.text("final-correct")).isEqualTo("2 of 3 correct");
        assertThat(lee.text("final-correct")).isEqualTo("0 of 3 correct");
        teacher.assertNoInjectedScript();
        teacher.shot("podium");
    }
}
