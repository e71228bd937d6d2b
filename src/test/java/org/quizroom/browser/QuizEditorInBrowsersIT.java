package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.QuestionType;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizParser;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A teacher builds a quiz in the editor from nothing (one question of each type, a picture,
 * reordered by keyboard and by dragging, a validation error seen and fixed), saves it, hosts it
 * and a student plays its first question on a phone; then a GIFT file is imported, checked in
 * the preview, saved and hosted. Screenshots: target/screenshots/editor-*.
 */
@LiveServerTest
class QuizEditorInBrowsersIT {

    static final Dimension LAPTOP = new Dimension(1440, 900);
    static final Path QUIZZES = Path.of("target", "test-quizzes", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void quizzesFolder(DynamicPropertyRegistry registry) throws IOException {
        Browsers.useQuizzesFolderWithWarmUp(registry, QUIZZES);
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserFleet fleet = BrowserFleet.perTest("editor-");

    @Test
    void aQuizBuiltFromNothingIsSavedHostedAndPlayed() throws IOException {
        var phoneStarting = fleet.browserLater("Sam", Browsers.PHONE, "editor-phone-sam-");
        Screen teacher = fleet.browser("teacher", LAPTOP, "editor-teacher-");
        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='warm-up']")).isEmpty(), "warm-up listed");
        teacher.click("new-quiz");
        teacher.awaitPhase("editing");
        teacher.type("quiz-title", "Editor lesson");

        // Question 1 (the blank single-choice question a new quiz starts with).
        teacher.type("q-text-0", "Which of these is the largest planet?");
        fillRows(teacher, 0, "choice", "Mars", "Jupiter", "Venus", "Mercury");
        teacher.find("li.question-card[data-index='0'] .choice-row:nth-of-type(2) input.correct").click();
        teacher.type("q-section-0", "Planets");
        teacher.type("q-explanation-0", "Jupiter is more than ten times as wide as the Earth.");
        teacher.el("q-time-0").sendKeys("30");

        addQuestion(teacher, "multi", 1, "Which of these are gas giants?");
        fillRows(teacher, 1, "choice", "Saturn", "Earth", "Neptune");
        teacher.find("li.question-card[data-index='1'] .choice-row:nth-of-type(1) input.correct").click();
        teacher.find("li.question-card[data-index='1'] .choice-row:nth-of-type(3) input.correct").click();
        teacher.type("q-explanation-1", "Saturn and Neptune are mostly gas.");

        // True/false, left without an explanation for now: the loader's rule shows beside it.
        addQuestion(teacher, "truefalse", 2, "The Sun is a star.");
        // (While typing, "Question text: is required" may show for a moment; the check catches up.)
        teacher.awaitText("q-problems-2", "Explanation: is required");
        assertThat(teacher.el("q-explanation-2").getAttribute("aria-invalid")).isEqualTo("true");
        teacher.awaitText("validity", t -> t.startsWith("1 problem"), "one problem counted");
        teacher.find("li.question-card[data-index='2']").click();
        teacher.screenshot("02-validation-error");
        teacher.type("q-explanation-2", "It is the star at the centre of our solar system.");
        teacher.awaitText("q-problems-2", "");

        addQuestion(teacher, "type", 3, "Which planet is known as the Red Planet?");
        fillRows(teacher, 3, "answers", "Mars");
        teacher.type("q-explanation-3", "Iron oxide dust makes Mars look red.");
        // No reading time before answers open: the student types at once.
        teacher.type("q-reading-3", "0");

        addQuestion(teacher, "number", 4, "How many planets orbit the Sun?");
        teacher.type("q-number-4", "8");
        teacher.type("q-explanation-4", "Pluto was reclassified in 2006.");

        addQuestion(teacher, "order", 5, "Put these in order, nearest to the Sun first.");
        fillRows(teacher, 5, "items", "Mercury", "Venus", "Earth", "Mars");
        teacher.type("q-explanation-5", "Mercury, Venus, Earth, then Mars.");

        addQuestion(teacher, "poll", 6, "Which planet would you visit?");
        fillRows(teacher, 6, "choice", "Mars", "Saturn", "Jupiter");

        // Maths in the text is previewed with KaTeX.
        teacher.type("q-text-4", "How many planets orbit the Sun? ($2^3$)");
        teacher.await(d -> !d.findElements(By.cssSelector("#q-math-4 .katex")).isEmpty(), "maths rendered");

        // Reorder by keyboard: Alt+↑ in the poll moves it above the order question.
        teacher.el("q-text-6").sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        teacher.await(d -> types(teacher).equals(List.of("single", "multi", "truefalse", "type", "number", "poll", "order")),
                "poll moved up by keyboard");
        assertThat(teacher.driver.switchTo().activeElement().getAttribute("id")).as("focus follows the question").isEqualTo("q-text-5");
        // Reorder by dragging the handle of the typed-answer question onto the first question.
        teacher.js("""
                const handle = document.querySelector('li.question-card[data-index="3"] .drag-handle');
                const target = document.querySelector('li.question-card[data-index="0"]');
                const dt = new DataTransfer();
                handle.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
                target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));
                target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
                handle.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));""");
        teacher.await(d -> types(teacher).equals(List.of("type", "single", "multi", "truefalse", "number", "poll", "order")),
                "typed question dragged to the top");

        // A picture for the planets question (now question 2), with its description.
        Path png = picture();
        teacher.el("q-image-1").sendKeys(png.toAbsolutePath().toString());
        teacher.await(d -> !d.findElements(By.id("q-alt-1")).isEmpty(), "picture uploaded");
        teacher.awaitText("q-problems-1", t -> t.contains("Picture description"), "alt text required");
        teacher.type("q-alt-1", "Jupiter and the Earth drawn to scale");
        teacher.awaitText("q-problems-1", "");
        teacher.await(d -> ((Boolean) teacher.js("const i = document.querySelector('#preview-phone img.preview-image');"
                + " return !!i && i.complete && i.naturalWidth > 0")), "picture in the phone preview");
        // Valid, with the quiz linter's tips (advice, never a refusal) shown beside their question.
        String validity = teacher.awaitText("validity", t -> t.startsWith("Ready to save"), "to read 'Ready to save…'");
        java.util.List<String> tips = teacher.texts("ul.warnings li");
        assertThat(tips).as("the linter's tips in the editor").isNotEmpty();
        assertThat(validity).isEqualTo("Ready to save · " + tips.size() + (tips.size() == 1 ? " tip" : " tips"));
        teacher.screenshot("01-quiz-with-every-type");
        teacher.click("preview-projector-button");
        teacher.await(d -> teacher.el("preview-projector").isDisplayed(), "projector preview");
        teacher.find("li.question-card[data-index='1'] textarea").click();
        teacher.screenshot("03-projector-preview");
        teacher.assertControlsHaveAccessibleNames("editor");

        teacher.click("save");
        teacher.awaitText("save-status", t -> t.startsWith("Saved as quizzes/editor-lesson.yaml"), "saved");
        assertThat(teacher.driver.getCurrentUrl()).endsWith("/editor?id=editor-lesson");
        Quiz saved = ((QuizParser.Parsed) QuizParser.parse("editor-lesson", "editor-lesson.yaml",
                Files.readString(QUIZZES.resolve("editor-lesson.yaml")))).quiz();
        assertThat(saved.questions()).extracting(Question::type).containsExactly(QuestionType.TYPE, QuestionType.SINGLE,
                QuestionType.MULTI, QuestionType.TRUEFALSE, QuestionType.NUMBER, QuestionType.POLL, QuestionType.ORDER);
        Question planets = saved.questions().get(1);
        assertThat(planets.choices()).containsExactly("Mars", "Jupiter", "Venus", "Mercury");
        assertThat(planets.correctChoices()).containsExactly(1);
        assertThat(planets.timeSeconds()).isEqualTo(30);
        assertThat(saved.questions().get(2).correctChoices()).containsExactlyInAnyOrder(0, 2);
        assertThat(saved.questions().get(0).readingSeconds()).isZero();
        assertThat(saved.questions().get(6).choices()).containsExactly("Mercury", "Venus", "Earth", "Mars");
        assertThat(planets.image().alt()).isEqualTo("Jupiter and the Earth drawn to scale");
        assertThat(QUIZZES.resolve(planets.image().file())).as("the picture beside the quiz file").exists();
        teacher.assertNoInjectedScript();

        // Host it from the dashboard; a student plays the first question on a phone.
        teacher.open("/");
        teacher.clickButtonNamed("Host Editor lesson");
        teacher.awaitPhase("lobby");
        String pin = teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN");
        Screen sam = BrowserFleet.ready(phoneStarting);
        sam.open("/play").awaitPhase("join");
        sam.type("pin-input", pin);
        sam.type("nickname-input", "Sam");
        sam.pressEnterIn("nickname-input");
        sam.awaitPhase("waiting");
        teacher.awaitRoster("Sam");
        teacher.click("start");
        sam.awaitPhase("question").awaitText("question-text", "Which planet is known as the Red Planet?");
        sam.type("answer-input", "mars");
        sam.click("submit-answer");
        sam.awaitPhase("reveal");
        sam.await(d -> "correct".equals(sam.el("feedback").getAttribute("data-result")), "correct feedback");
        sam.shot("feedback-correct");
        teacher.awaitPhase("reveal");
        assertThat(teacher.text("reveal-correct-count")).isEqualTo("1 of 1 correct");
    }

    @Test
    void aGiftFileIsImportedCheckedSavedAndHosted() throws IOException {
        Path gift = QUIZZES.getParent().resolve("year9-science-revision.gift");
        try (InputStream in = getClass().getResourceAsStream("/interchange/year9-science-revision.gift")) {
            Files.write(gift, in.readAllBytes());
        }
        Screen teacher = fleet.browser("teacher", LAPTOP, "editor-import-");
        teacher.open("/");
        teacher.click("import-quiz");
        teacher.awaitPhase("import");
        teacher.el("import-file").sendKeys(gift.toAbsolutePath().toString());
        teacher.click("import-button");
        teacher.awaitText("import-summary", "11 questions from year9-science-revision.gift · 4 not converted");
        List<String> issues = teacher.texts("#import-issues li");
        assertThat(issues).hasSize(9);
        assertThat(issues).anySatisfy(t -> assertThat(t).startsWith("Line ").contains("not converted: essay questions are not supported"));
        assertThat(issues).anySatisfy(t -> assertThat(t).contains("matching questions are not supported"));
        assertThat(teacher.el("import-problems-box").isDisplayed()).as("the loader accepts every converted question").isFalse();
        teacher.screenshot("01-preview");

        teacher.click("import-open");
        teacher.awaitPhase("editing");
        assertThat(teacher.all("li.question-card")).hasSize(11);
        assertThat(teacher.text("save-status")).isEqualTo("Not saved yet");
        assertThat(teacher.texts("li.question-card .source").get(0)).startsWith("From: year9-science-revision.gift, line ");
        teacher.awaitText("validity", t -> t.startsWith("Ready to save"), "to read 'Ready to save…'");
        teacher.screenshot("02-in-editor");
        teacher.click("save");
        teacher.awaitText("save-status", t -> t.startsWith("Saved as quizzes/year9-science-revision.yaml"), "saved");
        assertThat(Files.readString(QUIZZES.resolve("year9-science-revision.yaml"))).doesNotContain("source:");

        teacher.open("/");
        teacher.clickButtonNamed("Host Year9 science revision");
        teacher.awaitPhase("lobby");
        // Start waits for a player: one joins without a phone (the questions are checked on the projector).
        new org.quizroom.support.Api(port).join(teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN"), "Pat");
        teacher.awaitRoster("Pat");
        teacher.click("start");
        teacher.awaitPhase("question").awaitText("question-text", "At sea level, pure water boils at what temperature in °C?");
        teacher.shot("hosted-import");
    }

    // ------------------------------------------------------------------------------------------

    private static void addQuestion(Screen teacher, String type, int index, String text) {
        new Select(teacher.el("new-type")).selectByValue(type);
        teacher.click("add-question");
        teacher.await(d -> !d.findElements(By.id("q-text-" + index)).isEmpty(), "question " + (index + 1) + " added");
        teacher.type("q-text-" + index, text);
    }

    /** Types into a question's rows, adding rows as a teacher would with the "Add" button. */
    private static void fillRows(Screen teacher, int index, String kind, String... texts) {
        String card = "li.question-card[data-index='" + index + "'] ";
        String rowInput = "choice".equals(kind) ? "input.choice-text" : "input.row-text";
        for (int k = 0; k < texts.length; k++) {
            if (teacher.all(card + rowInput).size() <= k) {
                teacher.find(card + "button.add-row").click();
            }
            WebElement input = teacher.all(card + rowInput).get(k);
            input.clear();
            input.sendKeys(texts[k]);
        }
        while (teacher.all(card + rowInput).size() > texts.length) {
            List<WebElement> remove = teacher.all(card + ".rows > div button");
            remove.get(remove.size() - 1).click();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Screen teacher) {
        return (List<String>) teacher.js("return [...document.querySelectorAll('li.question-card')].map(c => c.dataset.type)");
    }

    private static Path picture() throws IOException {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(20, 24, 48));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new java.awt.Color(214, 160, 90));
        g.fillOval(30, 20, 160, 160);
        g.setColor(new java.awt.Color(60, 120, 220));
        g.fillOval(230, 90, 16, 16);
        g.dispose();
        Path file = QUIZZES.getParent().resolve("jupiter-" + UUID.randomUUID() + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
