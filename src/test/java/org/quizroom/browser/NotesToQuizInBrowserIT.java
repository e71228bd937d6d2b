package org.quizroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.quizroom.quiz.Question;
import org.quizroom.quiz.Quiz;
import org.quizroom.quiz.QuizParser;
import org.quizroom.support.LiveServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The teacher's whole path from lesson notes to a hosted quiz (issue 13): "Draft from notes" on
 * the dashboard, upload a notes file (written here, in the shape of a web page saved as text:
 * headings, "•" bullets with {@code Term: description}, FAQ paragraphs, practice questions and page
 * clutter), see every proposed question in the editor as a draft with its source sentence, accept a
 * whole section by keyboard, edit two questions, discard one, save, and host it from the dashboard.
 * The saved file holds only the accepted and edited questions and no source. axe-core checks the
 * notes form and the review. Screenshots: target/screenshots/notes-*.
 */
@LiveServerTest
class NotesToQuizInBrowserIT {

    static final Dimension LAPTOP = new Dimension(1440, 900);
    static final Path QUIZZES = Path.of("target", "test-quizzes", UUID.randomUUID().toString());

    /** Notes on a subject no rule was written for, laid out like a revision page saved from a browser. */
    static final String NOTES = """
            LearnWell logo
            KS4 Science History Revision Notes

            3.4 The Scientific Revolution

            Between about 1540 and 1700 a handful of astronomers and natural philosophers in Europe replaced an ancient picture of the heavens with one built on measurement. Their methods still shape how laboratories work today.

            Hire a tutor
            Get help from an expert tutor now

            A New Picture of the Heavens

            Ancient authorities had placed the Earth at the centre of everything, and universities taught that view for centuries.

            Key Ideas

              • Geocentrism: The older model in which the Sun, Moon and planets all circle a motionless Earth.
              • Heliocentrism: The model placing the Sun near the centre, with the Earth as one planet among several orbiting it.
              • Elliptical Orbits: Planets travel on stretched ovals rather than perfect circles, with the Sun at one focus.

            Astronomers and Their Work

              • Nicolaus Copernicus: A Polish canon who published his Sun-centred system in 1543, shortly before his death.
              • Johannes Kepler: A German mathematician who used Tycho Brahe's records to state three laws of planetary motion in 1609.
              • Galileo Galilei: An Italian professor who turned a telescope on Jupiter in 1610 and saw four moons circling it.

            New Ways of Finding Out

            Scholars began to trust careful observation and repeatable trials over quoting old books.

            The Experimental Method

              • Empiricism: The view that knowledge should come from the senses and from experience.
              • Controlled Experiment: A trial in which only one factor is changed at a time so its effect can be seen.
              • Peer Review: Sending results to other experts so they can check the work before it is accepted.

            Societies and Journals

              • Royal Society: A London club founded in 1660 where members watched demonstrations and argued over results.
              • Philosophical Transactions: The Royal Society's journal, first printed in 1665, which spread reports across Europe.

            Newton and the Laws of Motion

            Isaac Newton drew the separate discoveries together into a single mathematical account.

              • Principia: Newton's great book of 1687, which set out the laws of motion and universal gravitation.
              • Universal Gravitation: The idea that every mass pulls on every other mass with a force that weakens with distance.
              • Calculus: A branch of mathematics for changing quantities, developed by both Newton and Gottfried Leibniz.

            1/2

            Frequently Asked Questions

            Why did the Church object to Galileo?

            Galileo argued openly that the Earth moves around the Sun, and in 1633 the Roman Inquisition forced him to recant and kept him under house arrest.

            Did Copernicus prove that the Earth moves?

            Copernicus offered a tidier system but no direct proof; the telescope evidence gathered by Galileo in 1610 made the case far stronger.

            How did printing help the new science?

            Printed books and journals let Kepler, Galileo and Newton read each other's results quickly, so findings built on one another across borders.

            Practice Questions

            Explain why observation became more trusted than ancient authority during this period.

            Assess how far Isaac Newton deserves the credit for the Scientific Revolution.

            Alternatively contact us
            Sign up for our newsletter
            """;

    static final List<String> CLUTTER = List.of("LearnWell logo", "Hire a tutor", "expert tutor", "1/2",
            "Alternatively contact us", "newsletter");

