package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test-only quiz with a picture, inline maths and a worst-case question (a long stem and six
 * long choices), on a 1024×768 projector and a phone: the picture shows on both with its alt
 * text; "$...$" is typeset by KaTeX (no dollar signs left on screen) in the stem, the choices and
 * the explanation; the worst-case question still fits above the control bar by shrinking its
 * text, and the pages stay free of axe-core violations with maths on them.
 */
@LiveServerTest
class PicturesAndMathsInBrowsersIT {

    static final Dimension SMALL_PROJECTOR = new Dimension(1024, 768);
    static final Path QUIZZES = writeQuiz();

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizroom.quizzes-dir", QUIZZES::toString);
    }

    @LocalServerPort
    int port;

    private BrowserFleet fleet;

    @BeforeAll
    static void clearOldScreenshots() {
        Browsers.deleteScreenshots("media-");
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
    void aPictureAndMathsOnBothScreensAndTheLongestQuestionStillFits() {
        var phoneStarting = fleet.browserLater("Noor", Browsers.PHONE, "media-phone-");
        Screen teacher = fleet.browser("teacher", SMALL_PROJECTOR, "media-host-");
        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='media']")).isEmpty(), "test quiz listed");
        teacher.assertNoSidewaysScroll("dashboard at 1024 px");
        teacher.el("opt-reading").click(); // answers at once: reading time is tested elsewhere
        teacher.clickButtonNamed("Host Pictures and maths");
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
        Screen phone = BrowserFleet.ready(phoneStarting);
        phone.open("/play?pin=" + pin).awaitPhase("join");
        phone.type("nickname-input", "Noor");
        phone.click("join-button");
        phone.awaitPhase("waiting");
        teacher.awaitRoster("Noor");

        // Q1: picture and maths.
        teacher.click("start");
        for (Screen s : List.of(teacher, phone)) {
            s.awaitPhase("question").awaitAnswering();
            s.await(d -> Boolean.TRUE.equals(s.js("const i = document.getElementById('question-image');"
                    + " return i.complete && i.naturalWidth > 0 && i.getClientRects().length > 0")), "the picture shown");
            assertThat(s.el("question-image").getAttribute("alt")).isEqualTo("A red circle above a blue bar");
            s.await(d -> !s.all("#question-text .katex").isEmpty() && !s.all("#choices .katex").isEmpty(), "maths typeset");
            assertThat(s.text("question-text")).as(s.who + ": no TeX source left on screen").doesNotContain("$")
                    .doesNotContain("\\frac");
            assertThat(s.find("#question-text .katex math").getAttribute("textContent")).contains("x");
        }
        teacher.assertOnScreen("#question-image", "#question-text", "#choices .choice");
        teacher.assertNoAxeViolations("host question with a picture and maths");
        phone.assertNoAxeViolations("phone question with a picture and maths");
        teacher.shot("question-picture-maths");
        phone.shot("question-picture-maths");
        phone.clickButtonNamed(phone.all("#choices button.choice").get(1).getAccessibleName());
        teacher.awaitPhase("reveal");
        teacher.await(d -> !teacher.all("#explanation .katex").isEmpty(), "maths in the explanation");
        phone.awaitPhase("reveal");
        phone.await(d -> !phone.all("#explanation .katex").isEmpty(), "maths in the phone's explanation");
        teacher.shot("reveal-maths");

        // Q2: the longest question the format allows in spirit: it shrinks, nothing hides.
        teacher.click("next");
        teacher.awaitPhase("leaderboard");
        teacher.click("next");
        teacher.awaitPhase("question").awaitAnswering();
        teacher.awaitText("question-progress", "Question 2 of 2");
        teacher.await(d -> {
            Object fit = teacher.js("return document.querySelector('section.question').dataset.fit");
            return fit != null && Double.parseDouble(String.valueOf(fit)) < 1 ? fit : null;
        }, "the long question's text to shrink");
        teacher.assertOnScreen("#question-text", "#countdown", "#choices .choice");
        teacher.assertNotCutOff("#choices .choice-text");
        teacher.shot("question-longest");
        phone.awaitPhase("question").awaitAnswering();
        phone.assertNoSidewaysScroll("longest question");
        phone.shot("question-longest");
        teacher.assertNoInjectedScript();
        phone.assertNoInjectedScript();
    }

    private static Path writeQuiz() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "media-quizzes-");
            BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 200);
            g.setColor(new Color(0xB8, 0x23, 0x2F));
            g.fillOval(120, 20, 80, 80);
            g.setColor(new Color(0x1D, 0x5B, 0xB5));
            g.fillRect(40, 130, 240, 40);
            g.dispose();
            ImageIO.write(picture, "png", dir.resolve("shapes.png").toFile());
            String longChoice = "A long answer choice that needs two or three lines on a small projector";
            Files.writeString(dir.resolve("media.yaml"), """
                    title: Pictures and maths
                    description: Test-only quiz for the browser suite.
                    questions:
                      - type: single
                        text: "In the picture, which is $\\\\frac{x^2}{2}$ when $x = 2$?"
                        image: {file: shapes.png, alt: A red circle above a blue bar}
                        choices: ["$1$", "$2$", "$4$", "$x^2$"]
                        answer: "$2$"
                        time: 60
                        section: Maths
                        explanation: "Since $2^2 = 4$, half of it is $2$."
                      - type: multi
                        text: "%s, and this stem is also long enough to wrap onto a second and a third line?"
                        choices: ["%s 1", "%s 2", "%s 3", "%s 4", "%s 5", "%s 6"]
                        answers: ["%s 1", "%s 2"]
                        time: 60
                        section: Layout
                        explanation: The first two are right; the others only make the question long.
                    """.formatted(longChoice, longChoice, longChoice, longChoice, longChoice, longChoice, longChoice,
                    longChoice, longChoice));
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
