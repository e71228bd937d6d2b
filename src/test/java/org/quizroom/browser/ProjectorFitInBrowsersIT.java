package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every question of every quiz in {@code quizzes/}, played through the real server on one
 * projector, at 1920×1080, 1280×720 and 1024×768: each answer tile (and the question text and
 * clock) lies wholly above the host's control bar and inside the window, with no text cut off;
 * long questions shrink their text rather than hide anything. The reveal of each question fits
 * the same way. axe-core checks the host screen's lobby, question, reveal, leaderboard and podium,
 * with and without reduced motion.
 */
@LiveServerTest
class ProjectorFitInBrowsersIT {

    static final List<Dimension> SIZES = List.of(new Dimension(1920, 1080), new Dimension(1280, 720),
            new Dimension(1024, 768));

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("fit-");
    }

    @BeforeEach
    void fleet() {
        fleet = new BrowserFleet(port);
    }

    @AfterEach
    void quitBrowsers() {
        fleet.quitAll();
    }

    /**
     * A class of 30 (one with a 30-character name) connected in the lobby: at every projector size every
     * name shows whole, with no scrolling, and the join details stay on the screen for late-comers.
     */
    private void classOfThirtyFitsTheLobby(Screen teacher) {
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
        var api = new org.quizroom.support.Api(port);
        List<org.quizroom.support.StompTestClient> phones = new ArrayList<>();
        try {
            for (int i = 1; i <= 30; i++) {
                String name = i == 30 ? "Maximiliana Papadopoulou-Reyes" : "Student " + i;
                String token = api.join(pin, name).get("playerToken").asText();
                phones.add(org.quizroom.support.StompTestClient.player(port, pin, token));
            }
            teacher.await(d -> teacher.all("#roster li:not(.disconnected)").size() == 30, "30 connected names");
            for (Dimension size : SIZES) {
                teacher.resize(size);
                String where = "30 names at " + size.getWidth() + "×" + size.getHeight();
                teacher.shot("lobby-30-" + size.getWidth());
                Object scroll = teacher.js("const r = document.getElementById('roster');"
                        + " return r.scrollHeight - r.clientHeight;");
                assertThat(((Number) scroll).intValue()).as(where + ": roster scrolled by (px)").isLessThanOrEqualTo(1);
                teacher.assertNotCutOff("#roster .nickname");
                teacher.assertOnScreen("#join-url", "#pin", "#qr", "#start", "#roster li:last-child");
            }
        } finally {
            phones.forEach(org.quizroom.support.StompTestClient::close);
        }
        teacher.resize(Browsers.PROJECTOR);
    }

    @Test
    void everyBundledQuestionFitsAboveTheControlBarAtThreeProjectorSizes() throws IOException {
        List<String> quizIds;
        try (Stream<Path> files = Files.list(Path.of("quizzes"))) {
            quizIds = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).sorted().toList();
        }
        assertThat(quizIds).as("bundled quizzes").contains("post-stalin-transition", "warm-up");

        Screen teacher = fleet.browser("teacher", Browsers.PROJECTOR, "fit-host-");
        int checked = 0;
        List<String> shrunk = new ArrayList<>();
        boolean axeDone = false;
        for (String quizId : quizIds) {
            teacher.resize(Browsers.PROJECTOR);
            teacher.open("/");
            teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='" + quizId + "']")).isEmpty(),
                    quizId + " listed");
            if (!axeDone) {
                teacher.assertNoAxeViolations("dashboard");
                // Answers at once: the layout is the same during the reading time (answers are
                // only made invisible), and 41 reading times would make this test slow.
                if (teacher.el("opt-reading").isSelected()) {
                    teacher.el("opt-reading").click();
                }
            }
            String hostButton = teacher.find("li.quiz[data-quiz-id='" + quizId + "'] button.host-button").getAccessibleName();
            teacher.clickButtonNamed(hostButton);
            Object error = teacher.await(d -> teacher.js("const e = document.getElementById('dashboard-error');"
                    + " return document.body.dataset.phase === 'lobby' ? 'none' : (e && e.textContent) || null"), "the lobby");
            assertThat(error).as("dashboard error after " + hostButton).isEqualTo("none");
            teacher.awaitPhase("lobby");
            if (!axeDone) {
                for (Dimension size : SIZES) {
                    teacher.resize(size);
                    teacher.shot("lobby-" + size.getWidth());
                    teacher.assertOnScreen("#join-url", "#pin", "#qr", "#start");
                }
                teacher.resize(Browsers.PROJECTOR);
                teacher.assertNoAxeViolations("host lobby");
                classOfThirtyFitsTheLobby(teacher);
            }
            int total = -1;
            // Start waits for a player: one joins (and never connects, so no question closes early).
            String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
            new org.quizroom.support.Api(port).join(pin, "Fit");
            teacher.await(d -> teacher.texts("#roster .nickname").contains("Fit"), "Fit in the roster");
            teacher.click("start");
            for (int q = 1; total < 0 || q <= total; q++) {
                teacher.awaitPhase("question");
                teacher.awaitText("question-progress", t -> t.startsWith("Question "), "the question number");
                String progress = teacher.text("question-progress");
                assertThat(progress).startsWith("Question " + q + " of ");
                total = Screen.parseNumber(progress.replaceFirst("^Question \\d+ of ", ""));
                teacher.awaitAnswering();
                String where = quizId + " question " + q;
                for (Dimension size : SIZES) {
                    teacher.resize(size);
                    assertFits(teacher, where + " at " + size.getWidth() + "×" + size.getHeight(),
                            "#question-text", "#countdown", "#answered-count", "?#choices .choice");
                    double fit = Double.parseDouble(String.valueOf(teacher.js(
                            "return document.querySelector('section.question').dataset.fit || '1'")));
                    if (fit < 1) {
                        shrunk.add(where + " at " + size.getWidth() + ": text ×" + fit);
                    }
                    if (quizId.equals("post-stalin-transition") && q == 4) {
                        teacher.shot("question-multi-" + size.getWidth());
                    }
                    checked++;
                }
                if (!axeDone && q == 1) {
                    teacher.assertNoAxeViolations("host question");
                }
                teacher.resize(Browsers.PROJECTOR);
                teacher.click("skip");
                teacher.awaitPhase("reveal");
                String revealOf = "Question " + q + " ";
                teacher.awaitText("reveal-progress", t -> t.startsWith(revealOf), "the reveal of " + q);
                for (Dimension size : SIZES) {
                    teacher.resize(size);
                    assertFits(teacher, where + " reveal at " + size.getWidth() + "×" + size.getHeight(),
                            "#reveal-title", "#reveal-answer", "#explanation");
                }
                if (!axeDone && q == 1) {
                    teacher.assertNoAxeViolations("host reveal");
                }
                if (quizId.equals("post-stalin-transition") && q == 4) {
                    teacher.shot("reveal-multi-1024");
                }
                teacher.resize(Browsers.PROJECTOR);
                teacher.click("next");
                if (q == total) {
                    break;
                }
                teacher.awaitPhase("leaderboard");
                if (!axeDone && q == 1) {
                    teacher.assertNoAxeViolations("host leaderboard (nobody scored)");
                }
                teacher.click("next");
            }
            teacher.awaitPhase("finished");
            if (!axeDone) {
                teacher.assertNoAxeViolations("host podium (empty)");
                axeDone = true;
            }
        }
        assertThat(checked).as("question × size checks").isGreaterThanOrEqualTo((36 + 5) * 3);
        teacher.trace("questions whose text shrank to fit: " + shrunk);
    }

    /**
     * Each element matching the selectors is visible, wholly inside the window and above the
     * control bar's top edge, and no text inside it is clipped.
     */
    private static void assertFits(Screen screen, String where, String... selectors) {
        for (String selector : selectors) {
            boolean optional = selector.startsWith("?");
            String css = optional ? selector.substring(1) : selector;
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) screen.js("""
                    const bar = document.querySelector('.host-controls:not([hidden])');
                    const limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
                    const found = [...document.querySelectorAll(arguments[0])]
                      .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden]'));
                    const bad = found.filter(e => { const r = e.getBoundingClientRect();
                        return r.top < -1 || r.left < -1 || r.right > window.innerWidth + 1 || r.bottom > limit + 1; })
                      .map(e => { const r = e.getBoundingClientRect();
                        return (e.id || e.className) + ' ' + Math.round(r.top) + '..' + Math.round(r.bottom)
                          + ' (bar top ' + Math.round(limit) + ')'; });
                    const clipped = found.flatMap(e => [e, ...e.querySelectorAll('.choice-text')])
                      .filter(e => e.scrollWidth > e.clientWidth + 1)
                      .map(e => 'clipped sideways: ' + e.textContent.slice(0, 60));
                    return {count: found.length, bad: bad.concat(clipped)};""", css);
            if (!optional) {
                assertThat(((Number) m.get("count")).intValue()).as(where + ": '" + css + "' shown").isPositive();
            }
            assertThat((List<?>) m.get("bad")).as(where + ": '" + css + "' above the control bar, inside the window")
                    .isEmpty();
        }
    }
}