    @DynamicPropertySource
    static void quizzesFolder(DynamicPropertyRegistry registry) throws IOException {
        Browsers.useQuizzesFolderWithWarmUp(registry, QUIZZES);
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserFleet fleet = BrowserFleet.perTest("notes-");

    @Test
    void notesBecomeADraftThatIsReviewedSavedAndHosted() throws IOException {
        // Plain text marks no title of its own: the file's name becomes the quiz's, not its first heading.
        Path notes = Files.createDirectories(QUIZZES.getParent().resolve("notes-" + UUID.randomUUID()))
                .resolve("Science_history-unit-3.txt");
        Files.writeString(notes, NOTES);
        Screen teacher = fleet.browser("teacher", LAPTOP, "notes-");

        // From the dashboard to the notes form, which is part of the quiz editor.
        teacher.open("/");
        teacher.await(d -> !d.findElements(By.cssSelector("li.quiz[data-quiz-id='warm-up']")).isEmpty(), "warm-up listed");
        teacher.click("draft-from-notes");
        teacher.awaitPhase("notes");
        assertThat(teacher.driver.getCurrentUrl()).endsWith("/editor?notes=1");
        teacher.assertNoAxeViolations("notes form");
        teacher.assertControlsHaveAccessibleNames("notes form");
        // The old separate page leads to the same place.
        teacher.open("/draft.html");
        teacher.awaitPhase("notes");
        assertThat(teacher.driver.getCurrentUrl()).endsWith("/editor?notes=1");

        teacher.el("notes-file").sendKeys(notes.toAbsolutePath().toString());
        teacher.click("notes-button");
        teacher.awaitPhase("editing");
        teacher.await(d -> teacher.el("draft-review").isDisplayed(), "the draft review panel");
        assertThat(teacher.el("quiz-title").getAttribute("value")).isEqualTo("Science history unit 3");

        // Every proposed question is a draft, shows the sentence of the notes it came from, and no clutter.
        List<Card> cards = cards(teacher);
        assertThat(cards).hasSizeGreaterThanOrEqualTo(12);
        assertThat(cards).allSatisfy(c -> {
            assertThat(c.review()).isEqualTo("draft");
            assertThat(c.badge()).isEqualTo("Draft — not saved until you accept or edit it");
            assertThat(c.source()).startsWith("From your notes: ");
            assertThat(flat(NOTES)).contains(c.source().substring("From your notes: ".length()));
        });
        String page = teacher.find("main").getText();
        assertThat(CLUTTER).allSatisfy(junk -> assertThat(page).doesNotContain(junk));
        List<String> sections = teacher.texts("#draft-sections .draft-section-name");
        assertThat(sections).contains("Key Ideas", "Astronomers and Their Work", "The Experimental Method",
                "Frequently Asked Questions");
        assertThat(teacher.text("draft-summary")).startsWith(cards.size() + " draft questions to review; 0 will be saved.");

        // Nothing accepted yet: nothing to save, and saving says so instead of writing a file.
        teacher.awaitText("validity", "Accept or edit a question to save");
        teacher.click("save");
        teacher.awaitText("save-status", "Not saved: accept or edit at least one draft question first.");
        try (var files = Files.list(QUIZZES)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("warm-up.yaml");
        }
        teacher.screenshot("01-draft");
        teacher.assertNoAxeViolations("draft review in the editor");
        teacher.assertControlsHaveAccessibleNames("draft review in the editor");

        // Accept a whole section with the keyboard.
        List<Card> keyIdeas = inSection(cards, "Key Ideas");
        assertThat(keyIdeas).hasSizeGreaterThanOrEqualTo(2);
        teacher.find("#quiz-title").click();
        WebElement acceptAll = teacher.tabTo("Accept all in this section: Key Ideas");
        acceptAll.sendKeys(Keys.ENTER);
        teacher.await(d -> inSection(cards(teacher), "Key Ideas").stream().allMatch(c -> "accepted".equals(c.review())),
                "every Key Ideas question accepted");
        assertThat(inSection(cards(teacher), "Key Ideas")).allSatisfy(c -> assertThat(c.badge()).isEqualTo("Accepted"));
        assertThat(cards(teacher).stream().filter(c -> !"Key Ideas".equals(c.section())))
                .allSatisfy(c -> assertThat(c.review()).as("outside the section").isEqualTo("draft"));
        assertThat(teacher.js("return document.querySelector('#draft-sections button[data-section=\"Key Ideas\"]').disabled"))
                .as("nothing left to accept in the section").isEqualTo(true);
        assertThat(teacher.driver.switchTo().activeElement().getAttribute("id")).as("focus stays in the panel")
                .isEqualTo("draft-review-title");

        // Edit two questions of other sections: the new stem of one, the time of another.
        Card astronomer = inSection(cards(teacher), "Astronomers and Their Work").get(0);
        String newStem = "Which astronomer published a Sun-centred system in 1543?";
        teacher.type("q-text-" + astronomer.index(), newStem);
        Card method = inSection(cards(teacher), "The Experimental Method").get(0);
        teacher.type("q-time-" + method.index(), "30");
        teacher.await(d -> "edited".equals(cards(teacher).get(astronomer.index()).review())
                && "edited".equals(cards(teacher).get(method.index()).review()), "both questions marked edited");
        assertThat(cards(teacher).get(astronomer.index()).badge()).isEqualTo("Edited — kept");

        // The notes' other candidates come in as drafts too, beside their sections; reviews so far stay.
        String more = teacher.text("draft-more");
        assertThat(more).matches("Add \\d+ more questions? from the notes as drafts");
        int extra = Integer.parseInt(more.replaceAll("\\D", ""));
        teacher.click("draft-more");
        teacher.await(d -> cards(teacher).size() == cards.size() + extra, extra + " more cards");
        assertThat(teacher.el("draft-more").isDisplayed()).isFalse();
        List<Card> withMore = cards(teacher);
        assertThat(withMore.stream().filter(c -> !"draft".equals(c.review()))).hasSize(keyIdeas.size() + 2);
        assertThat(withMore).allSatisfy(c -> assertThat(flat(NOTES)).contains(c.source().substring("From your notes: ".length())));
        assertThat(inSection(withMore, "Key Ideas").stream().filter(c -> "draft".equals(c.review())).count())
                .isEqualTo(inSection(withMore, "Key Ideas").size() - keyIdeas.size());

        // Discard one (the first of the FAQ's questions).
        Card discarded = inSection(cards(teacher), "Frequently Asked Questions").get(0);
        teacher.clickButtonNamed("Discard question " + (discarded.index() + 1));
        teacher.await(d -> cards(teacher).size() == withMore.size() - 1, "one question fewer");
        assertThat(cards(teacher)).extracting(Card::text).doesNotContain(discarded.text());

        // Save: only the accepted and edited questions, in the editor's order, without sources.
        List<Card> now = cards(teacher);
        List<Card> kept = now.stream().filter(c -> !"draft".equals(c.review())).toList();
        List<Card> drafts = now.stream().filter(c -> "draft".equals(c.review())).toList();
        assertThat(kept).hasSize(keyIdeas.size() + 2);
        teacher.awaitText("validity", t -> t.startsWith("Ready to save"), "to read 'Ready to save…'");
        teacher.click("save");
        teacher.awaitText("save-status", t -> t.startsWith("Saved as quizzes/science-history-unit-3.yaml")
                && t.endsWith(" · " + drafts.size() + " drafts not saved"), "saved, drafts left out");
        teacher.screenshot("02-saved");
        String yaml = Files.readString(QUIZZES.resolve("science-history-unit-3.yaml"));
        Quiz saved = ((QuizParser.Parsed) QuizParser.parse("science-history-unit-3", "science-history-unit-3.yaml",
                yaml)).quiz();
        assertThat(saved.questions()).extracting(Question::text).containsExactlyElementsOf(kept.stream().map(Card::text).toList());
        assertThat(saved.questions()).extracting(Question::text).contains(newStem);
        assertThat(saved.questions().stream().filter(q -> q.text().equals(method.text())).findFirst().orElseThrow()
                .timeSeconds()).isEqualTo(30);
        assertThat(yaml).doesNotContain("source:").doesNotContain("review").doesNotContain("draft")
                .doesNotContain(discarded.text());
        List<String> keptSources = kept.stream().map(c -> c.source().substring("From your notes: ".length())).toList();
        int checked = 0;
        for (Card d : drafts) {
            assertThat(yaml).as("an unaccepted draft").doesNotContain(d.text());
            // (A kept question's explanation may quote its own bullet, which a draft may share in part.)
            String source = d.source().substring("From your notes: ".length());
            if (keptSources.stream().noneMatch(k -> k.contains(source) || source.contains(k))) {
                assertThat(yaml).as("an unaccepted draft's source").doesNotContain(source);
                checked++;
            }
        }
        assertThat(checked).as("drafts whose sources were checked").isGreaterThan(drafts.size() / 2);
        // The drafts stay in the editor to review later.
        assertThat(cards(teacher).stream().filter(c -> "draft".equals(c.review()))).hasSize(drafts.size());
        teacher.assertNoInjectedScript();

        // Host it from the dashboard: its first question is the first accepted one.
        teacher.open("/");
        teacher.clickButtonNamed("Host Science history unit 3");
        teacher.awaitPhase("lobby");
        // Start waits for a student, as in class.
        new org.quizroom.support.Api(port).join(teacher.awaitText("pin", t -> t.matches("\\d{6}"), "a PIN"), "Pat");
        teacher.click("start");
        teacher.awaitPhase("question").awaitText("question-text", saved.questions().get(0).text());
        assertThat(saved.questions().get(0).text()).isEqualTo(keyIdeas.get(0).text());
        teacher.shot("03-hosted");
    }

    /** One question card as the teacher sees it. */
    record Card(int index, String review, String badge, String section, String text, String source) {
    }

    @SuppressWarnings("unchecked")
    private static List<Card> cards(Screen teacher) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) teacher.js("""
                return [...document.querySelectorAll('li.question-card')].map(c => ({
                  index: Number(c.dataset.index), review: c.dataset.review || '',
                  badge: (c.querySelector('.review-status') || {}).textContent || '',
                  section: c.querySelector('input[data-field=section]').value,
                  text: c.querySelector('textarea[data-field=text]').value,
                  source: (c.querySelector('.source') || {}).textContent || ''}));""");
        List<Card> out = new ArrayList<>();
        for (Map<String, Object> m : raw) {
            out.add(new Card(((Number) m.get("index")).intValue(), (String) m.get("review"), (String) m.get("badge"),
                    (String) m.get("section"), (String) m.get("text"), (String) m.get("source")));
        }
        return out;
    }

    private static List<Card> inSection(List<Card> cards, String section) {
        return cards.stream().filter(c -> section.equals(c.section())).toList();
    }

    /** The notes with bullets and line breaks flattened, as the reader joins them. */
    private static String flat(String text) {
        return text.replace("•", " ").replaceAll("\\s+", " ");
    }
}
