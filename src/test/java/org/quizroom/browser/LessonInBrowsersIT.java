package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A lesson as the people in the room see it: the teacher's projector (1920×1080) runs the notes
 * quiz from the dashboard, three students play on phones (390×844). One joins from the QR code,
 * the others type the PIN; one is kicked for their nickname and comes back under another; one
 * reloads mid-question; one's nickname is markup. They answer a number, a single choice, a typed
 * answer, a multi, a true/false and an order question by tapping and by keyboard; the teacher
 * skips ahead with Skip/Next and ends the game with End. Every screen is saved under
 * target/screenshots/.
 */
@LiveServerTest
class LessonInBrowsersIT {

    static final String QUIZ = "post-stalin-transition";
    static final String QUIZ_TITLE = "Post-Stalin Transition";
    static final String XSS = "<img src=x onerror=alert(1)>";
    static final int TOTAL = 42;

    static final List<String> ORDER = List.of("Stalin dies", "Beria is arrested",
            "Khrushchev becomes Party First Secretary", "The attack on Stalin at the Party congress",
            "The Anti-Party Group is defeated");

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("lesson-");
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
    void aLessonOnTheProjectorAndThreePhones() {
        var adaStarting = fleet.browserLater("Ada", Browsers.PHONE, "lesson-phone-ada-");
        var bobStarting = fleet.browserLater("Bob", Browsers.PHONE, "lesson-phone-bob-");
        var eveStarting = fleet.browserLater("Eve", Browsers.PHONE, "lesson-phone-eve-");
        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "lesson-host-");

        // ---------------------------------------------------------------- dashboard
        teacher.open("/");
        WebElement card = teacher.await(d -> d.findElements(By.cssSelector("li.quiz[data-quiz-id='" + QUIZ + "']"))
                .stream().findFirst().orElse(null), "the notes quiz listed");
        assertThat(card.getText()).contains(QUIZ_TITLE).contains(TOTAL + " questions");
        // Double time, chosen by the teacher: every countdown starts at twice the quiz's time.
        new Select(teacher.el("opt-time")).selectByValue("2");
        // Answers are shuffled by default; this lesson keeps the file's order so the test can name slots.
        assertThat(teacher.el("opt-shuffle").isSelected()).as("shuffle on by default").isTrue();
        teacher.click("opt-shuffle");
        assertThat(teacher.el("opt-shuffle").isSelected()).isFalse();
        // Reading time has its own tests (ClassroomDetailsInBrowsersIT); here answers open at once.
        teacher.el("opt-reading").click();
        assertThat(teacher.el("opt-reading").isSelected()).isFalse();
        teacher.assertControlsHaveAccessibleNames("dashboard");
        teacher.assertNoAxeViolations("dashboard");
        teacher.shot("dashboard");
        teacher.clickButtonNamed("Host " + QUIZ_TITLE);

