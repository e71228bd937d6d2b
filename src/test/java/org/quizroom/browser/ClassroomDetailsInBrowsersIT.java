package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The warm-up quiz with three phones, for what a class notices beyond the answers: the join
 * corner on the projector while late joining is open; the roster drawer mid-question (who is
 * connected or away, scores, kick); sound on the projector only (lobby music, ticks in the last
 * seconds, reveal and podium stings, a mute button that silences them) and none on the phones;
 * bars that start empty and grow, zero-count bars empty, the correct bar marked in its own
 * colour; picked multi tiles high-contrast; leaderboard wording for the leader and the last
 * place; the podium rising third, second, first, and standing still with reduced motion; axe-core
 * on the phone's join, question, result and final screens; a host page without its key.
 */
@LiveServerTest
class ClassroomDetailsInBrowsersIT {

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("details-");
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
    @SuppressWarnings("unchecked")
    void whatTheClassNoticesAroundTheQuestions() {
        var anaStarting = fleet.browserLater("Ana", Browsers.PHONE, "details-phone-ana-");
        var benStarting = fleet.browserLater("Ben", Browsers.PHONE, "details-phone-ben-");
        var cyStarting = fleet.browserLater("Cy", Browsers.PHONE, "details-phone-cy-");
        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "details-host-");

        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='warm-up']")).isEmpty(), "warm-up listed");
        // The README's range: up to four times the written time.
        assertThat(new Select(teacher.el("opt-time")).getOptions()).extracting(o -> o.getAttribute("value")).contains("4");
        assertThat(teacher.el("opt-sound").isSelected()).as("sound on by default").isTrue();
        // Triple time (60, 90, 45 s): room for the drawer's steps (a phone leaving and coming back,
        // a kick) inside one question on a busy machine.
        new Select(teacher.el("opt-time")).selectByValue("3");
        teacher.clickButtonNamed("Host Warm-up");
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");

        // The lobby uses the whole projector: a PIN readable from the back of the room (over a tenth
        // of the screen's height), the address without a scheme, and a QR about 40% of the height.
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("const i = document.getElementById('qr');"
                + " return i.complete && i.naturalWidth > 0")), "lobby QR shown");
        @SuppressWarnings("unchecked")
        Map<String, Number> lobby = (Map<String, Number>) teacher.js("const h = window.innerHeight;"
                + " return {pin: parseFloat(getComputedStyle(document.getElementById('pin')).fontSize) / h,"
                + " qr: document.getElementById('qr').getBoundingClientRect().height / h}");
        assertThat(lobby.get("pin").doubleValue()).as("PIN font size / screen height").isGreaterThan(0.12);
        assertThat(lobby.get("qr").doubleValue()).as("QR height / screen height").isGreaterThan(0.3);
        assertThat(teacher.text("join-url")).isEqualTo("127.0.0.1:" + port + "/play");
        assertThat(QrCodes.read(teacher.el("qr"))).isEqualTo("http://127.0.0.1:" + port + "/play?pin=" + pin);
        teacher.shot("lobby");

        // Sound starts with the teacher's first click (browsers allow audio only after one).
        assertThat(teacher.el("sound-toggle").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(teacher.el("sound-toggle").getAccessibleName()).isEqualTo("Sound");
        teacher.find(".join-panel").click();
        teacher.await(d -> cues(teacher).contains("lobby"), "lobby music to start");
        teacher.await(d -> notes(teacher) > 0, "lobby music notes played");

        Screen ana = BrowserFleet.ready(anaStarting);
        Screen ben = BrowserFleet.ready(benStarting);
        Screen cy = BrowserFleet.ready(cyStarting);

        // A second computer (say the projector's PC) opens the host screen of the live game from
        // the dashboard: the key arrives in a JSON body and stays in this tab, not in the address.
        ana.open("/");
        ana.clickButtonNamed("Open host screen for game " + pin);
        ana.awaitPhase("lobby");
        assertThat(ana.driver.getCurrentUrl()).endsWith("/host?pin=" + pin);
        assertThat(ana.text("pin")).isEqualTo(pin);
        assertThat(ana.js("return sessionStorage.getItem('quizroom.host." + pin + "') !== null"
                + " && localStorage.getItem('quizroom.host." + pin + "') === null")).isEqualTo(true);
        ana.shot("host-screen-from-dashboard");

        ana.open("/play").awaitPhase("join");
        // The PIN field's hint is words, not a number that looks already typed in.
        assertThat(ana.el("pin-input").getAttribute("placeholder")).doesNotContainPattern("\\d{4}");
        ana.assertNoAxeViolations("phone join");
        ana.shot("join");
        join(ana, pin, "Ana");
        ana.assertNoAxeViolations("phone waiting");
        join(ben.open("/play").awaitPhase("join"), pin, "Ben");
        join(cy.open("/play").awaitPhase("join"), pin, "Cy");
        teacher.awaitRoster("Ana", "Ben", "Cy");

        // ------------------------------------------------------------ Q1 (single): corner, bars
        teacher.click("start");
        String q1 = "What is the capital city of Australia?";
        for (Screen s : List.of(teacher, ana, ben, cy)) {
            s.awaitPhase("question").awaitText("question-text", q1);
            s.awaitAnswering();
            // "Question 1 of 5 · get ready", then the question alone, then the answers and clock.
            assertThat((List<Object>) s.js("return window.__stages")).as(s.who + ": stages shown")
                    .containsSubsequence(List.of("ready", "reading", "answering"));
        }
        assertThat(teacher.el("get-ready-progress").getAttribute("textContent")).isEqualTo("Question 1 of 5");
        // Late joining is open: a small join corner with the short address, PIN and a QR.
        assertThat(teacher.text("corner-url")).isEqualTo("127.0.0.1:" + port + "/play");
        assertThat(teacher.text("pin-small")).isEqualTo(pin);
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("const i = document.getElementById('corner-qr');"
                + " return i.complete && i.naturalWidth > 0 && i.getClientRects().length > 0")), "corner QR shown");
        assertThat(QrCodes.read(teacher.el("corner-qr"))).isEqualTo("http://127.0.0.1:" + port + "/play?pin=" + pin);
        ana.assertNoAxeViolations("phone question");
        ana.clickButtonNamed("Canberra");
        ben.clickButtonNamed("Sydney");
        cy.clickButtonNamed("Canberra");
        teacher.awaitPhase("reveal");
        teacher.await(d -> cues(teacher).endsWith("reveal"), "the reveal sting");
        // Bars grow to their counts. Checked when every bar has finished moving (event-driven, however
        // slow the machine), never mid-way: the height change is declared as a transition, a height
        // transition ended on a bar, and each bar then stands at its share of the biggest count.
        // (The choices are shuffled per game, so bars are found by count and correctness, not position.)
        assertThat(teacher.js("const c = getComputedStyle(document.querySelector('#reveal-chart .bar-fill'));"
                + " return c.transitionProperty.includes('height') && parseFloat(c.transitionDuration) > 0"))
                .as("bars declared to grow").isEqualTo(true);
        List<List<Number>> bars = teacher.await(d -> settledBars(teacher), "every bar to finish growing");
        teacher.await(d -> Boolean.TRUE.equals(teacher.js("return window.__motion.some(m => m.type === 'transitionend'"
                + " && m.name === 'height' && m.cls.includes('bar-fill'))")), "a bar's growth to end");
        assertThat(bars).extracting(b -> b.get(0).intValue()).containsExactlyInAnyOrder(2, 1, 0, 0);
        for (List<Number> bar : bars) {
            // Canberra (2 of 3) fills its track, Sydney (1) half of it; the two bars nobody picked stay empty.
            assertThat(bar.get(1).doubleValue()).as("fill / track for a bar with " + bar.get(0) + " answers")
                    .isCloseTo(bar.get(0).doubleValue() / 2, org.assertj.core.data.Offset.offset(0.02));
        }
        assertThat(teacher.js("return document.querySelector('#reveal-chart .bar.correct').dataset.count")).isEqualTo("2");
        assertThat(((Number) teacher.js("return Math.max(...[...document.querySelectorAll(\"#reveal-chart .bar[data-count='0'] .bar-fill\")]"
                + ".map(f => f.getBoundingClientRect().height))")).doubleValue()).as("zero-count bars: height of the fill").isZero();
        // The correct bar's marker (ring and tick) is drawn in that bar's own colour: the same hue as
        // its label (yellow's ring is a darker yellow, so it stands out 3:1 from the page as WCAG 1.4.11
        // asks). The choices are shuffled per game, so any of the four colours may be the correct one.
        @SuppressWarnings("unchecked")
        Map<String, Object> marker = (Map<String, Object>) teacher.js("""
                const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const hue = ([r, g, b]) => { const mx = Math.max(r, g, b), mn = Math.min(r, g, b), d = mx - mn;
                  if (!d) return 0; const h = mx === r ? ((g - b) / d) % 6 : mx === g ? (b - r) / d + 2 : (r - g) / d + 4;
                  return (h * 60 + 360) % 360; };
                const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; });
                  return .2126 * r + .7152 * g + .0722 * b; };
                const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + .05) / (y + .05); };
                const b = document.querySelector('#reveal-chart .bar.correct');
                let page = 'rgba(0, 0, 0, 0)';
                for (let e = b.parentElement; e && /rgba\\(.*, 0\\)$/.test(page); e = e.parentElement) page = getComputedStyle(e).backgroundColor;
                const label = getComputedStyle(b.querySelector('.bar-label')).backgroundColor;
                const ring = getComputedStyle(b).outlineColor, tick = getComputedStyle(b.querySelector('.tick')).color;
                return {ringHue: Math.abs(hue(rgb(ring)) - hue(rgb(label))), tickHue: Math.abs(hue(rgb(tick)) - hue(rgb(label))),
                        ringContrast: contrast(ring, page), colour: b.className};""");
        assertThat(((Number) marker.get("ringHue")).doubleValue()).as("ring hue vs label hue, " + marker).isLessThan(3);
        assertThat(((Number) marker.get("tickHue")).doubleValue()).as("tick hue vs label hue, " + marker).isLessThan(3);
        assertThat(((Number) marker.get("ringContrast")).doubleValue()).as("ring against the page, " + marker).isGreaterThanOrEqualTo(3);
        teacher.shot("reveal-single");
        ben.awaitPhase("reveal");
        ben.await(d -> "wrong".equals(ben.el("feedback").getAttribute("data-result")), "Ben's result");
        ben.assertNoAxeViolations("phone result");
        for (Screen phone : List.of(ana, ben, cy)) {
            assertThat(((Number) phone.js("return window.__audio")).intValue()).as(phone.who + ": audio contexts on a phone").isZero();
        }

        teacher.click("next");
        teacher.awaitPhase("leaderboard");
        ben.awaitPhase("leaderboard");
        // The last place is told plainly, without a cheer.
        assertThat(ben.text("my-rank")).startsWith("You're 3rd of 3 with 0 points.").doesNotContain("!");
        ana.awaitPhase("leaderboard");
        cy.awaitPhase("leaderboard");
        Screen top = ana.el("feedback-rank").getAttribute("textContent").startsWith("1st") ? ana : cy;
        assertThat(top.text("my-rank")).startsWith("You're in the lead with ").endsWith("points!");
        ben.shot("leaderboard-last");

        // ------------------------------------------------------------ Q2 (multi): picks, drawer, kick
        teacher.click("next");
        String q2 = "Which of these are planets in our solar system?";
        for (Screen s : List.of(teacher, ana, ben, cy)) {
            s.awaitPhase("question").awaitText("question-text", q2);
            if ("reading".equals(s.js("return document.body.dataset.stage"))) {
                // While reading, the answers take their place but cannot be seen or pressed.
                assertThat(s.js("return getComputedStyle(document.getElementById('choices')).visibility")).isEqualTo("hidden");
            }
            s.awaitAnswering();
            assertThat(s.js("return getComputedStyle(document.getElementById('choices')).visibility")).isEqualTo("visible");
        }
        ana.clickButtonNamed("Mars");
        ana.clickButtonNamed("Neptune");
        // A picked tile keeps its colour inside a thick dark ring and a white inner ring.
        @SuppressWarnings("unchecked")
        Map<String, Object> picked = (Map<String, Object>) ana.js("const b = document.querySelector(\"#choices .choice[aria-pressed='true']\");"
                + " const c = getComputedStyle(b); return {border: c.borderTopColor, width: parseFloat(c.borderTopWidth), shadow: c.boxShadow};");
        assertThat(picked.get("border")).isEqualTo("rgb(22, 24, 29)");
        assertThat(((Number) picked.get("width")).doubleValue()).isGreaterThanOrEqualTo(4);
        assertThat(String.valueOf(picked.get("shadow"))).contains("rgb(255, 255, 255)");
        ana.shot("multi-picked");

        teacher.click("roster-toggle");
        assertThat(teacher.el("roster-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        teacher.awaitText("drawer-summary", "3 connected");
        assertThat(teacher.texts("#drawer-list .nickname")).containsExactly("Ana", "Ben", "Cy");
        assertThat(teacher.texts("#drawer-list .drawer-score")).allMatch(t -> t.matches("[0-9,]+ pts"));
        assertThat(teacher.texts("#drawer-list .presence")).containsOnly("connected");
        teacher.assertNoAxeViolations("host question with the roster drawer open");
        // Cy's phone leaves the game's page: the drawer shows Cy as away (the page says goodbye when
        // it is left; the heartbeat would take 30 s), still in the game with a score and a kick button.
        cy.driver.get("about:blank");
        teacher.awaitText("drawer-summary", "2 connected · 1 away");
        assertThat(teacher.js("return document.querySelector(\"#drawer-list li.away .nickname\").textContent")).isEqualTo("Cy");
        assertThat(teacher.texts("#drawer-list li.away .presence")).containsExactly("away");
        teacher.shot("drawer-away");
        // Ben is removed mid-question from the drawer.
        teacher.clickButtonNamed("Kick Ben");
        teacher.acceptConfirm("Remove Ben from the game?");
        ben.awaitPhase("kicked");
        teacher.await(d -> teacher.texts("#drawer-list .nickname").equals(List.of("Ana", "Cy")), "Ben gone from the drawer");
        cy.open("/play?pin=" + pin).awaitPhase("question"); // back from the same tab: same player
        cy.awaitAnswering();
        teacher.awaitText("drawer-summary", "2 connected");
        assertThat(teacher.texts("#drawer-list .presence")).containsExactly("connected", "connected");
        teacher.click("roster-close");
        assertThat(teacher.el("roster-drawer").isDisplayed()).isFalse();
        ana.click("submit-answer");
        cy.clickButtonNamed("Mars");
        cy.click("submit-answer");
        teacher.awaitPhase("reveal");

        // The removed student cannot come back into this game, neither under the same name nor a look-alike.
        ben.click("join-again");
        ben.awaitPhase("join");
        for (String name : List.of("Ben", "B\u0435n", "BEN")) { // the second with a Cyrillic е
            ben.type("nickname-input", name);
            ben.click("join-button");
            ben.awaitText("join-error", t -> t.contains("removed"), "says the teacher removed that name (" + name + ")");
            assertThat(ben.phase()).isEqualTo("join");
            ben.js("document.getElementById('join-error').hidden = true");
        }
        ben.shot("kicked-name-refused");

        // ------------------------------------------------------------ Q3: ticks, then mute
        teacher.click("next");
        teacher.awaitPhase("leaderboard");
        teacher.click("next");
        teacher.awaitPhase("question").awaitText("question-text", "Water boils at 100 degrees Celsius at sea level.");
        teacher.awaitAnswering();
        // Nobody answers: the clock runs into its last seconds and ticks.
        teacher.await(d -> cues(teacher).endsWith("tick"), "countdown ticks in the last seconds", Duration.ofSeconds(90));
        teacher.click("sound-toggle");
        assertThat(teacher.el("sound-toggle").getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(teacher.js("return document.body.dataset.sound")).isEqualTo("muted");
        long notesWhenMuted = notes(teacher);
        teacher.await(d -> "reveal".equals(teacher.phase()), "the question to close", Duration.ofSeconds(90));
        teacher.await(d -> cues(teacher).endsWith("reveal"), "the reveal cue");
        assertThat(notes(teacher)).as("notes played after muting").isEqualTo(notesWhenMuted);
        teacher.click("sound-toggle");
        assertThat(teacher.el("sound-toggle").getAttribute("aria-pressed")).isEqualTo("true");

        // ------------------------------------------------------------ end: podium order, motion
        teacher.click("end");
        teacher.acceptConfirm("End the game now?");
        teacher.awaitPhase("finished");
        @SuppressWarnings("unchecked")
        List<Number> delays = (List<Number>) teacher.js("return ['.step-3', '.step-2', '.step-1'].map(s => document.querySelector('#podium ' + s))"
                + ".map(e => e ? parseFloat(getComputedStyle(e).animationDelay) : -1)");
        assertThat(teacher.all("#podium li.step:not(.step-empty)")).hasSize(2);
        // Second rises before first (third is an empty step with two players).
        assertThat(delays.get(1).doubleValue()).isLessThan(delays.get(2).doubleValue());
        teacher.await(d -> cues(teacher).contains("podium-2") && cues(teacher).endsWith("podium-1"),
                "podium stings for second, then first");
        teacher.shot("podium");
        for (Screen phone : List.of(ana, cy)) {
            phone.awaitPhase("finished");
            phone.awaitText("final-correct", t -> t.matches("\\d of \\d correct"), "N of M correct");
            assertThat(((Number) phone.js("return window.__audio")).intValue()).as(phone.who + ": audio contexts").isZero();
        }
        ana.assertNoAxeViolations("phone final");
        ana.shot("final");

        // With reduced motion the podium stands at once: the reloaded podium starts no animation
        // (without it, the steps would still be rising in the first second).
        ((ChromeDriver) teacher.driver).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        teacher.reload();
        teacher.awaitPhase("finished");
        assertThat(teacher.texts("#podium .podium-name")).hasSize(2);
        assertThat(((Number) teacher.js("return document.getAnimations().length")).intValue())
                .as("animations on the podium with reduced motion").isZero();
        teacher.shot("podium-reduced-motion");

        // A host page opened without the host key explains once what to do.
        cy.open("/host?pin=" + pin).awaitPhase("error");
        String error = cy.text("host-error");
        assertThat(error).contains("doesn't have the host key for game " + pin);
        assertThat(error.split("dashboard", -1).length - 1).as("times the dashboard is mentioned").isEqualTo(1);
        cy.shot("host-without-key");
        for (Screen s : List.of(teacher, ana, cy)) {
            s.assertNoInjectedScript();
        }
    }

    private static void join(Screen phone, String pin, String name) {
        phone.type("pin-input", pin);
        phone.type("nickname-input", name);
        phone.click("join-button");
        phone.awaitPhase("waiting");
    }

    /**
     * Each reveal bar as [count, fill height / track height], once every bar has been given its
     * height and none is still moving; null until then.
     */
    @SuppressWarnings("unchecked")
    private static List<List<Number>> settledBars(Screen host) {
        return (List<List<Number>>) host.js("""
                const bars = [...document.querySelectorAll('#reveal-chart .bar')];
                if (!bars.length) return null;
                const fills = bars.map(b => b.querySelector('.bar-fill'));
                if (bars.some((b, i) => +b.dataset.count > 0 && ['', '0%'].includes(fills[i].style.height))) return null;
                if (fills.some(f => f.getAnimations().length > 0)) return null;
                return bars.map((b, i) => [+b.dataset.count,
                    fills[i].getBoundingClientRect().height / b.querySelector('.bar-track').getBoundingClientRect().height]);""");
    }

    private static String cues(Screen screen) {
        return String.valueOf(screen.js("return document.body.dataset.soundCues || ''"));
    }

    private static long notes(Screen screen) {
        return ((Number) screen.js("return window.__notes || 0")).longValue();
    }
}