        // ---------------------------------------------------------------- lobby
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a 6-digit PIN");
        assertThat(teacher.driver.getCurrentUrl()).endsWith("/host?pin=" + pin);
        String joinUrl = "http://127.0.0.1:" + port + "/play?pin=" + pin;
        // Written without "http://" and without the PIN (shown beside it); the QR has the full link.
        teacher.awaitText("join-url", "127.0.0.1:" + port + "/play");
        // Loopback only: the projector says phones cannot use this address.
        assertThat(teacher.text("loopback-warning")).contains("only works on this computer");
        assertThat(teacher.text("quiz-title")).isEqualTo(QUIZ_TITLE);
        assertThat(teacher.text("roster-empty")).contains("Waiting for players");
        assertThat(teacher.text("roster-count")).isEqualTo("0");
        // The QR code encodes exactly the address written above it.
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("return document.getElementById('qr').complete "
                + "&& document.getElementById('qr').naturalWidth > 0")), "QR code loaded");
        assertThat(QrCodes.read(teacher.el("qr"))).isEqualTo(joinUrl);

        // Ada scans the QR code: the PIN is filled in, she only types her name.
        Screen ada = BrowserFleet.ready(adaStarting);
        ada.open(QrCodes.read(teacher.el("qr"))).awaitPhase("join");
        assertThat(ada.el("pin-input").getAttribute("value")).isEqualTo(pin);
        assertThat(ada.el("nickname-input").equals(ada.driver.switchTo().activeElement()))
                .as("the nickname field has the focus").isTrue();
        assertThat(((Number) ada.js("return window.innerWidth")).intValue()).as("phone viewport").isEqualTo(390);
        ada.type("nickname-input", "Ada");
        ada.assertControlsHaveAccessibleNames("join form");
        ada.assertNoSidewaysScroll("join form");
        ada.shot("join-form");
        ada.pressEnterIn("nickname-input");
        ada.awaitPhase("waiting");
        assertThat(ada.text("waiting-title")).isEqualTo("You're in, Ada!");
        assertThat(ada.text("me-name")).isEqualTo("Ada");
        ada.assertNoSidewaysScroll("waiting");
        ada.shot("waiting");
        teacher.awaitRoster("Ada");

        // Bob types the PIN and a nickname the teacher won't have on the projector.
        Screen bob = BrowserFleet.ready(bobStarting);
        bob.open("/play").awaitPhase("join");
        assertThat(bob.el("pin-input").getAttribute("value")).isEmpty();
        bob.type("pin-input", pin);
        bob.type("nickname-input", "Bobby Tables");
        bob.shot("join-form-typed");
        bob.click("join-button");
        bob.awaitPhase("waiting");
        teacher.awaitRoster("Ada", "Bobby Tables");

        // Eve's nickname is markup: it must stay text everywhere.
        Screen eve = BrowserFleet.ready(eveStarting);
        eve.open("/play").awaitPhase("join");
        eve.type("pin-input", pin);
        eve.type("nickname-input", XSS);
        eve.click("join-button");
        eve.awaitPhase("waiting");
        assertThat(eve.text("waiting-name")).isEqualTo(XSS);
        assertThat(eve.text("me-name")).isEqualTo(XSS);
        eve.assertNoSidewaysScroll("waiting, long nickname");
        eve.shot("waiting");
        teacher.awaitRoster("Ada", "Bobby Tables", XSS);
        assertThat(teacher.text("roster-count")).isEqualTo("3");
        assertThat(teacher.text("player-count")).isEqualTo("3");
        assertThat(teacher.el("roster-empty").isDisplayed()).isFalse();
        teacher.assertControlsHaveAccessibleNames("lobby");
        teacher.assertNotCutOff("#roster .nickname");
        teacher.assertOnScreen("#join-url", "#pin", "#qr", "#roster li", "#start");
        teacher.assertNoInjectedScript();
        teacher.shot("lobby");

        // ---------------------------------------------------------------- kick, and back under another name
        teacher.clickButtonNamed("Kick Bobby Tables");
        teacher.acceptConfirm("Remove Bobby Tables from the game?"); // a stray click on the projector does nothing
        bob.awaitPhase("kicked");
        assertThat(bob.text("kicked-title")).isEqualTo("You're no longer in this game"); // not "you left": you did not
        assertThat(bob.text("kicked-message")).containsIgnoringCase("removed");
        bob.assertNoSidewaysScroll("kicked");
        bob.shot("kicked");
        teacher.awaitRoster("Ada", XSS);
        teacher.awaitText("roster-count", "2");
        // The teacher locks the door for a moment: the projector says so, and a join is refused.
        teacher.click("lock");
        teacher.awaitText("locked-note", "Joining is locked");
        teacher.awaitText("lock", "Unlock joining");
        teacher.assertNotCutOff("#roster .nickname");
        teacher.shot("lobby-locked");
        bob.assertNoInjectedScript();
        bob.click("join-again");
        bob.awaitPhase("join"); // the kicked token is gone: no way back in as Bobby Tables
        assertThat(bob.el("pin-input").getAttribute("value")).isEqualTo(pin);
        bob.type("nickname-input", "Bob");
        bob.click("join-button");
        bob.awaitText("join-error", t -> t.contains("not accepting") || t.contains("locked"), "says joining is locked");
        teacher.click("lock");
        teacher.awaitText("lock", "Lock joining");
        assertThat(teacher.el("locked-note").isDisplayed()).isFalse();
        bob.type("nickname-input", "ADA");
        bob.click("join-button");
        bob.awaitText("join-error", t -> t.contains("already"), "says the name is taken");
        assertThat(bob.el("nickname-input").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(bob.phase()).isEqualTo("join");
        bob.assertNoSidewaysScroll("join error");
        bob.shot("join-error");
        bob.type("nickname-input", "Bob");
        bob.pressEnterIn("nickname-input");
        bob.awaitPhase("waiting");
        assertThat(bob.text("waiting-title")).isEqualTo("You're in, Bob!");
        teacher.awaitRoster("Ada", XSS, "Bob");
        teacher.awaitText("roster-count", "3");

        List<Screen> phones = List.of(ada, bob, eve);
        Map<Screen, Integer> score = new HashMap<>(Map.of(ada, 0, bob, 0, eve, 0));

        // ---------------------------------------------------------------- Q1: number, no points
        teacher.click("start");
        String q1 = "In what year did Joseph Stalin die, opening a struggle over who would succeed him?";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q1);
            s.awaitAnswering();
        }
        assertThat(teacher.text("question-progress")).isEqualTo("Question 1 of " + TOTAL);
        assertThat(teacher.text("question-points")).isEqualTo("No points");
        assertThat(teacher.text("question-hint")).isEqualTo("Enter a number on your device.");
        teacher.awaitText("answered-count", "0 of 3");
        // 15 s in the quiz file, doubled by the game option.
        int hostStart = teacher.number("countdown");
        assertThat(hostStart).as("host countdown at the start, 15 s × 2").isBetween(20, 30);
        teacher.assertCountdownRuns();
        assertThat(teacher.el("countdown-announcer").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(ada.el("countdown-announcer").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(ada.text("answer-input-label")).isEqualTo("Your answer (a number)");
        assertThat(ada.el("submit-answer").isEnabled()).as("submit before typing").isFalse();
        ada.assertCountdownRuns();
        ada.assertControlsHaveAccessibleNames("number question");
        ada.assertNoSidewaysScroll("number question");
        ada.shot("question-number");
        teacher.shot("question-number");

        // The answer field has the focus: a student with a keyboard just types.
        assertThat(ada.focusedName()).isEqualTo("Your answer (a number)");
        ada.pressKeys("1953", Keys.ENTER);
        ada.awaitText("answer-status", "Answer locked in ✓");
        assertThat(ada.el("answer-input").isEnabled()).as("locked after answering").isFalse();
        teacher.awaitText("answered-count", "1 of 3");
        ada.shot("question-locked-in");
        bob.type("answer-input", "1956");
        bob.click("submit-answer"); // tap
        teacher.awaitText("answered-count", "2 of 3");
        eve.type("answer-input", "1953");
        eve.click("submit-answer");

        // Everyone answered: the question closes by itself.
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-title")).isEqualTo(q1);
        assertThat(teacher.text("reveal-answer")).contains("Correct answer").contains("1953");
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("2 of 3 correct");
        assertThat(teacher.text("reveal-section")).isEqualTo("From the notes: Leadership Changes and Policy Shifts");
        assertThat(teacher.text("explanation")).isEqualTo("He died in March of that year. No successor had been named,"
                + " so power passed for a time to a group of senior colleagues.");
        teacher.assertOnScreen("#reveal-answer", "#explanation");
        teacher.shot("reveal-number");
        assertFeedback(ada, "correct", "Correct!", 0, score, true);
        assertFeedback(bob, "wrong", "Wrong", 0, score, true);
        assertFeedback(eve, "correct", "Correct!", 0, score, true);
        assertThat(ada.text("your-answer")).isEqualTo("Your answer: 1953");
        assertThat(bob.text("your-answer")).isEqualTo("Your answer: 1956");
        assertThat(bob.text("reveal-answer")).contains("1953");
        assertThat(ada.text("explanation")).startsWith("He died in March of that year.");
        ada.assertNoSidewaysScroll("feedback");

        // ---------------------------------------------------------------- Q2: single choice
        next(teacher, "leaderboard");
        // The host's keyboard: Space runs the primary button (Next).
        teacher.pressKeys(Keys.SPACE);
        String q2 = "Which post gave Khrushchev the base from which he outmanoeuvred his rivals?";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q2);
            s.awaitAnswering();
        }
        assertThat(teacher.text("question-progress")).isEqualTo("Question 2 of " + TOTAL);
        assertThat(teacher.texts("#choices .choice-text")).containsExactly("Head of the government",
                "Interior Minister", "Party First Secretary", "Defence Minister");
        assertThat(teacher.all("#choices svg.shape")).as("a shape on every answer tile").hasSize(4);
        teacher.assertCountdownRuns();
        teacher.awaitText("answered-count", "0 of 3");
        teacher.assertOnScreen("#question-text", "#countdown", "#answered-count", "#choices .choice");
        teacher.shot("question-single");
        List<WebElement> adaChoices = ada.all("#choices button.choice");
        assertThat(adaChoices).extracting(WebElement::getAccessibleName).containsExactly("Head of the government",
                "Interior Minister", "Party First Secretary", "Defence Minister");
        ada.assertControlsHaveAccessibleNames("single question");
        ada.assertNoSidewaysScroll("single question");
        ada.shot("question-single");

        ada.pressKeys("3"); // key 3 = Party First Secretary
        ada.awaitText("answer-status", "Answer locked in ✓");
        assertThat(ada.find("#choices .choice[data-index='2']").getAttribute("class")).contains("chosen");
        assertThat(ada.find("#choices .choice[data-index='0']").getAttribute("class")).contains("not-chosen");
        teacher.awaitText("answered-count", "1 of 3");
        ada.shot("question-single-chosen");
        bob.clickButtonNamed("Head of the government"); // tap
        teacher.awaitText("answered-count", "2 of 3");
        // Eve moves through the page with Tab and presses Space on her answer.
        eve.tabTo("Party First Secretary");
        eve.pressKeys(Keys.SPACE);

        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("2 of 3 correct");
        assertThat(teacher.text("reveal-answer")).contains("Party First Secretary");
        List<WebElement> bars = teacher.all("#reveal-chart .bar");
        assertThat(bars).hasSize(4);
        assertThat(bars).extracting(b -> b.getAttribute("data-count")).containsExactly("1", "0", "2", "0");
        assertThat(bars.get(2).getAttribute("class")).contains("correct");
        assertThat(bars.get(0).getAttribute("class")).contains("wrong");
        assertThat(bars.get(2).getText()).contains("✓").contains("2").contains("Party First Secretary");
        assertThat(bars.get(2).getAttribute("aria-label"))
                .isEqualTo("Party First Secretary: 2 answers, correct");
        assertThat(teacher.text("explanation")).startsWith("Running the Party machine");
        teacher.assertOnScreen("#reveal-chart", "#reveal-answer", "#reveal-section", "#explanation");
        teacher.shot("reveal-chart");
        int adaQ2 = assertFeedback(ada, "correct", "Correct!", -1, score);
        assertThat(adaQ2).as("a quick correct answer, first of a streak").isBetween(500, 1000);
        assertFeedback(bob, "wrong", "Wrong", 0, score);
        int eveQ2 = assertFeedback(eve, "correct", "Correct!", -1, score);
        assertThat(eveQ2).isBetween(500, 1000);
        assertThat(bob.text("feedback-rank")).isEqualTo("3rd of 3");
        assertThat(bob.text("your-answer")).isEqualTo("Your answer: Head of the government");
        assertThat(ada.text("feedback-streak")).isEqualTo("1");
        assertThat(ada.all("#feedback-streak svg.flame")).as("streak flame drawn, not an emoji").hasSize(1);
        assertThat(bob.el("feedback-streak-box").isDisplayed()).as("no streak to show after a wrong answer").isFalse();
        ada.shot("feedback-correct");
        bob.shot("feedback-wrong");

        // ---------------------------------------------------------------- leaderboard
        next(teacher, "leaderboard");
        assertLeaderboard(teacher, phones, score);
        teacher.assertNoInjectedScript();
        teacher.assertNotCutOff("#leaderboard .nickname");
        teacher.assertOnScreen("#leaderboard li");
        teacher.shot("leaderboard");
        for (Screen s : phones) {
            s.awaitPhase("leaderboard");
            String points = String.format("%,d", score.get(s)) + " points";
            String rank = rankOf(s);
            // Cheers for the lead and the podium places, none for the last place.
            assertThat(s.text("my-rank")).isEqualTo(switch (rank) {
                case "1st" -> "You're in the lead with " + points + "!";
                case "3rd" -> "You're 3rd of 3 with " + points + ". Every question is a new chance.";
                default -> "You're " + rank + " of 3 with " + points + "!";
            });
        }
        assertThat(eve.texts("#leaderboard .nickname")).contains(XSS);
        eve.assertNoSidewaysScroll("leaderboard");
        eve.assertNotCutOff("#leaderboard .nickname");
        eve.assertNoInjectedScript();
        eve.shot("leaderboard");

        // ---------------------------------------------------------------- Q3: typed answer, Ada reloads
        teacher.click("next");
        String q3 = "Name the campaign in which Khrushchev condemned Stalin's terror and the cult around him.";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q3);
            s.awaitAnswering();
        }
        assertThat(ada.text("answer-input-label")).isEqualTo("Your answer");
        eve.shot("question-type");
        // 30 s × 2 = 60 s. Let a few seconds pass, then the phone reloads (as after a crash or sleep).
        int full = ada.number("countdown");
        assertThat(full).as("60 s: 30 s × 2").isBetween(45, 60);
        int before = ada.await(d -> {
            int c = ada.number("countdown");
            return c <= full - 2 ? c : null;
        }, "two seconds to pass");
        int scoreBefore = ada.number("me-score");
        assertThat(scoreBefore).isEqualTo(score.get(ada));
        ada.assertNoInjectedScript();
        ada.reload();
        ada.awaitPhase("question");
        ada.awaitText("question-text", q3);
        ada.awaitAnswering();
        int after = ada.number("countdown");
        assertThat(after).as("time left after the reload (was " + before + " of " + full + ")")
                .isLessThanOrEqualTo(before).isLessThan(60).isGreaterThan(30);
        ada.assertCountdownRuns();
        assertThat(ada.text("me-name")).isEqualTo("Ada");
        assertThat(ada.number("me-score")).isEqualTo(scoreBefore);
        assertThat(ada.el("answer-input").isEnabled()).as("can still answer after the reload").isTrue();
        assertThat(teacher.phase()).isEqualTo("question");
        teacher.awaitText("answered-count", "0 of 3");
        ada.shot("question-after-reload");

        assertThat(ada.focusedName()).as("focus on the answer field after the reload").isEqualTo("Your answer");
        ada.pressKeys("Destalinisation", Keys.ENTER);
        ada.awaitText("answer-status", "Answer locked in ✓");
        teacher.awaitText("answered-count", "1 of 3");
        bob.type("answer-input", "the thaw");
        bob.click("submit-answer");
        teacher.awaitText("answered-count", "2 of 3");
        eve.type("answer-input", "de-Stalinization");
        eve.pressEnterIn("answer-input");
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-answer")).startsWith("Correct answer\nde-Stalinisation\nAlso accepted: ")
                .contains("destalinisation");
        teacher.assertOnScreen("#reveal-answer", "#explanation");
        assertThat(teacher.el("reveal-chart").isDisplayed()).as("no chart for a typed answer").isFalse();
        // What the class typed: every answer with its count, the right ones ticked.
        assertThat(teacher.text("common-answers")).startsWith("Most common answers");
        assertThat(teacher.all("#common-answers .common-row")).extracting(r -> r.findElement(By.className("common-text")).getText()
                + "=" + r.getAttribute("data-count") + (Boolean.parseBoolean(r.getAttribute("data-correct")) ? " right" : ""))
                .contains("the thaw=1").anyMatch(t -> t.endsWith(" right"));
        teacher.assertOnScreen("#common-answers", "#explanation");
        int adaQ3 = assertFeedback(ada, "correct", "Correct!", -1, score);
        assertThat(adaQ3).as("second correct in a row: +100 streak bonus").isBetween(600, 1100);
        assertThat(ada.text("feedback-streak")).isEqualTo("2");
        assertThat(ada.text("your-answer")).isEqualTo("Your answer: Destalinisation");
        assertFeedback(bob, "wrong", "Wrong", 0, score);
        assertFeedback(eve, "correct", "Correct!", -1, score);
        teacher.shot("reveal-type");

        // ---------------------------------------------------------------- Q4: multi
        next(teacher, "leaderboard");
        assertLeaderboard(teacher, phones, score);
        teacher.click("next");
        String q4 = "Which of these were signs that Soviet policy towards the West softened in the mid-1950s? Select all that apply.";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q4);
            s.awaitAnswering();
        }
        assertThat(teacher.text("question-hint")).isEqualTo("More than one answer may be right.");
        assertThat(ada.text("question-hint")).isEqualTo("Pick every right answer, then submit.");
        assertThat(ada.el("submit-answer").isEnabled()).as("submit with nothing picked").isFalse();
        ada.clickButtonNamed("Ending the occupation of Austria by treaty");
        ada.clickButtonNamed("Making peace with Tito's Yugoslavia");
        ada.clickButtonNamed("Agreeing to summit talks with the West");
        assertThat(ada.all("#choices .choice[aria-pressed='true']")).hasSize(3);
        ada.assertControlsHaveAccessibleNames("multi question");
        ada.assertNoSidewaysScroll("multi question");
        ada.assertOnScreenFromTheTop("submit-answer", "multi question of five long choices");
        ada.shot("question-multi");
        ada.click("submit-answer");
        ada.awaitText("answer-status", "Answer locked in ✓");
        bob.clickButtonNamed("Ending the occupation of Austria by treaty"); // one of three: partly right
        bob.click("submit-answer");
        teacher.awaitText("answered-count", "2 of 3");
        // Eve: keys 2, 3 and 5 toggle, then Tab to the submit button and Enter.
        eve.pressKeys("2", "3", "5");
        eve.await(d -> eve.all("#choices .choice[aria-pressed='true']").size() == 3, "three choices picked by keys");
        eve.tabTo("Submit answer");
        eve.pressKeys(Keys.ENTER);
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-answer")).contains("Correct answers")
                .contains("Ending the occupation of Austria by treaty").contains("Agreeing to summit talks with the West");
        assertThat(teacher.all("#reveal-chart .bar")).extracting(b -> b.getAttribute("data-count"))
                .containsExactly("0", "3", "2", "0", "2");
        int bobQ4 = assertFeedback(bob, "partial", "Partly right", -1, score);
        assertThat(bobQ4).as("a third of the right picks: a third of the points").isBetween(160, 340);
        int adaQ4 = assertFeedback(ada, "correct", "Correct!", -1, score);
        assertThat(adaQ4).isBetween(700, 1200);
        assertThat(ada.text("feedback-streak")).isEqualTo("3");
        assertFeedback(eve, "correct", "Correct!", -1, score);
        bob.shot("feedback-partly");

        // ---------------------------------------------------------------- Q5: true/false
        next(teacher, "leaderboard");
        teacher.click("next");
        String q5 = "After 1953 the Soviet leadership made less use of diplomatic channels with the West than before.";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q5);
            s.awaitAnswering();
        }
        assertThat(ada.all("#choices button.choice")).extracting(WebElement::getAccessibleName)
                .containsExactly("True", "False");
        ada.clickButtonNamed("False");
        bob.pressKeys("1");
        eve.pressKeys("2");
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("2 of 3 correct");
        assertFeedback(ada, "correct", "Correct!", -1, score);
        assertFeedback(bob, "wrong", "Wrong", 0, score);
        assertFeedback(eve, "correct", "Correct!", -1, score);

        // ---------------------------------------------------------------- Q6–Q17: the teacher skips ahead
        for (int q = 6; q <= 17; q++) {
            next(teacher, "leaderboard");
            teacher.click("next");
            teacher.awaitPhase("question");
            teacher.awaitText("question-progress", "Question " + q + " of " + TOTAL);
            teacher.awaitAnswering();
            teacher.click("skip");
            teacher.awaitPhase("reveal");
            teacher.awaitText("reveal-progress", "Question " + q + " of " + TOTAL);
            if (q == 6) {
                bob.awaitPhase("reveal");
                bob.await(d -> "none".equals(bob.el("feedback").getAttribute("data-result")), "no-answer feedback");
                assertThat(bob.text("feedback-verdict")).isEqualTo("No answer");
                assertThat(ada.awaitText("feedback-verdict", "No answer")).isNotNull();
                assertThat(ada.el("feedback-streak-box").isDisplayed()).as("streak broken by a missed question").isFalse();
                bob.shot("feedback-no-answer");
            }
        }

        // ---------------------------------------------------------------- Q18: order
        next(teacher, "leaderboard");
        teacher.click("next");
        String q14 = "Put these steps in the Soviet succession in order, earliest first.";
        for (Screen s : all(teacher, phones)) {
            s.awaitPhase("question");
            s.awaitText("question-text", q14);
            s.awaitAnswering();
        }
        assertThat(teacher.text("question-progress")).isEqualTo("Question 18 of " + TOTAL);
        assertThat(teacher.text("question-hint")).isEqualTo("Put these in the right order on your device.");
        assertThat(teacher.texts("#choices .choice-text")).containsExactlyInAnyOrderElementsOf(ORDER);
        // The projector numbers the items, so the class can talk about "number 3".
        assertThat(teacher.texts("#choices .item-num")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, ORDER.size()).mapToObj(String::valueOf).toList());
        assertThat(teacher.find("#choices").getTagName()).isEqualTo("ol");
        teacher.assertOnScreen("#question-text", "#countdown", "#answered-count", "#choices .choice");
        teacher.shot("question-order");
        assertThat(ada.texts("#order-list .order-text")).containsExactlyInAnyOrderElementsOf(ORDER);
        ada.assertControlsHaveAccessibleNames("order question");
        ada.assertNoSidewaysScroll("order question");
        ada.shot("question-order");
        sortByTapping(ada);
        assertThat(ada.texts("#order-list .order-text")).containsExactlyElementsOf(ORDER);
        ada.shot("question-order-sorted");
        ada.click("submit-answer");
        ada.awaitText("answer-status", "Answer locked in ✓");
        // Reloaded after submitting: the list comes back in the order she sent, not the order first shown.
        ada.reload();
        ada.awaitPhase("question");
        ada.awaitText("answer-status", "Answer locked in ✓");
        ada.await(d -> ada.texts("#order-list .order-text").equals(ORDER), "her submitted order after the reload");
        sortByKeyboard(eve);
        assertThat(eve.texts("#order-list .order-text")).containsExactlyElementsOf(ORDER);
        eve.tabTo("Submit answer");
        eve.pressKeys(Keys.ENTER);
        eve.awaitText("answer-status", "Answer locked in ✓");
        teacher.awaitText("answered-count", "2 of 3");
        // Bob drags the items with his finger into the reverse order (wrong, but his own).
        List<String> reverse = new ArrayList<>(ORDER);
        java.util.Collections.reverse(reverse);
        sortByDragging(bob, reverse);
        assertThat(bob.texts("#order-list .order-text")).containsExactlyElementsOf(reverse);
        assertThat(bob.texts("#order-list .order-pos")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, ORDER.size()).mapToObj(String::valueOf).toList());
        bob.shot("question-order-dragged");
        bob.click("submit-answer");
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-answer")).startsWith("Correct order");
        assertThat(teacher.texts("#reveal-answer .answer-order li span:not(.order-num)")).containsExactlyElementsOf(ORDER);
        assertThat(teacher.el("reveal-chart").isDisplayed()).as("no chart for an order question").isFalse();
        teacher.assertOnScreen("#reveal-answer", "#explanation");
        teacher.shot("reveal-order");
        assertFeedback(ada, "correct", "Correct!", -1, score);
        assertFeedback(bob, "wrong", "Wrong", 0, score);
        assertFeedback(eve, "correct", "Correct!", -1, score);
        assertThat(ada.text("feedback-streak")).as("the streak restarted after the skipped questions").isEqualTo("1");
        eve.shot("feedback-correct");

        // ---------------------------------------------------------------- End: podium and final ranks
        teacher.click("end");
        teacher.acceptConfirm("End the game now?");
        teacher.awaitPhase("finished");
        // The podium rises third, second, first: read it once the winner is up.
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("return document.getAnimations()"
                + ".filter(a => a.effect && a.effect.target && a.effect.target.closest('#podium'))"
                + ".every(a => a.playState === 'finished')")), "the podium to finish rising");
        List<Screen> byRank = new ArrayList<>(phones);
        byRank.sort((a, b) -> Integer.compare(score.get(b), score.get(a)));
        List<WebElement> podium = teacher.all("#podium li.step");
        assertThat(podium).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Screen s = byRank.get(i);
            assertThat(podium.get(i).findElement(By.className("podium-name")).getText()).isEqualTo(nameOf(s));
            assertThat(podium.get(i).findElement(By.className("podium-score")).getText())
                    .isEqualTo(String.format("%,d points", score.get(s)));
            assertThat(podium.get(i).findElement(By.className("podium-rank")).getText())
                    .isEqualTo(List.of("1st", "2nd", "3rd").get(i));
        }
        assertThat(teacher.text("finished-note")).isEqualTo("3 players took part.");
        teacher.assertNoInjectedScript();
        teacher.assertControlsHaveAccessibleNames("podium");
        teacher.assertNotCutOff("#podium .podium-name");
        teacher.assertOnScreen("#podium li", "#report-link");
        teacher.shot("podium");
        for (int i = 0; i < 3; i++) {
            Screen s = byRank.get(i);
            s.awaitPhase("finished");
            s.awaitText("final-rank", List.of("1st", "2nd", "3rd").get(i) + " of 3");
            assertThat(s.text("final-score")).isEqualTo(String.format("%,d points", score.get(s)));
            assertThat(s.text("final-correct")).isEqualTo((s == bob ? 0 : 6) + " of 17 correct"); // 18 asked, one a poll
            assertThat(s.texts("#podium .nickname")).containsExactly(nameOf(byRank.get(0)), nameOf(byRank.get(1)),
                    nameOf(byRank.get(2)));
            s.assertNoSidewaysScroll("final");
            s.assertNotCutOff("#podium .nickname");
            s.assertNoInjectedScript();
            s.shot("final");
        }

        // ---------------------------------------------------------------- report and dashboard
        teacher.click("report-link");
        teacher.awaitPhase("report");
        assertThat(teacher.text("report-title")).isEqualTo(QUIZ_TITLE);
        assertThat(teacher.text("report-meta")).startsWith("PIN " + pin);
        List<WebElement> rows = teacher.all("#players > tr[data-player]");
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 3; i++) {
            List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            Screen s = byRank.get(i);
            assertThat(cells.get(0)).isEqualTo(String.valueOf(i + 1));
            assertThat(cells.get(1)).isEqualTo(nameOf(s));
            assertThat(Screen.parseNumber(cells.get(2))).isEqualTo(score.get(s));
        }
        assertThat(rows.get(3).getText()).contains("Bobby Tables").contains("removed");
        assertThat(teacher.texts("#questions article")).hasSize(18);
        // Sections, worst first; the ones whose questions were all skipped come last, not as "hardest".
        List<String> sectionRows = teacher.texts("#sections > li");
        assertThat(sectionRows).hasSize(5);
        assertThat(sectionRows.get(0)).contains("%");
        assertThat(sectionRows.get(4)).contains("not answered");
        assertThat(teacher.texts("#sections .section-name")).contains("Leadership Changes and Policy Shifts");
        teacher.assertControlsHaveAccessibleNames("report");
        teacher.assertNoAxeViolations("report");
        teacher.assertNoInjectedScript();
        teacher.shot("report");
        teacher.js("document.getElementById('students-title').scrollIntoView()");
        teacher.shot("report-players");

        teacher.open("/");
        WebElement row = teacher.await(d -> d.findElements(By.cssSelector("#games-list tr[data-pin='" + pin + "']"))
                .stream().findFirst().orElse(null), "the game in the past games list");
        assertThat(row.getText()).contains(QUIZ_TITLE).contains("Finished");
        assertThat(row.findElement(By.tagName("a")).getAccessibleName()).contains("Report");
        teacher.assertNoInjectedScript();
        teacher.shot("dashboard-after");
    }

    // ------------------------------------------------------------------ helpers

    private static String nameOf(Screen phone) {
        return phone.text("me-name");
    }

    private static List<Screen> all(Screen teacher, List<Screen> phones) {
        var list = new ArrayList<Screen>();
        list.add(teacher);
        list.addAll(phones);
        return list;
    }

    private static String rankOf(Screen phone) {
        return phone.el("feedback-rank").getAttribute("textContent").replaceAll(" of .*", "");
    }

    private static void next(Screen teacher, String phase) {
        teacher.click("next");
        teacher.awaitPhase(phase);
    }

    /**
     * Waits for the phone's feedback after a reveal and checks what the student reads: the verdict,
     * "+N points", the score in the bar adding up, and a rank. Returns the points.
     * {@code points} -1 means "some positive number".
     */
    private static int assertFeedback(Screen phone, String kind, String verdict, int points, Map<Screen, Integer> score) {
        return assertFeedback(phone, kind, verdict, points, score, false);
    }

    private static int assertFeedback(Screen phone, String kind, String verdict, int points, Map<Screen, Integer> score,
            boolean noPoints) {
        phone.awaitPhase("reveal");
        phone.await(d -> kind.equals(phone.el("feedback").getAttribute("data-result")), "feedback '" + kind + "'");
        assertThat(phone.text("feedback-verdict")).as(phone.who + " verdict").isEqualTo(verdict);
        String pointsText = phone.text("feedback-points");
        int got;
        if (noPoints) {
            // Never "Correct! +0 points": the phone says why there are none.
            assertThat(pointsText).as(phone.who + " points line").isEqualTo("This question scores no points.");
            got = 0;
        } else {
            assertThat(pointsText).as(phone.who + " points line").matches("\\+[0-9,]+ points");
            got = Screen.parseNumber(pointsText);
        }
        if (points >= 0) {
            assertThat(got).as(phone.who + " points").isEqualTo(points);
        } else {
            assertThat(got).as(phone.who + " points").isPositive();
        }
        int total = score.get(phone) + got;
        score.put(phone, total);
        assertThat(phone.number("feedback-score")).as(phone.who + " score on the feedback").isEqualTo(total);
        assertThat(phone.number("me-score")).as(phone.who + " score in the top bar").isEqualTo(total);
        assertThat(phone.text("feedback-rank")).as(phone.who + " rank").matches("[123](st|nd|rd) of 3");
        return got;
    }

    /** The host's top 5 lists everyone with the score their own phone shows, best first. */
    private static void assertLeaderboard(Screen teacher, List<Screen> phones, Map<Screen, Integer> score) {
        teacher.awaitPhase("leaderboard");
        List<WebElement> rows = teacher.all("#leaderboard li.leader");
        assertThat(rows).hasSize(3);
        int previous = Integer.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            String name = rows.get(i).findElement(By.className("nickname")).getText();
            int shown = Screen.parseNumber(rows.get(i).findElement(By.className("score")).getText());
            assertThat(rows.get(i).findElement(By.className("rank")).getText()).isEqualTo(String.valueOf(i + 1));
            Screen phone = phones.stream().filter(p -> nameOf(p).equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("leaderboard shows '" + name + "', not a player's name"));
            assertThat(shown).as(name + " on the leaderboard").isEqualTo(score.get(phone));
            assertThat(shown).as("ordered by score").isLessThanOrEqualTo(previous);
            previous = shown;
            String phoneRank = phone.el("feedback-rank").getAttribute("textContent");
            assertThat(phoneRank).as(name + "'s phone rank").startsWith(List.of("1st", "2nd", "3rd").get(i));
        }
    }

    /**
     * Puts the order list into {@code target} by touch: each item's grip is pressed, moved up
     * row by row (a finger, not a mouse: pointerType "touch") and released.
     */
    private static void sortByDragging(Screen phone, List<String> target) {
        for (int p = 0; p < target.size(); p++) {
            String item = target.get(p);
            int at = phone.texts("#order-list .order-text").indexOf(item);
            if (at == p) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Number> box = (List<Number>) phone.js("const r = document.querySelectorAll('#order-list .drag-handle')[arguments[0]]"
                    + ".getBoundingClientRect(); const to = document.querySelectorAll('#order-list .order-item')[arguments[1]].getBoundingClientRect();"
                    + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2), Math.round(to.top + to.height * 0.25)];", at, p);
            int x = box.get(0).intValue();
            int y = box.get(1).intValue();
            int toY = box.get(2).intValue(); // into the upper part of the place the item goes to
            var finger = new org.openqa.selenium.interactions.PointerInput(
                    org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
            var drag = new org.openqa.selenium.interactions.Sequence(finger, 0);
            drag.addAction(finger.createPointerMove(Duration.ZERO,
                    org.openqa.selenium.interactions.PointerInput.Origin.viewport(), x, y));
            drag.addAction(finger.createPointerDown(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
            int steps = (at - p) * 4;
            for (int step = 1; step <= steps; step++) {
                drag.addAction(finger.createPointerMove(Duration.ofMillis(30),
                        org.openqa.selenium.interactions.PointerInput.Origin.viewport(), x, y + (toY - y) * step / steps));
            }
            drag.addAction(finger.createPointerUp(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
            ((org.openqa.selenium.interactions.Interactive) phone.driver).perform(List.of(drag));
            int expected = p;
            phone.await(d -> phone.texts("#order-list .order-text").indexOf(item) == expected, item + " dragged to " + (p + 1));
        }
    }

    /** Puts the order list right with taps on the up arrows. */
    private static void sortByTapping(Screen phone) {
        for (int p = 0; p < ORDER.size(); p++) {
            String item = ORDER.get(p);
            int at = phone.texts("#order-list .order-text").indexOf(item);
            for (int k = at; k > p; k--) {
                phone.clickButtonNamed("Move " + item + " up");
            }
        }
    }

    /**
     * Puts the order list right from the keyboard: Tab to an item's up arrow, then Enter as often
     * as needed; the focus must stay on that item's arrow as it moves.
     */
    private static void sortByKeyboard(Screen phone) {
        for (int p = 0; p < ORDER.size(); p++) {
            String item = ORDER.get(p);
            int at = phone.texts("#order-list .order-text").indexOf(item);
            if (at == p) {
                continue;
            }
            phone.tabTo("Move " + item + " up");
            for (int k = at; k > p; k--) {
                phone.pressKeys(Keys.ENTER);
                int expected = k - 1;
                phone.await(d -> phone.texts("#order-list .order-text").indexOf(item) == expected, item + " moved up");
                if (k - 1 > p) {
                    assertThat(phone.focusedName()).as("focus follows the moved item").isEqualTo("Move " + item + " up");
                }
            }
        }
    }
}
